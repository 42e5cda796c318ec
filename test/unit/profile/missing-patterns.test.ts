import { describe, expect, it } from 'vitest';
import { missingCounts } from '../../../src/core/profile/missing-patterns';
import { seededRandom } from '../../../src/core/stats/rng';
import { frameFromArrays } from '../detect/helpers';

/** Counts the slow way: cell by cell. */
function bruteForce(columns: Array<Array<number | string | null>>) {
  const width = columns.length;
  const together = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  const patterns = new Map<string, number>();
  for (let r = 0; r < columns[0].length; r++) {
    const gaps = columns.flatMap((col, c) => (col[r] === null ? [c] : []));
    if (!gaps.length) continue;
    for (const i of gaps) for (const j of gaps) together[i][j]++;
    patterns.set(gaps.join(','), (patterns.get(gaps.join(',')) ?? 0) + 1);
  }
  return { together, patterns };
}

describe('missing-value patterns', () => {
  for (const width of [3, 40]) {
    it(`counts columns missing together like a cell-by-cell pass (${width} columns)`, () => {
      const rand = seededRandom(width);
      const columns = Array.from({ length: width }, (_, c) =>
        Array.from({ length: 200 }, () =>
          rand() < 0.15 ? null : c % 2 ? Math.round(rand() * 9) : 'abc'[Math.floor(rand() * 3)],
        ),
      );
      const frame = frameFromArrays(Object.fromEntries(columns.map((col, c) => [`c${c}`, col])));
      const got = missingCounts(frame);
      const want = bruteForce(columns);
      expect(got.together).toEqual(want.together);
      expect(new Map([...got.patterns].sort())).toEqual(new Map([...want.patterns].sort()));
    });
  }

  it('leaves out excluded rows and says nothing for a complete frame', () => {
    const frame = frameFromArrays({ a: [1, null, 3], b: ['x', 'y', null] });
    frame.excluded[1] = 1;
    expect([...missingCounts(frame).patterns]).toEqual([['1', 1]]);
    const full = frameFromArrays({ a: [1, 2], b: ['x', 'y'] });
    expect(missingCounts(full).patterns.size).toBe(0);
  });
});
