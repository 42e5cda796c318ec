/**
 * A whole dataset version in memory, one array per column: what analysis (profile, detectors,
 * training, ranking) works on, in workers and in the CLI alike. Chunked storage stays the source
 * of truth; a frame is built from decoded (and, for a version, op-applied) chunks.
 */
import { decodeColumnChunk } from './decode-chunk';
import {
  NUMERIC_TYPES,
  bitIsSet,
  type BoolVariants,
  type ColumnChunk,
  type ColumnMeta,
  type CsvDialect,
  type StoredColumnChunk,
} from './types';
import { boolText, renderValue, type ValueStyle } from './value-style';

/** One column of a frame. */
export type FrameColumn =
  /** Numeric types: NaN where missing or invalid (see `invalid` to tell them apart). */
  | {
      kind: 'number';
      meta: ColumnMeta;
      values: Float64Array;
      invalid: Map<number, string>;
      /** Boolean columns: cells spelled unlike the usual yes/no text, by frame row. */
      variants?: BoolVariants;
      /** Cells whose text differs from their value rendered in `style`, by frame row. */
      written?: Map<number, string>;
      /** How values render (the first chunk's: usual yes/no spellings, decimal mark, date shape). */
      style?: ValueStyle;
    }
  /** String types: null where missing. */
  | {
      kind: 'string';
      meta: ColumnMeta;
      values: (string | null)[];
      invalid: Map<number, string>;
      /** Blank-but-not-empty cells (missing), by frame row. */
      written?: Map<number, string>;
    };

/** A dataset in memory. */
export interface Frame {
  rows: number;
  columns: FrameColumn[];
  /** Rows excluded by the operation log (1 = excluded); all zero for a source. */
  excluded: Uint8Array;
}

/** Joins a column's chunks (in order) into one frame column. */
export function frameColumn(meta: ColumnMeta, chunks: ColumnChunk[]): FrameColumn {
  const rows = chunks.reduce((sum, c) => sum + c.rows, 0);
  const invalid = new Map<number, string>();
  const written = new Map<number, string>();
  let offset = 0;
  if (NUMERIC_TYPES.has(meta.type)) {
    const values = new Float64Array(rows);
    let variants: BoolVariants | undefined;
    let style: ValueStyle | undefined;
    for (const chunk of chunks) {
      values.set(chunk.numbers!, offset);
      for (const [row, text] of chunk.invalid) invalid.set(offset + row, text);
      if (chunk.variants) {
        variants ??= { usual: [...chunk.variants.usual], text: new Map() };
        for (const [row, text] of chunk.variants.text) variants.text.set(offset + row, text);
      }
      style = mergeStyle(style, chunk, offset, written);
      for (const [row, text] of chunk.written ?? []) written.set(offset + row, text);
      offset += chunk.rows;
    }
    return {
      kind: 'number',
      meta,
      values,
      invalid,
      ...(variants ? { variants } : {}),
      ...(style ? { style } : {}),
      ...(written.size ? { written } : {}),
    };
  }
  const values = new Array<string | null>(rows);
  for (const chunk of chunks) {
    const { codes, dictionary, missing } = chunk;
    for (let r = 0; r < chunk.rows; r++)
      values[offset + r] = bitIsSet(missing, r) ? null : dictionary![codes![r]];
    for (const [row, text] of chunk.invalid) invalid.set(offset + row, text);
    for (const [row, text] of chunk.written ?? []) written.set(offset + row, text);
    offset += chunk.rows;
  }
  return { kind: 'string', meta, values, invalid, ...(written.size ? { written } : {}) };
}

/**
 * The frame's style is the first chunk's. A later chunk learnt in another style (its own date
 * shape, a yes/no spelling the first never saw) has its cells that render otherwise kept as
 * written, so every cell still comes back as the file had it.
 */
function mergeStyle(
  style: ValueStyle | undefined,
  chunk: ColumnChunk,
  offset: number,
  written: Map<number, string>,
): ValueStyle | undefined {
  const next = chunk.style;
  if (!next) return style;
  if (!style) return { ...next, bool: next.bool ? [...next.bool] : null };
  if (style.bool && next.bool) {
    for (const v of [0, 1]) if (style.bool[v] === '') style.bool[v] = next.bool[v];
  }
  if (style.date === next.date && sameBool(style.bool, next.bool)) return style;
  const numbers = chunk.numbers!;
  for (let r = 0; r < chunk.rows; r++) {
    const v = numbers[r];
    if (v !== v || chunk.written?.has(r) || chunk.variants?.text.has(r)) continue;
    const text = renderValue(v, chunk.type, next);
    if (text !== renderValue(v, chunk.type, style)) written.set(offset + r, text);
  }
  return style;
}

function sameBool(a: ValueStyle['bool'], b: ValueStyle['bool']): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** A frame cell as the file wrote it (see writtenText): null when missing (blanks kept). */
export function frameWrittenText(column: FrameColumn, row: number): string | null {
  const own = column.written?.get(row);
  if (own !== undefined) return own;
  const invalid = column.invalid.get(row);
  if (invalid !== undefined) return invalid;
  if (column.kind === 'string') return column.values[row];
  const v = column.values[row];
  if (v !== v) return null;
  return column.variants?.text.get(row) ?? renderValue(v, column.meta.type, column.style);
}

/**
 * A cell's value as a class name: a boolean in the column's usual spelling ("Yes", whatever the
 * cell's own variant), other numbers as JavaScript writes them, text as is; null when missing or
 * invalid. `spellings` overrides the column's yes/no spelling (a validation file spelling them
 * otherwise takes the training file's class names).
 */
export function classLabel(
  column: FrameColumn,
  row: number,
  spellings?: readonly [string, string] | null,
): string | null {
  if (column.kind === 'string') return column.values[row];
  const v = column.values[row];
  if (v !== v) return null;
  if (column.meta.type === 'boolean') return (spellings ?? boolSpellings(column)!)[v !== 0 ? 1 : 0];
  return String(v);
}

/** A yes/no column's class names for [false, true] in its usual spelling; null for other columns. */
export function boolSpellings(column: FrameColumn): [string, string] | null {
  if (column.kind !== 'number' || column.meta.type !== 'boolean') return null;
  const usual = column.style?.bool ?? column.variants?.usual ?? null;
  return [boolText(false, usual), boolText(true, usual)];
}

/** Builds a frame from stored chunks (chunks[i] = chunk i's columns in column order). */
export function frameFromStored(
  columns: ColumnMeta[],
  dialect: CsvDialect | null,
  chunks: StoredColumnChunk[][],
): Frame {
  const rows = chunks.reduce((sum, chunk) => sum + (chunk[0]?.rows ?? 0), 0);
  return {
    rows,
    columns: columns.map((meta, c) =>
      frameColumn(
        meta,
        chunks.map((chunk) => decodeColumnChunk(chunk[c], meta, dialect)),
      ),
    ),
    excluded: new Uint8Array(rows),
  };
}

/** Index of the column named `name` (display name first, then the header as written), or -1. */
export function columnIndex(frame: Frame, name: string): number {
  const byName = frame.columns.findIndex((c) => c.meta.name === name);
  return byName >= 0 ? byName : frame.columns.findIndex((c) => c.meta.originalName === name);
}
