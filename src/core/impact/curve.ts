/**
 * The cleaning curve: estimated validation accuracy against rows reviewed, in our order and in a
 * random one. The start is the KNN utility of the reference (by the efficiency of Shapley values
 * the values of the rows valued together sum to it); each fix then adds its estimated gain.
 */

/** Points kept per curve: enough for a chart, small enough to cross every update. */
export const MAX_CURVE_POINTS = 200;

/** The curve as the protocol carries it. */
export interface Curve {
  start: number;
  ours: Array<[number, number]>;
  random: Array<[number, number]>;
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
