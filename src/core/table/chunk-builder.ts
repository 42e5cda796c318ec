/**
 * Rows in, stored chunks out: collects records column by column, and every `chunkRows` rows
 * classifies and encodes each column into one StoredColumnChunk. The encoding of a chunk follows
 * the column's type as the cumulative stats say at that moment (f64 for numeric types, dict for
 * string types); readers convert earlier chunks once the final type is known.
 */
import { ColumnBuffer } from './column-buffer';
import { ColumnStats, inferType, invalidCountOf, numericTypeOf } from './column-stats';
import type { CellParser } from './parse-value';
import type { ColumnMeta, ColumnType, StoredColumnChunk } from './types';

/** Ragged rows are listed up to this many (ImportWarning.rows). */
const LISTED_ROWS = 1000;

/** Rows whose field count differed from the column count. */
export interface RaggedRows {
  count: number;
  tooFew: number;
  tooMany: number;
  /** 0-based data rows, the first 1,000. */
  rows: number[];
}

/** Builds chunks from records; completed chunks wait in `ready` for the caller to store. */
export class ChunkBuilder {
  readonly stats: ColumnStats[];
  /** Each column's type after the first chunk (the first guess), null before it. */
  readonly firstTypes: (ColumnType | null)[];
  /** Completed chunks (all columns of one chunk, in column order), oldest first. */
  readonly ready: StoredColumnChunk[][] = [];
  readonly ragged: RaggedRows = { count: 0, tooFew: 0, tooMany: 0, rows: [] };
  rows = 0;
  chunkCount = 0;
  storedBytes = 0;

  /** The chunk being filled, one buffer per column. */
  private readonly buffers: ColumnBuffer[];
  private filled = 0;

  constructor(
    private readonly datasetId: string,
    private readonly names: string[],
    private readonly originals: string[],
    readonly chunkRows: number,
    parser: CellParser,
  ) {
    this.stats = names.map(() => new ColumnStats());
    this.firstTypes = names.map(() => null);
    this.buffers = names.map(() => new ColumnBuffer(chunkRows, parser));
  }

  /** Adds one data record: missing fields become empty cells, extra fields are dropped. */
  addRecord(fields: string[]): void {
    const buffers = this.buffers;
    const n = buffers.length;
    if (fields.length === n) {
      for (let c = 0; c < n; c++) buffers[c].add(fields[c]);
    } else {
      this.noteRagged(fields.length < n);
      const m = Math.min(n, fields.length);
      for (let c = 0; c < m; c++) buffers[c].add(fields[c]);
      for (let c = m; c < n; c++) buffers[c].add('');
    }
    this.rows++;
    if (++this.filled === this.chunkRows) this.flush();
  }

  /** Encodes the last, partial chunk. */
  finish(): void {
    if (this.filled > 0) this.flush();
  }

  /** Per-column facts with the final types. */
  columnMeta(): ColumnMeta[] {
    return this.stats.map((st, index) => {
      const type = this.finalType(index);
      return {
        index,
        name: this.names[index],
        originalName: this.originals[index] ?? '',
        type,
        missingCount: st.empty,
        invalidCount: invalidCountOf(st, type),
        distinctCount: st.distinctCount,
        distinctCapped: st.distinctCapped,
        maxLength: st.maxLength,
      };
    });
  }

  /** The type the cumulative stats imply now. */
  finalType(column: number): ColumnType {
    return inferType(this.stats[column], this.names[column]);
  }

  private noteRagged(tooFew: boolean): void {
    const ragged = this.ragged;
    ragged.count++;
    if (tooFew) ragged.tooFew++;
    else ragged.tooMany++;
    if (ragged.rows.length < LISTED_ROWS) ragged.rows.push(this.rows);
  }

  private flush(): void {
    const rows = this.filled;
    const chunk = this.chunkCount;
    const out: StoredColumnChunk[] = [];
    for (let c = 0; c < this.buffers.length; c++) {
      const st = this.stats[c];
      const buffer = this.buffers[c];
      buffer.tally(st);
      const numeric = numericTypeOf(st);
      const encoded = buffer.encode(numeric, st);
      const type = this.finalType(c);
      if (chunk === 0) this.firstTypes[c] = type;
      this.storedBytes += encoded.bytes;
      out.push({
        datasetId: this.datasetId,
        column: c,
        chunk,
        rows,
        data: encoded.data,
        missing: encoded.missing,
        unparsedRows: encoded.unparsedRows,
        unparsedText: encoded.unparsedText,
        valueType: numeric ?? type,
        // Booleans always keep their usual spellings: the file's "Yes"/"No" is how they show.
        ...(encoded.variants ? { variants: encoded.variants } : {}),
        ...(encoded.written ? { written: encoded.written } : {}),
        ...(encoded.dateStyle ? { dateStyle: encoded.dateStyle } : {}),
      });
    }
    this.chunkCount++;
    this.filled = 0;
    this.ready.push(out);
  }
}
