import { describe, expect, it } from 'vitest';
import { quantileSorted, quantilesInPlace, selectInPlace } from '../../../src/core/stats/select';
import { madSorted, robustStats, sortedCopy } from '../../../src/core/stats/robust';
import { seededRandom } from '../../../src/core/stats/rng';

/** Arrays with ties, runs, constants and outliers: where selection pivots go wrong. */
function cases(): Float64Array[] {
  const rand = seededRandom(3);
  const out = [
    new Float64Array([5]),
    new Float64Array([2, 1]),
    new Float64Array(50).fill(7),
    Float64Array.from({ length: 1000 }, (_, i) => i),
    Float64Array.from({ length: 1000 }, (_, i) => 1000 - i),
  ];
  for (const n of [3, 10, 101, 5000])
    out.push(
      Float64Array.from({ length: n }, () =>
        rand() < 0.3 ? Math.floor(rand() * 4) : rand() * 100,
      ),
      Float64Array.from({ length: n }, () => (rand() < 0.01 ? -999 : Math.round(rand() * 20))),
    );
  return out;
}

describe('order statistics by selection', () => {
  it('finds the k-th smallest exactly as a sort does', () => {
    for (const a of cases()) {
      const sorted = sortedCopy(a);
      for (const k of [0, a.length >> 1, a.length - 1])
        expect(selectInPlace(a.slice(), k)).toBe(sorted[k]);
    }
  });

  it('gives type-7 quantiles equal to quantileSorted', () => {
    const qs = [0, 0.02, 0.25, 0.5, 0.75, 0.98, 1];
    for (const a of cases()) {
      const sorted = sortedCopy(a);
      expect(quantilesInPlace(a.slice(), qs)).toEqual(qs.map((q) => quantileSorted(sorted, q)));
    }
    expect(quantilesInPlace(new Float64Array(0), [0.5])).toEqual([NaN]);
  });

  it('keeps robustStats equal to the sort-based median, quartiles and MAD', () => {
    for (const a of cases()) {
      const sorted = sortedCopy(a);
      const median = quantileSorted(sorted, 0.5);
      const s = robustStats(a);
      expect(s.median).toBe(median);
      expect(s.q1).toBe(quantileSorted(sorted, 0.25));
      expect(s.q3).toBe(quantileSorted(sorted, 0.75));
      expect(s.mad).toBeCloseTo(1.4826 * madSorted(sorted, median), 9);
    }
  });
});
