/**
 * The cleaning curve: estimated validation accuracy against rows reviewed, in our order and in a
 * random one. The start is the KNN utility of the reference (by the efficiency of Shapley values
 * the values of the rows valued together sum to it); each fix then adds its estimated gain.
 */
import type { RankedRow } from './combine';

/** Points kept per curve: enough for a chart, small enough to cross every update. */
export const MAX_CURVE_POINTS = 200;

/** The curve as the protocol carries it. */
export interface Curve {
  start: number;
  ours: Array<[number, number]>;
  random: Array<[number, number]>;
  /** The same for balanced accuracy (mean of the per-class accuracies), where it was estimated. */
  balanced?: Omit<Curve, 'balanced'>;
}

/**
 * The reference per class, for balanced accuracy. KNN utility per class c: the mean, over the
 * reference points of class c, of the share of their K nearest training rows labelled c; the
 * balanced utility is the mean of that over the classes the reference holds. Counted straight
 * from the neighbourhoods the Shapley pass kept (K + 1 deep), pooling the reference points of
 * every part (with a held-out split, both parts).
 */
export interface ClassReference {
  /** Reference points per class. */
  counts: Float64Array;
  /** Balanced KNN utility at ranking time. */
  start: number;
}

/** What classReference reads of each reference. */
export interface Neighbourhoods {
  valLabels: Int32Array;
  /** K + 1 nearest training rows per reference point (global rows, -1 = none). */
  nearest: Int32Array;
  k: number;
}

/** Per-class counts and balanced utility of `references` for training labels `given`. */
export function classReference(
  references: readonly Neighbourhoods[],
  given: ArrayLike<number>,
  classes: number,
): ClassReference {
  const counts = new Float64Array(classes);
  const hits = new Float64Array(classes);
  for (const ref of references) {
    const depth = ref.k + 1;
    ref.valLabels.forEach((y, j) => {
      if (y < 0 || y >= classes) return;
      let same = 0;
      let seen = 0;
      for (let t = 0; t < ref.k; t++) {
        const row = ref.nearest[j * depth + t];
        if (row < 0) break;
        seen++;
        if (given[row] === y) same++;
      }
      counts[y]++;
      // K = min(k, training rows): the utility's denominator, as in knnShapley.
      hits[y] += seen > 0 ? same / seen : 0;
    });
  }
  let sum = 0;
  let present = 0;
  counts.forEach((m, c) => {
    if (m > 0) {
      sum += hits[c] / m;
      present++;
    }
  });
  return { counts, start: present > 0 ? sum / present : 0 };
}

/**
 * Balanced-accuracy gain of relabelling row `row` from class `from` to `to`. Its affinity for c,
 * affinity[row·C + c] = (1/M) Σ over reference points j of class c of its weight at j, is the
 * share of the overall utility its label c carries; class c's own utility averages over M_c
 * points instead of M, so a relabel moves class c's accuracy by (M / M_c) × Δaffinity_c, and the
 * balanced accuracy by the mean of that over the classes present. Exact as the accuracy gain is
 * (the value is linear in the row's label); with a held-out split the pooled shares stand in for
 * each part's own.
 */
export function balancedRelabelGain(
  affinity: ArrayLike<number>,
  row: number,
  from: number,
  to: number,
  ref: ClassReference,
): number {
  const C = ref.counts.length;
  let M = 0;
  let present = 0;
  for (const m of ref.counts) {
    M += m;
    if (m > 0) present++;
  }
  if (present === 0 || from === to) return 0;
  const perClass = (c: number) => (ref.counts[c] > 0 ? M / ref.counts[c] : 0);
  const gained = affinity[row * C + to] * perClass(to);
  const lost = from >= 0 ? affinity[row * C + from] * perClass(from) : 0;
  return (gained - lost) / present;
}

/**
 * Estimated accuracy of the KNN utility: the sum of the Shapley values of each part valued
 * together (NaN values, rows never valued, are skipped). With a held-out split there are two
 * parts, each valued against the other; their utilities are averaged weighted by each part's own
 * size, the weights rankRows gives the parts' relabel gains (it rescales each part's affinity by
 * its share of the rows), so start and gains are in the same units. It also leans on the part
 * trained on most rows, which is closer to a model trained on all of them.
 */
export function knnUtility(values: Float64Array, parts: Int32Array[] | null = null): number {
  const sum = (rows: Iterable<number>) => {
    let s = 0;
    for (const r of rows) if (!Number.isNaN(values[r])) s += values[r];
    return s;
  };
  if (!parts || parts.length < 2) return sum(values.keys());
  const [a, b] = parts;
  if (a.length + b.length === 0) return 0;
  return (sum(a) * a.length + sum(b) * b.length) / (a.length + b.length);
}

/**
 * Accuracy after fixes whose own estimated gains sum to `gained`, from `base` at ranking time.
 * Each gain is a fix's marginal effect alone; summed over many rows they overlap (two relabels
 * near the same validation point win it once) and the plain sum can pass 100%. So each fix is
 * taken to win its gain as a share of what is still left: accuracy = 1 − h·exp(−gained / h),
 * h = 1 − base. Small sums stay as they are (slope 1 at 0); large ones approach 1, never pass it.
 */
export function accuracyAfter(base: number, gained: number): number {
  const headroom = 1 - base;
  if (headroom <= 1e-12) return base;
  return 1 - headroom * Math.exp(-gained / headroom);
}

/**
 * The curve from `base` (accuracy at ranking time), the gains already won (`realised`), and the
 * estimated gains of the open rows in queue order. Random order: in expectation every reviewed
 * row adds the mean gain (a straight line in summed gain, through accuracyAfter like ours).
 */
export function cleaningCurve(
  base: number,
  realised: number,
  gains: ArrayLike<number>,
  maxPoints = MAX_CURVE_POINTS,
): Curve {
  const n = gains.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += gains[i];
  const picks = samplePoints(n, maxPoints);
  const at = (gained: number) => accuracyAfter(base, realised + gained);
  const ours: Array<[number, number]> = [];
  let cumulative = 0;
  let next = 0;
  for (let i = 0; i <= n && next < picks.length; i++) {
    if (i === picks[next]) {
      ours.push([i, at(cumulative)]);
      next++;
    }
    if (i < n) cumulative += gains[i];
  }
  const random = picks.map((i): [number, number] => [i, at(n === 0 ? 0 : (i / n) * total)]);
  return { start: at(0), ours, random };
}

/** Up to `max` increasing indices over 0..n, first and last included. */
export function samplePoints(n: number, max: number): number[] {
  if (n + 1 <= max) return Array.from({ length: n + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let p = 0; p < max; p++) {
    const i = Math.round((p * n) / (max - 1));
    if (out.at(-1) !== i) out.push(i);
  }
  return out;
}

/**
 * Balanced-accuracy gain of a ranked row's suggested fix: a relabel's from the Shapley detail
 * (balancedRelabelGain); any other fix's accuracy gain as it is, taking it to fall on the classes
 * in their reference shares (a cell fix's counterfactual is not kept per class), in which case the
 * balanced accuracy moves as much as the accuracy does.
 */
export function suggestedBalancedGain(
  item: RankedRow,
  given: number,
  classes: readonly string[],
  affinity: Float64Array,
  ref: ClassReference,
): number {
  const s = item.suggestion;
  if (item.kind !== 'label' || s?.kind !== 'relabel') return item.gain;
  const to = classes.indexOf(s.value);
  if (to < 0) return item.gain;
  return balancedRelabelGain(affinity, item.row, given, to, ref);
}
