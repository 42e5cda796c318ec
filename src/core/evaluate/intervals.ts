/** 95% confidence intervals: Wilson for proportions, seeded percentile bootstrap for the rest. */
import { seededRandom } from '../stats/rng';

/** A measured value with its interval (`low`/`high` are NaN when no interval could be computed). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  method: 'wilson' | 'bootstrap' | 'none';
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for `successes` out of `n` (stays inside [0, 1], sane at 0 and n). */
export function wilson(successes: number, n: number, z = Z95): Estimate {
  if (n === 0) return { value: NaN, low: NaN, high: NaN, method: 'wilson' };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 and n the bound is exactly 0 or 1; floating error would leave 0.9999999999999999.
  return {
    value: p,
    low: successes === 0 ? 0 : Math.max(0, center - half),
    high: successes === n ? 1 : Math.min(1, center + half),
    method: 'wilson',
  };
}

/** Options for the bootstrap. */
export interface BootstrapOptions {
  /** Resamples (default 200; 0 = no interval). */
  resamples?: number;
  seed?: number;
  /** Coverage (default 0.95). */
  level?: number;
}

/**
 * Percentile bootstrap of `statistic` over rows 0..n-1: it receives resampled row indices.
 * Resamples where the statistic is not finite (e.g. AUC with one class) are skipped.
 */
export function bootstrap(
  n: number,
  statistic: (rows: Int32Array) => number,
  options: BootstrapOptions = {},
): Estimate {
  const { resamples = 200, seed = 7, level = 0.95 } = options;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const value = statistic(all);
  if (resamples <= 0 || n < 2) return { value, low: NaN, high: NaN, method: 'none' };
  const random = seededRandom(seed);
  const stats: number[] = [];
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(random() * n);
    const s = statistic(rows);
    if (Number.isFinite(s)) stats.push(s);
  }
  if (stats.length === 0) return { value, low: NaN, high: NaN, method: 'bootstrap' };
  stats.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const pick = (q: number) =>
    stats[Math.min(stats.length - 1, Math.max(0, Math.round(q * (stats.length - 1))))];
  return { value, low: pick(tail), high: pick(1 - tail), method: 'bootstrap' };
}
