/**
 * Regression targets far outside the rest (1e308 among values near 10): such a row is left out of
 * training and of every evaluation split, counted and named in a warning. Clipping a label, as
 * features are clipped, would change the truth the model is trained and scored against; keeping
 * it would overflow the target's scaling or let one row swamp the squared error of all others.
 * The bounds are the features' robust bounds (20 IQRs beyond the quartiles), taken over every
 * row with a target, before the split: a filter like a missing target, the same in each split.
 */
import { robustBounds, rowList } from './robust-bounds';

/** Rows kept, rows left out, and the bounds that decided it. */
export interface TargetRange {
  kept: number[];
  far: number[];
  bounds: { low: number; high: number };
}

/** Splits `rows` (frame rows with a target) into those within the robust bounds and those beyond. */
export function splitFarTargets(rows: readonly number[], values: Float64Array): TargetRange {
  const sorted = Float64Array.from(rows, (r) => values[r]).sort();
  const bounds = robustBounds(sorted);
  const kept: number[] = [];
  const far: number[] = [];
  for (const r of rows) {
    const v = values[r];
    (v >= bounds.low && v <= bounds.high ? kept : far).push(r);
  }
  return { kept, far, bounds };
}

/** The warning for target rows left out; null when none were. */
export function farTargetWarning(
  target: string,
  far: readonly number[],
  bounds: { low: number; high: number } | null,
): string | null {
  if (far.length === 0 || !bounds) return null;
  const n = far.length;
  return `Target "${target}" has ${n} value${n === 1 ? '' : 's'} far outside the rest (${rowList(far)}), beyond [${bounds.low.toPrecision(4)}, ${bounds.high.toPrecision(4)}]: ${n === 1 ? 'that row is' : 'those rows are'} left out of training and evaluation (a label is never clipped). Check ${n === 1 ? 'it' : 'them'} for entry errors.`;
}
