/**
 * A quick, self-contained feature matrix for the label model: standardized numeric columns
 * (median-imputed, clipped to ±5σ) and one-hot categories (the 20 most frequent per column).
 * Identifier-like and free-text columns are left out: they let a model memorise rows.
 */
import type { Frame } from '../table/frame';
import { finiteValues, sortedCopy } from '../stats/robust';
import { quantileSorted } from '../stats/select';

const TOP_CATEGORIES = 20;

/** Row-major float features for every row (including rows without a label). */
export interface LabelFeatures {
  x: Float32Array;
  width: number;
}

/** Encodes every column except `target` into a standardized matrix. */
export function labelFeatures(frame: Frame, target: number): LabelFeatures {
  const encoders: Array<(r: number, out: Float32Array, at: number) => void> = [];
  const widths: number[] = [];
  frame.columns.forEach((c, i) => {
    if (i === target) return;
    if (c.kind === 'number') {
      const raw = finiteValues(c.values);
      if (raw.length === 0) return;
      const sorted = sortedCopy(raw);
      // Long right tails (incomes, unit slips) squash a linear model's view of the bulk: use
      // log1p for non-negative columns whose mean exceeds the third quartile.
      const log =
        sorted[0] >= 0 &&
        raw.reduce((a, b) => a + b, 0) / raw.length > quantileSorted(sorted, 0.75);
      const f = (v: number) => (log ? Math.log1p(v) : v);
      const finite = log ? raw.map(Math.log1p) : raw;
      const median = f(quantileSorted(sorted, 0.5));
      let sum = 0;
      let sq = 0;
      for (const v of finite) {
        sum += v;
        sq += v * v;
      }
      const mean = sum / finite.length;
      const sd = Math.sqrt(Math.max(0, sq / finite.length - mean * mean)) || 1;
      const vals = c.values;
      encoders.push((r, out, at) => {
        const v = Number.isFinite(vals[r]) ? f(vals[r]) : median;
        out[at] = Math.max(-5, Math.min(5, (v - mean) / sd));
      });
      widths.push(1);
      return;
    }
    if (c.meta.type === 'text' || c.meta.type === 'identifier') return;
    const counts = new Map<string, number>();
    for (const v of c.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    if (counts.size > 0.5 * frame.rows && frame.rows > 40) return;
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_CATEGORIES)
      .map(([v]) => v);
    const index = new Map(top.map((v, j) => [v, j]));
    const vals = c.values;
    encoders.push((r, out, at) => {
      const j = vals[r] === null ? undefined : index.get(vals[r]!);
      if (j !== undefined) out[at + j] = 1;
    });
    widths.push(top.length);
  });
  const width = widths.reduce((a, b) => a + b, 0);
  const x = new Float32Array(frame.rows * width);
  for (let r = 0; r < frame.rows; r++) {
    let at = r * width;
    for (let e = 0; e < encoders.length; e++) {
      encoders[e](r, x, at);
      at += widths[e];
    }
  }
  return { x, width };
}
