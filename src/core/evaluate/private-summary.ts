/**
 * Summaries of training values that cannot give a row back: every published number is an
 * aggregate of at least k rows (k-anonymous bins and quantiles), bin edges are numbers no training
 * value takes, and categories seen fewer than k times are pooled, never named.
 */

/** Rows every bin, category and quantile window must cover unless a setting says otherwise. */
export const DEFAULT_PRIVACY_K = 10;

/** Most bins a numeric summary keeps (~1% of the rows each when there are enough). */
const MAX_BINS = 100;

/** A numeric column as equal-frequency bins; bin i holds values in [edges[i-1], edges[i]). */
export interface NumericSummary {
  /** Present values summarised (≥ k). */
  count: number;
  mean: number;
  std: number;
  /** Interior edges only: the first bin is open below, the last open above (no min, no max). */
  edges: number[];
  counts: number[];
  /** Mean of each bin's values (≥ k of them). */
  means: number[];
  /** Largest share of the values in one bin: a KS statistic from bins is at most this low. */
  ksError: number;
  /** Σ share × mean |x − bin mean| ÷ std: the most a Wasserstein distance from bins is off. */
  wassersteinError: number;
}

/** Checks k: a whole number from 2 up (k = 1 would publish single rows). */
export function validPrivacyK(k: number): boolean {
  return Number.isInteger(k) && k >= 2 && k <= 1_000_000;
}

/**
 * The shortest decimal strictly between a < b that no row of the column takes (`taken`: values
 * of other splits can fall between two training values), so an edge is never a value of the
 * data; the midpoint when no short decimal fits.
 */
export function edgeBetween(a: number, b: number, taken?: ReadonlySet<number>): number {
  for (let places = -15; places <= 12; places++) {
    const unit = 10 ** -places;
    const low = Math.floor(a / unit);
    // A few steps of this size, in case the first ones are taken.
    for (let step = 1; step <= 9; step++) {
      const candidate = Number(((low + step) * unit).toFixed(Math.max(0, places)));
      if (candidate >= b) break;
      if (candidate > a && !taken?.has(candidate)) return candidate;
    }
  }
  return a + (b - a) / 2;
}

/**
 * The q-quantile of sorted values as the mean of the k values around it, so no single row sets
 * it (a plain median is a training value for an odd count); all values when fewer than k.
 */
export function privateQuantile(sorted: ArrayLike<number>, q: number, k: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const width = Math.min(k, n);
  const centre = (n - 1) * q;
  const start = Math.min(n - width, Math.max(0, Math.round(centre - (width - 1) / 2)));
  let sum = 0;
  for (let i = start; i < start + width; i++) sum += sorted[i];
  const mean = sum / width;
  // A window of one value repeated gives that value back exactly, not 41.99999999.
  return sorted[start] === sorted[start + width - 1] ? sorted[start] : mean;
}

/**
 * `x`, or when a row of the column holds exactly that number (a mean of k evenly spaced values
 * can land on one), `x` moved by a billionth: the aggregate stays, no row's value is written.
 */
export function offValues(x: number, taken: { has(v: number): boolean }): number {
  let moved = x;
  while (taken.has(moved)) moved += Math.max(Math.abs(x), 1) * 1e-9;
  return moved;
}

/** Bin boundaries (indices into sorted values): each bin ≥ k values, never splitting a tie. */
function boundaries(sorted: Float64Array, k: number): number[] {
  const n = sorted.length;
  const bins = Math.max(1, Math.min(MAX_BINS, Math.floor(n / k)));
  const cuts: number[] = [];
  let last = 0;
  for (let j = 1; j < bins; j++) {
    let at = Math.max(last + k, Math.round((j * n) / bins));
    while (at < n && sorted[at - 1] === sorted[at]) at++;
    if (n - at < k) break;
    cuts.push(at);
    last = at;
  }
  return cuts;
}

/** Summarises sorted present values in bins of ≥ k; null when fewer than k values. */
export function summariseNumeric(
  sorted: Float64Array,
  k: number,
  taken?: ReadonlySet<number>,
): NumericSummary | null {
  const n = sorted.length;
  if (n < k) return null;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) ** 2;
  const std = Math.sqrt(squares / n);
  const cuts = boundaries(sorted, k);
  const starts = [0, ...cuts];
  const ends = [...cuts, n];
  const counts: number[] = [];
  const means: number[] = [];
  let spread = 0;
  for (let b = 0; b < starts.length; b++) {
    const values = sorted.subarray(starts[b], ends[b]);
    const binMean = values.reduce((s, v) => s + v, 0) / values.length;
    counts.push(values.length);
    means.push(binMean);
    spread += values.reduce((s, v) => s + Math.abs(v - binMean), 0) / n;
  }
  const off = (x: number) => (taken ? offValues(x, taken) : x);
  return {
    count: n,
    mean: off(mean),
    std,
    edges: cuts.map((i) => edgeBetween(sorted[i - 1], sorted[i], taken)),
    counts,
    means: means.map(off),
    ksError: Math.max(...counts) / n,
    wassersteinError: spread / Math.max(std, 0.001),
  };
}

/** Counts of values seen ≥ k times; the rest only as one pooled count (their names dropped). */
export function poolRare(
  counts: Record<string, number>,
  k: number,
): { counts: Record<string, number>; other: number } {
  const kept: Record<string, number> = {};
  let other = 0;
  for (const [value, count] of Object.entries(counts)) {
    if (count >= k) kept[value] = count;
    else other += count;
  }
  return { counts: kept, other };
}
