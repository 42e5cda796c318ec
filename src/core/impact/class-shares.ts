/**
 * Out-of-sample class probabilities from a trusted reference: for each query row, the class
 * shares among its K nearest reference rows, smoothed toward the reference's class priors (one
 * pseudo-neighbour spread by prior), so no class is ever called impossible from K votes. Run on
 * the reference itself (leaving each row out) it gives the same probabilities for rows whose
 * labels are known to be right: what clean data looks like under the same estimate.
 */
import { forEachDistanceBlock, type Matrix } from './distances';

/** Row-major `rows × classes` probabilities. */
export interface ClassShares {
  p: Float64Array;
  rows: number;
  classes: number;
}

/** Class shares of the labelled reference rows (the prior the smoothing pulls toward). */
export function classPriors(labels: Int32Array, classes: number): Float64Array {
  const counts = new Float64Array(classes);
  let total = 0;
  for (const y of labels)
    if (y >= 0) {
      counts[y]++;
      total++;
    }
  return counts.map((c) => (total > 0 ? c / total : 1 / classes));
}

/**
 * Probabilities for every row of `query` from its `k` nearest labelled rows of `reference`.
 * With `leaveOneOut`, `query` is the reference itself and each row skips itself.
 */
export async function nearestClassShares(
  query: Matrix,
  reference: Matrix,
  referenceLabels: Int32Array,
  classes: number,
  k: number,
  leaveOneOut = false,
): Promise<ClassShares> {
  const prior = classPriors(referenceLabels, classes);
  const p = new Float64Array(query.rows * classes);
  const m = reference.rows;
  const bestD = new Float64Array(k);
  const bestY = new Int32Array(k);
  await forEachDistanceBlock(query, reference, (start, count, d) => {
    for (let j = 0; j < count; j++) {
      const self = leaveOneOut ? start + j : -1;
      let filled = 0;
      for (let i = 0; i < m; i++) {
        const y = referenceLabels[i];
        if (y < 0 || i === self) continue;
        const dist = d[j * m + i];
        if (filled === k && dist >= bestD[k - 1]) continue;
        let at = filled < k ? filled++ : k - 1;
        while (at > 0 && bestD[at - 1] > dist) {
          bestD[at] = bestD[at - 1];
          bestY[at] = bestY[at - 1];
          at--;
        }
        bestD[at] = dist;
        bestY[at] = y;
      }
      const row = (start + j) * classes;
      for (let c = 0; c < classes; c++) p[row + c] = prior[c] / (filled + 1);
      for (let t = 0; t < filled; t++) p[row + bestY[t]] += 1 / (filled + 1);
    }
  });
  return { p, rows: query.rows, classes };
}
