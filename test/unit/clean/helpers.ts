/** Builders for hand-made logs and decoded chunks used by the clean tests. */
import type {
  ColumnTransform,
  LoggedOperation,
  Operation,
} from '../../../src/core/clean/operations';
import { planRedo, planUndo } from '../../../src/core/clean/undo-redo';
import { setBit, type ColumnChunk, type ColumnType } from '../../../src/core/table/types';
import { columnMeta, dictEncode } from '../cells';

/** A log whose seqs are 1..n in the order given. */
export function logOf(...ops: Operation[]): LoggedOperation[] {
  return ops.map((op, i) => ({ datasetId: 'd', seq: i + 1, at: 1_000 + i, op }));
}

/** Appends ops to a log, continuing its seq. */
export function append(log: LoggedOperation[], ...ops: Operation[]): LoggedOperation[] {
  const next = [...log];
  for (const op of ops) next.push({ datasetId: 'd', seq: next.length + 1, at: 2_000, op });
  return next;
}

/** Applies Undo or Redo the way the storage layer does: plan, then append. */
export function press(log: LoggedOperation[], button: 'undo' | 'redo'): LoggedOperation[] {
  const op = button === 'undo' ? planUndo(log) : planRedo(log);
  if (!op) throw new Error(`nothing to ${button}`);
  return append(log, op);
}

/** A numeric chunk; null = missing, a string = invalid raw text. */
export function numericChunk(type: ColumnType, cells: Array<number | string | null>): ColumnChunk {
  const missing = new Uint8Array(Math.ceil(cells.length / 8));
  const numbers = new Float64Array(cells.length).fill(NaN);
  const invalid = new Map<number, string>();
  cells.forEach((cell, i) => {
    if (cell === null) setBit(missing, i);
    else if (typeof cell === 'string') invalid.set(i, cell);
    else numbers[i] = cell;
  });
  return { type, rows: cells.length, numbers, codes: null, dictionary: null, missing, invalid };
}

/** A dictionary-encoded chunk; null = missing. */
export function stringChunk(type: ColumnType, cells: Array<string | null>): ColumnChunk {
  const { codes, dictionary, missing } = dictEncode(cells);
  return {
    type,
    rows: cells.length,
    numbers: null,
    codes,
    dictionary,
    missing,
    invalid: new Map(),
  };
}

/** The chunk's cells back as plain values: number, text, null (missing) or {invalid}. */
export function cellsOf(chunk: ColumnChunk): Array<number | string | null | { invalid: string }> {
  const out: Array<number | string | null | { invalid: string }> = [];
  for (let i = 0; i < chunk.rows; i++) {
    if ((chunk.missing[i >> 3] & (1 << (i & 7))) !== 0) out.push(null);
    else if (chunk.invalid.has(i)) out.push({ invalid: chunk.invalid.get(i)! });
    else if (chunk.numbers) out.push(chunk.numbers[i]);
    else out.push(chunk.dictionary![chunk.codes![i]]);
  }
  return out;
}

/** A deep snapshot to prove a chunk was not mutated. */
export function snapshot(chunk: ColumnChunk): unknown {
  return {
    numbers: chunk.numbers ? Array.from(chunk.numbers) : null,
    codes: chunk.codes ? Array.from(chunk.codes) : null,
    dictionary: chunk.dictionary ? [...chunk.dictionary] : null,
    missing: Array.from(chunk.missing),
    invalid: [...chunk.invalid],
  };
}

/** Column metadata with just the fields the clean code reads. */
export { columnMeta };

/** A set-cell op. */
export const set = (row: number, value: string | null, column = 0): Operation => ({
  kind: 'set-cell',
  row,
  column,
  value,
});

/** A column-transform op. */
export const transform = (t: ColumnTransform, column = 0): Operation => ({
  kind: 'column-transform',
  column,
  transform: t,
});
