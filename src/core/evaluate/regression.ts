/** Regression metrics with bootstrap intervals. */
import { quantileSorted } from '../stats/select';
import { bootstrap, type BootstrapOptions, type Estimate } from './intervals';

/** Everything measured on one split for a regressor. */
export interface RegressionReport {
  task: 'regression';
  n: number;
  rmse: Estimate;
  mae: Estimate;
  r2: Estimate;
  /** Residual (truth − prediction) summary; the residuals themselves at most 2,000 (evenly picked). */
  residuals: { mean: number; p05: number; p50: number; p95: number; sample: number[] };
}

/** Metrics of `predicted` against `truth`. */
export function regressionReport(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: BootstrapOptions = {},
): RegressionReport {
  const n = truth.length;
  const residual = Float64Array.from({ length: n }, (_, i) => truth[i] - predicted[i]);
  const rmse = (rows: Int32Array) =>
    Math.sqrt(rows.reduce((s, i) => s + residual[i] ** 2, 0) / rows.length);
  const mae = (rows: Int32Array) =>
    rows.reduce((s, i) => s + Math.abs(residual[i]), 0) / rows.length;
  const r2 = (rows: Int32Array) => {
    const mean = rows.reduce((s, i) => s + truth[i], 0) / rows.length;
    let ssRes = 0;
    let ssTot = 0;
    for (const i of rows) {
      ssRes += residual[i] ** 2;
      ssTot += (truth[i] - mean) ** 2;
    }
    return ssTot > 0 ? 1 - ssRes / ssTot : NaN;
  };
  const sorted = Float64Array.from(residual).sort();
  const step = Math.max(1, Math.ceil(n / 2000));
  return {
    task: 'regression',
    n,
    rmse: bootstrap(n, rmse, options),
    mae: bootstrap(n, mae, { ...options, seed: (options.seed ?? 7) + 1 }),
    r2: bootstrap(n, r2, { ...options, seed: (options.seed ?? 7) + 2 }),
    residuals: {
      mean: residual.reduce((s, v) => s + v, 0) / n,
      p05: quantileSorted(sorted, 0.05),
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      sample: Array.from(residual.filter((_, i) => i % step === 0)),
    },
  };
}
