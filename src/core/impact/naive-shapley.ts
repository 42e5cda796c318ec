/**
 * The straightforward exact KNN-Shapley: per validation point, per-pair distances in plain JS and
 * a full comparison sort, then the recursion. The reference the fast version is checked and timed
 * against.
 */
import type { ShapleyInput } from './knn-shapley';

/** Shapley value per training row, computed the plain O(M·N log N) way. */
export function naiveKnnShapley(input: ShapleyInput): Float64Array {
  const { train, trainLabels, val, valLabels } = input;
  const n = train.rows;
  const w = train.width;
  const k = Math.max(1, Math.min(input.k ?? 10, n));
  const values = new Float64Array(n);
  let m = 0;
  for (let j = 0; j < val.rows; j++) {
    const y = valLabels[j];
    if (y < 0) continue;
    m++;
    const dist = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let f = 0; f < w; f++) {
        const diff = train.x[i * w + f] - val.x[j * w + f];
        sum += diff * diff;
      }
      dist[i] = sum;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[a] - dist[b] || a - b);
    let next = (trainLabels[order[n - 1]] === y ? 1 : 0) / n;
    values[order[n - 1]] += next;
    for (let r = n - 1; r >= 1; r--) {
      const c = trainLabels[order[r - 1]] === y ? 1 : 0;
      const cNext = trainLabels[order[r]] === y ? 1 : 0;
      next += ((c - cNext) / k) * (Math.min(k, r) / r);
      values[order[r - 1]] += next;
    }
  }
  if (m > 0) for (let i = 0; i < n; i++) values[i] /= m;
  return values;
}
