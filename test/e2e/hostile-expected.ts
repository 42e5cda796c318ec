/**
 * What the app should make of a hostile-corpus case, found by running the importer the CLI's
 * `inspect` runs (default limits: the app has no limit flags) here in the test process, and a
 * check that IndexedDB holds only complete datasets. No Playwright test imports: plain helpers.
 */
import type { Page } from '@playwright/test';
import { CleanroomError } from '../../src/core/errors';
import { importCsv } from '../../src/core/table/import-csv';

/** A refusal with its one-line message, or what an accepted file imports as. */
export type ExpectedImport =
  | { refused: string }
  | { rows: number; columns: number; warnings: { code: string; message: string }[] };

/** Imports `bytes` as `inspect --data` would, in 1 MB slices, storing nothing. */
export async function expectedImport(bytes: Uint8Array): Promise<ExpectedImport> {
  async function* slices(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
  }
  try {
    const outcome = await importCsv(
      slices(),
      { datasetId: 'expected', totalBytes: bytes.length },
      { writeChunk: async () => undefined },
    );
    return {
      rows: outcome.rows,
      columns: outcome.columns.length,
      warnings: outcome.warnings.map(({ code, message }) => ({ code, message })),
    };
  } catch (error) {
    if (error instanceof CleanroomError) return { refused: error.message };
    throw error;
  }
}

/** What the store holds, as far as completeness goes. */
export interface StoreShape {
  /** Every dataset record: its name, status and row count. */
  datasets: { id: string; name: string; status: string; rows: number; columns: number }[];
  /** Dataset ids that chunks belong to but no ready dataset has (orphans). */
  orphanChunkOwners: string[];
  /** Ready datasets whose chunks do not cover every column and row they claim. */
  incomplete: string[];
}

/** Reads the app's IndexedDB: datasets, and whether each one's chunks cover all it claims. */
export function readStoreShape(page: Page): Promise<StoreShape> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cleanroom');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string, how: 'keys' | 'values', range?: IDBKeyRange) =>
      new Promise<T[]>((resolve, reject) => {
        const s = db.transaction(store, 'readonly').objectStore(store);
        const request = how === 'keys' ? s.getAllKeys(range) : s.getAll(range);
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    try {
      type Meta = { id: string; name: string; status: string; rows: number; columns: unknown[] };
      const records = await read<Meta>('datasets', 'values');
      const chunkKeys = await read<[string, number, number]>('chunks', 'keys');
      const ready = new Map(records.filter((r) => r.status === 'ready').map((r) => [r.id, r]));
      const owners = new Set(chunkKeys.map(([id]) => id));
      const incomplete: string[] = [];
      for (const meta of ready.values()) {
        const perColumn = new Map<number, number>();
        for (const [id, column] of chunkKeys)
          if (id === meta.id) perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
        // Column 0's chunks carry the row counts; every column must have as many chunks.
        const range = IDBKeyRange.bound([meta.id, 0, -Infinity], [meta.id, 0, Infinity]);
        const first = await read<{ rows: number }>('chunks', 'values', range);
        const rows = first.reduce((n, c) => n + c.rows, 0);
        const sameCounts = new Set(perColumn.values()).size <= 1;
        if (perColumn.size !== meta.columns.length || !sameCounts || rows !== meta.rows)
          incomplete.push(meta.name);
      }
      return {
        datasets: records.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status,
          rows: r.rows,
          columns: r.columns.length,
        })),
        orphanChunkOwners: [...owners].filter((id) => !ready.has(id)),
        incomplete,
      };
    } finally {
      db.close();
    }
  });
}
