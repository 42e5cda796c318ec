/**
 * Robust clipping of numeric features, so that a few huge but valid floats (1e308, -1e308) can
 * neither overflow the scaling statistics nor swamp every other row. Bounds sit far outside the
 * bulk of the training values (20 IQRs beyond the quartiles: about ±14 standard deviations of a
 * normal column, so ordinary data is never touched); values beyond them are clipped to them at
 * training and prediction time alike, and the run warns, naming the column and rows.
 */
import type { Frame } from '../table/frame';
import type { Preprocessing } from './preprocessing';

/** Type-7 quantile of sorted values, interpolated without overflow (no `b - a` of two huge values). */
function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const t = at - lo;
  return t === 0 ? sorted[lo] : sorted[lo] * (1 - t) + sorted[lo + 1] * t;
}

/** How many spreads beyond the quartiles a value may lie before it is clipped. */
const REACH = 20;

/** Clipping bounds of a column from its sorted observed training values. */
export function robustBounds(sorted: Float64Array): { low: number; high: number } {
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  // With no spread between the quartiles (mostly one value), fall back to the 1–99 % range,
  // then to the size of the median itself, so a 0/1 column with few 1s keeps its 1s.
  let spread = q3 - q1;
  if (!(spread > 0)) spread = quantileSorted(sorted, 0.99) - quantileSorted(sorted, 0.01);
  if (!(spread > 0) || !Number.isFinite(spread))
    spread = Math.max(Math.abs(quantileSorted(sorted, 0.5)), 1);
  const clamp = (v: number): number => Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, v));
  return { low: clamp(q1 - REACH * spread), high: clamp(q3 + REACH * spread) };
}

/** `v` clipped to `[low, high]`. */
export const clip = (v: number, low: number, high: number): number =>
  v < low ? low : v > high ? high : v;

/**
 * Mean and standard deviation without overflow: computed on values divided by their largest
 * magnitude, then scaled back (squares of 1e200 would be Infinity).
 */
export function safeMeanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(values[i]));
  if (n === 0 || big === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] / big;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] / big - mean) ** 2;
  return { mean: mean * big, std: Math.sqrt(squares / n) * big };
}

/** Rows (frame rows) of one numeric feature that its bounds clip. */
export interface ClippedColumn {
  column: string;
  rows: number[];
  low: number;
  high: number;
}

/** The values that `spec`'s bounds clip among `rows` of `frame`, per column. */
export function clippedValues(
  spec: Preprocessing,
  frame: Frame,
  rows: ArrayLike<number>,
): ClippedColumn[] {
  const out: ClippedColumn[] = [];
  for (const f of spec.features) {
    if (f.kind !== 'numeric' || !f.clip) continue;
    const column = frame.columns.find((c) => c.meta.name === f.column);
    if (!column || column.kind !== 'number') continue;
    const hit: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      if (v < f.clip.low || v > f.clip.high) hit.push(rows[i]);
    }
    if (hit.length > 0) out.push({ column: f.column, rows: hit, ...f.clip });
  }
  return out;
}

/** Up to ten rows as 1-based data rows ("rows 6, 51, 91"), with the total when there are more. */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).map((r) => r + 1);
  const more = rows.length > shown.length ? `, … (${rows.length} in all)` : '';
  return `row${rows.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`;
}

/** One warning line per clipped column, naming it and its first rows (1-based data rows). */
export function clipWarnings(clipped: readonly ClippedColumn[]): string[] {
  return clipped.map(({ column, rows, low, high }) => {
    return `Column "${column}" has ${rows.length} value${rows.length === 1 ? '' : 's'} far outside the rest (${rowList(rows)}): clipped to [${low.toPrecision(4)}, ${high.toPrecision(4)}] for training. Check ${rows.length === 1 ? 'it' : 'them'} for entry errors.`;
  });
}
