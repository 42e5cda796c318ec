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
 * The curve from `start` (accuracy now) and the estimated gains of the open rows in queue order.
 * Random order: in expectation every reviewed row adds the mean gain, a straight line. The gains
 * are each fix's own (marginal) estimate, so their running sum can overshoot: accuracy is capped
 * at 1.
 */
export function cleaningCurve(
  start: number,
  gains: ArrayLike<number>,
  maxPoints = MAX_CURVE_POINTS,
): Curve {
  const n = gains.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += gains[i];
  const picks = samplePoints(n, maxPoints);
  const ours: Array<[number, number]> = [];
  let cumulative = 0;
  let next = 0;
  for (let i = 0; i <= n && next < picks.length; i++) {
    if (i === picks[next]) {
      ours.push([i, Math.min(1, start + cumulative)]);
      next++;
    }
    if (i < n) cumulative += gains[i];
  }
  const random = picks.map((i): [number, number] => [
    i,
    Math.min(1, start + (n === 0 ? 0 : (i / n) * total)),
  ]);
  return { start, ours, random };
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
