/**
 * Applies preprocessing.json to a frame: the one function used at training and prediction time.
 * Pure (no tfjs), so any consumer of a bundle can reproduce the model's inputs exactly.
 */
import { columnIndex, type Frame, type FrameColumn } from '../table/frame';
import type { CategoricalFeature, NumericFeature, Preprocessing } from './preprocessing';

/** What did not match the training data; predictions are still produced around it. */
export interface SchemaReport {
  /** Feature columns absent from the data: numeric ones get the training median, categorical all zeros. */
  missingColumns: string[];
  /** Columns the training data did not have at all (ignored). */
  extraColumns: string[];
  /** Categories not kept in training, per column: rows mapped to "other" or to all zeros. */
  unseenCategories: {
    column: string;
    count: number;
    examples: string[];
    mappedTo: 'other' | 'zeros';
  }[];
  /** Numeric features whose column arrived as text: parsed where possible, else imputed. */
  typeMismatches: string[];
}

/** Model inputs, row-major: `rows × width` values. */
export interface TransformedInputs {
  x: Float32Array;
  rows: number;
  width: number;
  report: SchemaReport;
}

/** Transforms `rows` of `frame` (default: all) into model inputs with `spec`. */
export function transformFrame(
  spec: Preprocessing,
  frame: Frame,
  rows?: ArrayLike<number>,
): TransformedInputs {
  const n = rows ? rows.length : frame.rows;
  const rowAt = rows ? (i: number) => rows[i] : (i: number) => i;
  const width = spec.inputNames.length;
  const x = new Float32Array(n * width);
  const report: SchemaReport = {
    missingColumns: [],
    extraColumns: [],
    unseenCategories: [],
    typeMismatches: [],
  };
  const known = new Set([
    spec.target,
    ...spec.features.map((f) => f.column),
    ...spec.excluded.map((e) => e.column),
  ]);
  report.extraColumns = frame.columns.map((c) => c.meta.name).filter((name) => !known.has(name));
  let offset = 0;
  for (const feature of spec.features) {
    const index = columnIndex(frame, feature.column);
    const column = index >= 0 ? frame.columns[index] : null;
    if (!column) report.missingColumns.push(feature.column);
    if (feature.kind === 'numeric') {
      if (column?.kind === 'string') report.typeMismatches.push(feature.column);
      writeNumeric(feature, column, x, n, width, offset, rowAt);
      offset += feature.indicator ? 2 : 1;
    } else {
      const unseen = writeCategorical(feature, column, x, n, width, offset, rowAt);
      if (unseen.count > 0)
        report.unseenCategories.push({
          column: feature.column,
          ...unseen,
          mappedTo: feature.other ? 'other' : 'zeros',
        });
      offset += feature.categories.length + (feature.other ? 1 : 0);
    }
  }
  return { x, rows: n, width, report };
}

function numberAt(column: FrameColumn | null, row: number): number {
  if (!column) return NaN;
  const v = column.values[row];
  if (typeof v === 'number') return v;
  // Text where a number was expected: accept plain numbers, anything else is missing.
  return v === null || v.trim() === '' ? NaN : Number(v);
}

function writeNumeric(
  f: NumericFeature,
  column: FrameColumn | null,
  x: Float32Array,
  n: number,
  width: number,
  offset: number,
  rowAt: (i: number) => number,
): void {
  const low = f.clip?.low ?? -Infinity;
  const high = f.clip?.high ?? Infinity;
  for (let i = 0; i < n; i++) {
    const v = numberAt(column, rowAt(i));
    const missing = !Number.isFinite(v);
    const value = missing ? f.median : v < low ? low : v > high ? high : v;
    x[i * width + offset] = (value - f.center) / f.scale;
    if (f.indicator) x[i * width + offset + 1] = missing ? 1 : 0;
  }
}

function writeCategorical(
  f: CategoricalFeature,
  column: FrameColumn | null,
  x: Float32Array,
  n: number,
  width: number,
  offset: number,
  rowAt: (i: number) => number,
): { count: number; examples: string[] } {
  const slot = new Map(f.categories.map((c, i) => [c, i]));
  const examples = new Set<string>();
  let count = 0;
  if (!column) return { count, examples: [] };
  for (let i = 0; i < n; i++) {
    const raw = column.values[rowAt(i)];
    if (raw === null || (typeof raw === 'number' && Number.isNaN(raw))) continue;
    const value = String(raw);
    const at = slot.get(value);
    if (at !== undefined) x[i * width + offset + at] = 1;
    else {
      if (f.other) x[i * width + offset + f.categories.length] = 1;
      count++;
      if (examples.size < 5) examples.add(value);
    }
  }
  return { count, examples: [...examples] };
}
