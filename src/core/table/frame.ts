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
    }
  /** String types: null where missing. */
  | { kind: 'string'; meta: ColumnMeta; values: (string | null)[]; invalid: Map<number, string> };

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
  let offset = 0;
  if (NUMERIC_TYPES.has(meta.type)) {
    const values = new Float64Array(rows);
    let variants: BoolVariants | undefined;
    for (const chunk of chunks) {
      values.set(chunk.numbers!, offset);
      for (const [row, text] of chunk.invalid) invalid.set(offset + row, text);
      if (chunk.variants) {
        variants ??= { usual: chunk.variants.usual, text: new Map() };
        for (const [row, text] of chunk.variants.text) variants.text.set(offset + row, text);
      }
      offset += chunk.rows;
    }
    return { kind: 'number', meta, values, invalid, ...(variants ? { variants } : {}) };
  }
  const values = new Array<string | null>(rows);
  for (const chunk of chunks) {
    const { codes, dictionary, missing } = chunk;
    for (let r = 0; r < chunk.rows; r++)
      values[offset + r] = bitIsSet(missing, r) ? null : dictionary![codes![r]];
    for (const [row, text] of chunk.invalid) invalid.set(offset + row, text);
    offset += chunk.rows;
  }
  return { kind: 'string', meta, values, invalid };
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
