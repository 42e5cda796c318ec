/**
 * Exact KNN-Shapley values (Jia et al., VLDB 2019) of every training row against a validation
 * split: per validation point, sort the training rows by distance and run the O(N) recursion.
 * Also collects, per training row and class, the Shapley weight of its own label, so the value it
 * would have after a relabel is known exactly without recomputing (see `relabelGain`).
 */
import { forEachDistanceBlock, type Matrix } from './distances';
import { RadixOrder } from './radix-order';

/** Inputs: feature matrices and class codes (0..classes-1) of both splits. */
export interface ShapleyInput {
  train: Matrix;
  trainLabels: Int32Array;
  val: Matrix;
  valLabels: Int32Array;
  classes: number;
  /** Neighbours of the KNN utility (default 10). */
  k?: number;
}

/** Values and the per-class detail the label signal needs. */
export interface ShapleyResult {
  /** Shapley value per training row (mean over validation points); they sum to the KNN utility. */
  values: Float64Array;
  /**
   * affinity[i * classes + c]: sum over validation points of class c of 1 / max(rank, K), over M: how much
   * row i's own value would gain per unit if its label were c (the value is linear in its label).
   */
  affinity: Float64Array;
  /** votes[i * classes + c]: validation points of class c that have row i among their K nearest. */
  votes: Int32Array;
  k: number;
  /** Validation points used (with a known class). */
  m: number;
  /**
   * nearest[j * (k + 1) + t]: the training row at rank t + 1 for validation point j (-1 past the
   * end or for a point without a class), K + 1 deep so a row's neighbourhoods can be re-scored
   * without it (counterfactual repairs); nearestDist holds the squared distances.
   */
  nearest: Int32Array;
  nearestDist: Float32Array;
}

/** Computes exact KNN-Shapley values; `onProgress(done, total)` after each block. */
export async function knnShapley(
  input: ShapleyInput,
  onProgress?: (done: number, total: number) => void,
): Promise<ShapleyResult> {
  const { train, trainLabels, val, valLabels, classes } = input;
  const n = train.rows;
  const k = Math.max(1, Math.min(input.k ?? 10, n));
  const values = new Float64Array(n);
  // One array per class while accumulating: each validation point then writes to a single
  // n-long array instead of striding through n × classes (measured the costlier part).
  const byClass = Array.from({ length: classes }, () => new Float64Array(n));
  const votes = new Int32Array(n * classes);
  const sorter = new RadixOrder(n);
  const weights = Float64Array.from({ length: n + 1 }, (_, r) => 1 / Math.max(r, k));
  const depth = k + 1;
  const nearest = new Int32Array(val.rows * depth).fill(-1);
  const nearestDist = new Float32Array(val.rows * depth).fill(Infinity);
  await forEachDistanceBlock(val, train, (start, count, d) => {
    const bits = new Uint32Array(d.buffer, d.byteOffset, d.length);
    for (let j = 0; j < count; j++) {
      const y = valLabels[start + j];
      if (y < 0) continue;
      const aff = byClass[y];
      const order = sorter.order(bits.subarray(j * n, (j + 1) * n));
      for (let t = 0; t < Math.min(depth, n); t++) {
        nearest[(start + j) * depth + t] = order[t];
        nearestDist[(start + j) * depth + t] = d[j * n + order[t]];
      }
      // sv = value of the row at rank r (1-based) for this validation point, from the far end in.
      let idx = order[n - 1];
      let cNext = trainLabels[idx] === y ? 1 : 0;
      let sv = cNext / n;
      values[idx] += sv;
      aff[idx] += 1 / Math.max(n, k);
      if (n <= k) votes[idx * classes + y]++;
      // Ranks beyond K: weight 1/r, no votes; split from the top-K loop to keep the hot loop lean.
      for (let r = n - 1; r > k; r--) {
        idx = order[r - 1];
        const c = trainLabels[idx] === y ? 1 : 0;
        const w = weights[r];
        sv += (c - cNext) * w;
        values[idx] += sv;
        aff[idx] += w;
        cNext = c;
      }
      for (let r = Math.min(n - 1, k); r >= 1; r--) {
        idx = order[r - 1];
        const c = trainLabels[idx] === y ? 1 : 0;
        sv += (c - cNext) / k;
        values[idx] += sv;
        aff[idx] += 1 / k;
        votes[idx * classes + y]++;
        cNext = c;
      }
    }
    onProgress?.(start + count, val.rows);
  });
  const m = valLabels.reduce((sum, y) => sum + (y >= 0 ? 1 : 0), 0);
  const scale = m > 0 ? 1 / m : 0;
  for (let i = 0; i < n; i++) values[i] *= scale;
  const affinity = new Float64Array(n * classes);
  byClass.forEach((a, c) => a.forEach((v, i) => (affinity[i * classes + c] = v * scale)));
  return { values, affinity, votes, k, m, nearest, nearestDist };
}

/** Exact change of row i's Shapley value if its label became `to`. */
export function relabelGain(
  result: ShapleyResult,
  classes: number,
  i: number,
  from: number,
  to: number,
): number {
  return result.affinity[i * classes + to] - result.affinity[i * classes + from];
}

/** Computes KNN-Shapley values: `knnShapley` itself, or a runner that spreads it over threads. */
export type ShapleyRunner = (
  input: ShapleyInput,
  onProgress?: (done: number, total: number) => void,
) => Promise<ShapleyResult>;

/**
 * The result over all validation points from results over disjoint parts of them (the values
 * are means over validation points, so each part weighs by its count; votes add up).
 */
export function mergeShapley(parts: readonly ShapleyResult[]): ShapleyResult {
  const m = parts.reduce((sum, p) => sum + p.m, 0);
  const [first] = parts;
  const values = new Float64Array(first.values.length);
  const affinity = new Float64Array(first.affinity.length);
  const votes = new Int32Array(first.votes.length);
  const rows = parts.reduce((sum, p) => sum + p.nearest.length, 0);
  for (const p of parts) {
    const w = m > 0 ? p.m / m : 0;
    p.values.forEach((v, i) => (values[i] += v * w));
    p.affinity.forEach((v, i) => (affinity[i] += v * w));
    p.votes.forEach((v, i) => (votes[i] += v));
  }
  return {
    values,
    affinity,
    votes,
    k: first.k,
    m,
    nearest: concatenated(
      parts.map((p) => p.nearest),
      new Int32Array(rows),
    ),
    nearestDist: concatenated(
      parts.map((p) => p.nearestDist),
      new Float32Array(rows),
    ),
  };
}

/** `arrays` one after another, written into `into` (of their total length). */
export function concatenated<T extends Int32Array | Float32Array>(arrays: T[], into: T): T {
  let at = 0;
  for (const a of arrays) {
    into.set(a, at);
    at += a.length;
  }
  return into;
}

/** Validation rows [start, end) of an input, as an input of their own. */
export function validationSlice(input: ShapleyInput, start: number, end: number): ShapleyInput {
  const w = input.val.width;
  return {
    ...input,
    val: { x: input.val.x.slice(start * w, end * w), rows: end - start, width: w },
    valLabels: input.valLabels.slice(start, end),
  };
}
