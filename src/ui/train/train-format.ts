/** Number formatting for metrics with their 95% intervals. */
import type { Estimate } from '../../core/evaluate/intervals';

/** 0.912 → "0.912"; NaN → "–". */
export function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** "0.912 (95% CI 0.871–0.944)" or just the value when no interval was computed. */
export function fmtEstimate(e: Estimate, digits = 3): string {
  const ci =
    Number.isFinite(e.low) && Number.isFinite(e.high)
      ? ` (95% CI ${fmt(e.low, digits)}–${fmt(e.high, digits)}, ${e.method})`
      : '';
  return `${fmt(e.value, digits)}${ci}`;
}

/** A p-value: 0.0421 → "0.042", 3e-9 → "< 0.001", NaN → "–". */
export function fmtPValue(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
