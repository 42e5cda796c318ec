/**
 * The columnar data model shared by import, storage, the operation log and every later stage.
 * A dataset's source is immutable: per column and per chunk of rows, one stored record.
 */
import type { ValueStyle } from './value-style';

/** A column's logical type, inferred at import (and revised when later values contradict it). */
export type ColumnType =
  'integer' | 'float' | 'boolean' | 'date' | 'categorical' | 'text' | 'identifier';

/** Types whose values are held as numbers (boolean as 0/1, date as epoch milliseconds UTC). */
export const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set([
  'integer',
  'float',
  'boolean',
  'date',
]);

/** Physical storage of one column in one chunk: numbers (NaN where missing or unparsed). */
export interface NumericData {
  encoding: 'f64';
  values: Float64Array;
}

/** Physical storage of one column in one chunk: dictionary codes into a per-chunk dictionary. */
export interface DictData {
  encoding: 'dict';
  /** Index into `dictionary`; undefined content where the missing bit is set. */
  codes: Uint32Array;
  dictionary: string[];
}

/**
 * One column of one chunk as stored. A chunk's encoding follows the column's type as known when
 * the chunk was written; readers convert to the dataset's final logical type.
 */
export interface StoredColumnChunk {
  datasetId: string;
  column: number;
  chunk: number;
  rows: number;
  data: NumericData | DictData;
  /** Bitmap, bit i (byte i>>3, mask 1<<(i&7)) set = cell i is empty. */
  missing: Uint8Array;
  /** Rows (within the chunk, ascending) whose text did not parse as a number; raw text kept. */
  unparsedRows: Uint32Array;
  unparsedText: string[];
  /**
   * The column's type when this chunk was written: for 'f64', what the numbers mean (integer,
   * float, boolean 0/1, date epoch ms). Absent means the column's final type. Added for
   * decodeColumnChunk, which converts a chunk whose type differs from the final one.
   */
  valueType?: ColumnType;
  /**
   * Boolean columns only, absent when there are none: cells whose yes/no text is spelled unlike
   * the column's usual spelling of that value ("YES" among "yes"), kept so a typo detector can
   * see them (the value alone cannot show them). Added after the first release: optional.
   */
  variants?: { usual: [string, string]; rows: Uint32Array; text: string[] };
  /**
   * Cells whose text differs from their value rendered in the column's style (`1.50`, `+3`,
   * ` 7`, a date in another shape), and blank-but-not-empty cells; absent when there are none.
   * With it a cell is given back as written. Added after the first release: optional.
   */
  written?: { rows: Uint32Array; text: string[] };
  /** Date columns: the usual shape of the chunk's dates, digits as `9` (see value-style.ts). */
  dateStyle?: string;
}

/** Spelling variants of a boolean chunk: usual spellings of [false, true], row → other text. */
export interface BoolVariants {
  usual: [string, string];
  text: Map<number, string>;
}

/** One column of one chunk converted to the column's logical type; what readers work with. */
export interface ColumnChunk {
  type: ColumnType;
  rows: number;
  /** Set for NUMERIC_TYPES: NaN where missing or invalid. */
  numbers: Float64Array | null;
  /** Set for string types (categorical, text, identifier): value = dictionary[codes[i]]. */
  codes: Uint32Array | null;
  dictionary: string[] | null;
  /** Bitmap as in StoredColumnChunk. */
  missing: Uint8Array;
  /** Row within chunk → raw text of a cell that does not parse as the column's type. */
  invalid: Map<number, string>;
  /** Boolean columns: cells spelled unlike the usual yes/no text (see StoredColumnChunk). */
  variants?: BoolVariants;
  /** Row within chunk → the cell's text where it differs from its value's rendering. */
  written?: Map<number, string>;
  /** How values render (the file's spelling); absent: ISO dates, true/false, decimal dots. */
  style?: ValueStyle;
}

/** How the file was read. */
export interface CsvDialect {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
  delimiter: ',' | ';' | '\t' | '|';
  quote: '"';
  newline: '\r\n' | '\n' | '\r';
  hasHeader: boolean;
  /** `1.234,5` means 1234.5 (set with `;` delimiters when the numbers say so). */
  decimalComma: boolean;
}

/** Per-column facts gathered during import. */
export interface ColumnMeta {
  index: number;
  /** Unique, non-empty display name (duplicates get `_2`, empty ones `column_N`). */
  name: string;
  /** The header text as it was in the file. */
  originalName: string;
  type: ColumnType;
  missingCount: number;
  /** Non-empty cells that do not parse as `type`. */
  invalidCount: number;
  /** Exact up to 100,000 distinct values, then a lower bound (see `distinctCapped`). */
  distinctCount: number;
  distinctCapped: boolean;
  /** Longest cell text, in characters. */
  maxLength: number;
}

/** Something the user should know about an import that still succeeded. */
export interface ImportWarning {
  code:
    | 'ragged-rows'
    | 'unterminated-quote'
    | 'blank-lines'
    | 'renamed-headers'
    | 'encoding-fallback'
    | 'type-revised'
    | 'large-field'
    | 'nul-bytes'
    | 'no-header';
  message: string;
  /** How many rows or cells it concerns. */
  count: number;
  /** 0-based data rows concerned (at most the first 1,000). */
  rows?: number[];
}

/** A dataset as listed; `status` is 'ready' only when every chunk is stored. */
export interface DatasetMeta {
  id: string;
  name: string;
  status: 'importing' | 'ready';
  fileName: string;
  fileBytes: number;
  rows: number;
  columns: ColumnMeta[];
  /** Rows per chunk (the last chunk may hold fewer). */
  chunkRows: number;
  chunkCount: number;
  dialect: CsvDialect | null;
  warnings: ImportWarning[];
  /** Epoch milliseconds. */
  createdAt: number;
  importMs: number;
  /** Approximate bytes held in IndexedDB for this dataset's chunks. */
  storedBytes: number;
}

/** Chunk size that keeps about 2M cells per chunk: 65,536 rows at 32 columns or fewer. */
export function chunkRowsFor(columnCount: number): number {
  const rows = Math.floor(2_097_152 / Math.max(1, columnCount));
  return Math.max(256, Math.min(65_536, rows));
}

/** True when bit `i` of a bitmap is set. */
export function bitIsSet(bitmap: Uint8Array, i: number): boolean {
  return (bitmap[i >> 3] & (1 << (i & 7))) !== 0;
}

/** Sets bit `i` of a bitmap. */
export function setBit(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3] |= 1 << (i & 7);
}
