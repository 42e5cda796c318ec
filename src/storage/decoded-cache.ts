/**
 * Decoded source chunks kept in memory per database, newest use last. Sources are immutable and
 * dataset ids are never reused, so an entry never goes stale; only the operations change, and
 * those are replayed on every read (cheap next to an IndexedDB read of ~0.5 MB per column chunk).
 */
import type { ColumnChunk } from '../core/table/types';
import type { CleanroomDb } from './db';

/** Budget of the cache, in approximate bytes (a scrolling table keeps a few chunks warm). */
export const DECODED_CACHE_BYTES = 96 * 1024 * 1024;

/** An LRU of decoded column chunks by [datasetId, column, chunk], bounded by bytes. */
export class DecodedChunkCache {
  private entries = new Map<string, { chunk: ColumnChunk; bytes: number }>();
  private bytes = 0;

  constructor(private readonly budget = DECODED_CACHE_BYTES) {}

  /** The cached chunk, marked as most recently used. */
  get(datasetId: string, column: number, chunk: number): ColumnChunk | undefined {
    const key = keyOf(datasetId, column, chunk);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.chunk;
  }

  /** Adds a chunk, evicting the least recently used ones beyond the budget. */
  set(datasetId: string, column: number, chunk: number, decoded: ColumnChunk): void {
    const key = keyOf(datasetId, column, chunk);
    const bytes = sizeOf(decoded);
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    if (bytes > this.budget) return;
    this.entries.set(key, { chunk: decoded, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Forgets every chunk of a dataset (after it was deleted). */
  forget(datasetId: string): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${datasetId}\u0000`)) {
        this.entries.delete(key);
        this.bytes -= entry.bytes;
      }
    }
  }
}

const caches = new WeakMap<CleanroomDb, DecodedChunkCache>();

/** The cache of one database connection. */
export function decodedCacheOf(db: CleanroomDb): DecodedChunkCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new DecodedChunkCache()));
  return cache;
}

function keyOf(datasetId: string, column: number, chunk: number): string {
  return `${datasetId}\u0000${column}\u0000${chunk}`;
}

function sizeOf(chunk: ColumnChunk): number {
  let bytes =
    chunk.missing.byteLength + (chunk.numbers?.byteLength ?? 0) + (chunk.codes?.byteLength ?? 0);
  // Strings: ~2 bytes per UTF-16 unit plus object overhead; an estimate is all a budget needs.
  for (const text of chunk.dictionary ?? []) bytes += 32 + 2 * text.length;
  for (const text of chunk.invalid.values()) bytes += 48 + 2 * text.length;
  return bytes;
}
