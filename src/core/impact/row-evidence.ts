/**
 * The evidence a reviewer reads for one row: its nearest reference rows with their labels, the
 * classes it likely belongs to, and where its flagged value sits in the column's distribution.
 * One row against M reference rows is M short dot products: cheap enough to do on demand.
 */
import { boolSpellings, classLabel, type Frame } from '../table/frame';
import type { Matrix } from './distances';
import type { ShapleyResult } from './knn-shapley';

export interface Neighbour {
  /** 0-based row of the reference dataset. */
  row: number;
  label: string;
  distance: number;
}

/** The rows a training row is compared with: a matrix, their dataset rows and class codes. */
export interface Reference {
  matrix: Matrix;
  rows: Int32Array;
  labels: Int32Array;
}

/** The `k` reference rows nearest to row `r` of `m` (Euclidean, on the encoded features). */
export function nearestRows(
  m: Matrix,
  r: number,
  ref: Reference,
  classes: readonly string[],
  k: number,
  skipRow = -1,
): Neighbour[] {
  const w = m.width;
  const x = m.x.subarray(r * w, (r + 1) * w);
  const best: Array<[number, number]> = [];
  for (let i = 0; i < ref.matrix.rows; i++) {
    if (ref.rows[i] === skipRow) continue;
    let d = 0;
    for (let f = 0, o = i * w; f < w; f++) {
      const diff = x[f] - ref.matrix.x[o + f];
      d += diff * diff;
    }
    if (best.length === k && d >= best[k - 1][0]) continue;
    let at = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push([d, i]);
    while (at > 0 && best[at - 1][0] > d) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = [d, i];
  }
  return best.map(([d, i]) => ({
    row: ref.rows[i],
    label: ref.labels[i] >= 0 ? classes[ref.labels[i]] : '',
    distance: Math.sqrt(Math.max(0, d)),
  }));
}

/**
 * Classes ordered by estimated probability for row `r`: its Shapley affinity per class (how much
 * of the reference's weight sits on each class around it), normalised; where the row has none,
 * the vote of its nearest reference rows.
 */
export function classProbabilities(
  shapley: ShapleyResult,
  r: number,
  classes: readonly string[],
  neighbours: readonly Neighbour[],
): Array<{ label: string; p: number }> {
  const C = classes.length;
  const weights = new Float64Array(C);
  let total = 0;
  for (let c = 0; c < C; c++) {
    weights[c] = shapley.affinity[r * C + c] || 0;
    total += weights[c];
  }
  if (!(total > 0)) {
    const index = new Map(classes.map((c, i) => [c, i]));
    for (const n of neighbours) {
      const c = index.get(n.label);
      if (c !== undefined) weights[c]++;
    }
    total = neighbours.length;
  }
  return classes
    .map((label, c) => ({ label, p: total > 0 ? weights[c] / total : 1 / C }))
    .sort((a, b) => b.p - a.p || a.label.localeCompare(b.label));
}

/** A column's distribution with one row's value (bins for numbers, top values otherwise). */
export interface Distribution {
  column: number;
  value: string | null;
  bins: Array<[number, number, number]> | null;
  top: Array<[string, number]> | null;
}

/** The distribution of `column` in `frame`, marking row `r`'s value. */
export function columnDistribution(
  frame: Frame,
  column: number,
  r: number,
  binCount = 20,
  topCount = 10,
): Distribution {
  const col = frame.columns[column];
  const spellings = boolSpellings(col);
  if (spellings) {
    // Yes/no: a bar per value in the file's spelling ("No", "Yes"), not a histogram of 0/1.
    const counts = [0, 0];
    for (const v of col.values as Float64Array) if (v === v) counts[v !== 0 ? 1 : 0]++;
    const top = spellings.map((label, i): [string, number] => [label, counts[i]]);
    return { column, value: classLabel(col, r), bins: null, top: top.filter(([, n]) => n > 0) };
  }
  if (col.kind === 'number') {
    const v = col.values[r];
    const value = Number.isNaN(v) ? (col.invalid.get(r) ?? null) : String(v);
    return { column, value, bins: histogram(col.values, binCount), top: null };
  }
  const counts = new Map<string, number>();
  for (const v of col.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topCount);
  return { column, value: col.values[r], bins: null, top };
}

/** Equal-width bins [from, to, count] over the finite values (empty when there are none). */
function histogram(values: Float64Array, count: number): Array<[number, number, number]> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (lo > hi) return [];
  if (lo === hi) return [[lo, hi, values.filter(Number.isFinite).length]];
  const width = (hi - lo) / count;
  const bins: Array<[number, number, number]> = Array.from({ length: count }, (_, i) => [
    lo + i * width,
    i === count - 1 ? hi : lo + (i + 1) * width,
    0,
  ]);
  for (const v of values)
    if (Number.isFinite(v)) bins[Math.min(count - 1, Math.floor((v - lo) / width))][2]++;
  return bins;
}
