import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { knnProbabilities } from '../../../src/core/detect/knn-probabilities';

/** Two tight clusters on a line (class 0 near 0, class 1 near 10); row 3 carries the wrong label. */
function clusters(n: number): { x: Float32Array; labels: Int32Array } {
  const x = new Float32Array(n);
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const side = r % 2;
    x[r] = side * 10 + (r % 5) * 0.01;
    labels[r] = r === 3 ? 0 : side;
  }
  return { x, labels };
}

describe('nearest-neighbour probabilities', () => {
  it('judges each row by its neighbours, never by itself', () => {
    const { x, labels } = clusters(40);
    const p = knnProbabilities(x, 1, labels, 2, {
      neighbours: 5,
      maxReference: 1000,
      maxPairs: 1e6,
      seed: 1,
    });
    // Row 3 sits among class 1 rows: its own (wrong) label must not vote for it.
    expect(p[3 * 2 + 1]).toBeGreaterThan(0.9);
    expect(p[0 * 2 + 0]).toBeGreaterThan(0.9);
    for (let r = 0; r < 40; r++) expect(p[r * 2] + p[r * 2 + 1]).toBeCloseTo(1, 5);
  });

  it('leaves unlabelled rows at zero and samples references above the cap', () => {
    const { x, labels } = clusters(300);
    labels[10] = -1;
    const p = knnProbabilities(x, 1, labels, 2, {
      neighbours: 5,
      maxReference: 50,
      maxPairs: 1e6,
      seed: 2,
    });
    expect([p[20], p[21]]).toEqual([0, 0]);
    expect(p[1 * 2 + 1]).toBeGreaterThan(0.9);
    // A pair budget smaller than rows × maxReference shrinks the sample (here to 20 rows).
    const small = knnProbabilities(x, 1, labels, 2, {
      neighbours: 5,
      maxReference: 50,
      maxPairs: 300 * 20,
      seed: 2,
    });
    expect(small[1 * 2 + 1]).toBeGreaterThan(0.9);
  });

  it('stops when its signal aborts', () => {
    const { x, labels } = clusters(600);
    expect(() => knnProbabilities(x, 1, labels, 2, undefined, { aborted: true })).toThrow(
      CleanroomError,
    );
  });
});
