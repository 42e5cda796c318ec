/**
 * The current version of a dataset, read on demand: stored chunk → decodeColumnChunk (the
 * column's final type) → active operations replayed. Nothing of a version is ever written.
 */
import { applyOperationsToChunk } from '../core/clean/apply-chunk';
import { toIndex, type OperationIndex } from '../core/clean/op-index';
import type { LoggedOperation } from '../core/clean/operations';
import { rowFlags } from '../core/clean/row-flags';
import { CleanroomError } from '../core/errors';
import { cellText, decodeColumnChunk, shownText } from '../core/table/decode-chunk';
import { bitIsSet, type ColumnChunk, type DatasetMeta } from '../core/table/types';
import type { ChunkKey, CleanroomDb } from './db';
import { decodedCacheOf } from './decoded-cache';
import { listOperations } from './ops-repo';

/** A page of rows of the current version, for a table view. Flags hold one byte per row (1 = set). */
export interface RowsPage {
  /** First row of the page (clamped into the dataset). */
  start: number;
  /** Rows actually returned: fewer than asked at the end of the dataset. */
  count: number;
  /** Same as `count` (the name the storage API was specified with). */
  rows: number;
  columns: number[];
  /**
   * cells[c][r]: text of column columns[c], row start + r, as the file wrote it ("Yes", "1.50");
   * canonical (true/false, ISO dates) when asked for; null when missing.
   */
  cells: (string | null)[][];
  /** invalid[c][r] = 1 when the cell's text does not parse as its column's type. */
  invalid: Uint8Array[];
  /** missing[c][r] = 1 when the cell is empty. */
  missing: Uint8Array[];
  /** excluded[r] = 1 when the row is excluded by the operation log. */
  excluded: Uint8Array;
  /** reviewed[r] = 1 when the row was marked reviewed-OK. */
  reviewed: Uint8Array;
}

/** One column chunk of the current version; `ops` defaults to the stored log (raw log or index). */
export async function readVersionColumnChunk(
  db: CleanroomDb,
  meta: DatasetMeta,
  column: number,
  chunk: number,
  ops?: readonly LoggedOperation[] | OperationIndex,
): Promise<ColumnChunk> {
  checkColumns(meta, [column]);
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= meta.chunkCount) {
    throw new CleanroomError('not-found', `Chunk ${chunk} does not exist in “${meta.name}”.`);
  }
  const [decoded] = await decodedChunks(db, meta, [[meta.id, column, chunk]]);
  const index = toIndex(ops ?? (await listOperations(db, meta.id)));
  return applyOperationsToChunk(decoded, column, chunk * meta.chunkRows, index);
}

/**
 * Rows [start, start + count) of `columns` in the current version, across chunk boundaries.
 * `texts` 'canonical' gives the text row fingerprints hash (see cellText).
 */
export async function readRows(
  db: CleanroomDb,
  meta: DatasetMeta,
  start: number,
  count: number,
  columns: number[],
  ops?: readonly LoggedOperation[] | OperationIndex,
  texts: 'written' | 'canonical' = 'written',
): Promise<RowsPage> {
  const textOf = texts === 'written' ? shownText : cellText;
  checkColumns(meta, columns);
  const first = clamp(Math.floor(start), 0, meta.rows);
  const n = clamp(Math.floor(count), 0, meta.rows - first);
  const page: RowsPage = {
    start: first,
    count: n,
    rows: n,
    columns: [...columns],
    cells: columns.map(() => new Array<string | null>(n).fill(null)),
    // One buffer per array: the worker transfers them, and a buffer can be transferred once.
    invalid: columns.map(() => new Uint8Array(n)),
    missing: columns.map(() => new Uint8Array(n)),
    excluded: new Uint8Array(n),
    reviewed: new Uint8Array(n),
  };
  if (n === 0 || columns.length === 0) return page;
  const index = toIndex(ops ?? (await listOperations(db, meta.id)));
  const firstChunk = Math.floor(first / meta.chunkRows);
  const lastChunk = Math.floor((first + n - 1) / meta.chunkRows);
  const keys: ChunkKey[] = [];
  for (let chunk = firstChunk; chunk <= lastChunk; chunk++) {
    for (const column of columns) keys.push([meta.id, column, chunk]);
  }
  const decoded = await decodedChunks(db, meta, keys);
  let k = 0;
  for (let chunk = firstChunk; chunk <= lastChunk; chunk++) {
    const chunkStart = chunk * meta.chunkRows;
    const from = Math.max(first, chunkStart);
    const to = Math.min(first + n, chunkStart + meta.chunkRows);
    columns.forEach((column, c) => {
      const version = applyOperationsToChunk(decoded[k++], column, chunkStart, index);
      for (let row = from; row < to; row++) {
        const local = row - chunkStart;
        page.cells[c][row - first] = textOf(version, local);
        if (version.invalid.has(local)) page.invalid[c][row - first] = 1;
        if (bitIsSet(version.missing, local)) page.missing[c][row - first] = 1;
      }
    });
  }
  const flags = rowFlags(index, first, n);
  for (let r = 0; r < n; r++) {
    page.excluded[r] = bitIsSet(flags.excluded, r) ? 1 : 0;
    page.reviewed[r] = bitIsSet(flags.reviewed, r) ? 1 : 0;
  }
  return page;
}

/** Decoded source chunks for `keys`, from the cache or one bulkGet for the rest. */
async function decodedChunks(
  db: CleanroomDb,
  meta: DatasetMeta,
  keys: ChunkKey[],
): Promise<ColumnChunk[]> {
  const cache = decodedCacheOf(db);
  const out = keys.map(([, column, chunk]) => cache.get(meta.id, column, chunk));
  const misses = keys.filter((_, i) => out[i] === undefined);
  if (misses.length === 0) return out as ColumnChunk[];
  const stored = await db.chunks.bulkGet(misses);
  let m = 0;
  return keys.map(([, column, chunk], i) => {
    const hit = out[i];
    if (hit) return hit;
    const record = stored[m++];
    if (!record) {
      throw new CleanroomError(
        'not-found',
        `Part of “${meta.name}” is missing from the browser's storage (column ${column}, chunk ${chunk}); import the file again.`,
      );
    }
    const decoded = decodeColumnChunk(record, meta.columns[column], meta.dialect);
    cache.set(meta.id, column, chunk, decoded);
    return decoded;
  });
}

function checkColumns(meta: DatasetMeta, columns: readonly number[]): void {
  for (const column of columns) {
    if (!Number.isInteger(column) || column < 0 || column >= meta.columns.length) {
      throw new CleanroomError('not-found', `Column ${column} does not exist in “${meta.name}”.`);
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
