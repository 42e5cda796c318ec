/**
 * KS and Wasserstein of new values against a binned training summary (no training values kept).
 *
 * Tolerance, stated: the KS statistic from bins is the exact one measured only at the bin edges,
 * so D_binned ≤ D ≤ D_binned + (largest reference bin share) + (largest share of new values
 * inside one reference bin); the p-value uses the full training count. Wasserstein treats each
 * bin as its mean; by the triangle inequality it is off by at most the summary's
 * `wassersteinError` (Σ bin share × mean |x − bin mean| ÷ std), stored with the summary.
 */
import type { NumericSummary } from './private-summary';
import { ksPValue } from './drift-stats';

/** Share of sorted `values` below `x` (binary search). */
function shareBelow(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo / values.length;
}

/** Two-sample KS of sorted `current` against the summary, evaluated at the bin edges. */
export function binnedKs(
  summary: NumericSummary,
  current: Float64Array,
): { statistic: number; pValue: number } {
  let below = 0;
  let d = 0;
  for (let i = 0; i < summary.edges.length; i++) {
    below += summary.counts[i];
    d = Math.max(d, Math.abs(below / summary.count - shareBelow(current, summary.edges[i])));
  }
  return { statistic: d, pValue: ksPValue(d, summary.count, current.length) };
}

/** Wasserstein-1 between the bins (each a point at its mean) and sorted `current`, ÷ the std. */
export function binnedWasserstein(summary: NumericSummary, current: Float64Array): number {
  const points = summary.means.map((x, i) => ({ x, w: summary.counts[i] / summary.count }));
  for (const x of current) points.push({ x, w: -1 / current.length });
  points.sort((a, b) => a.x - b.x);
  // ∫ |F_ref − F_cur| dx: the running difference of the two CDFs times each gap.
  let difference = 0;
  let distance = 0;
  for (let i = 0; i < points.length - 1; i++) {
    difference += points[i].w;
    distance += Math.abs(difference) * (points[i + 1].x - points[i].x);
  }
  return distance / Math.max(summary.std, 0.001);
}
