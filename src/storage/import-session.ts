/**
 * An atomic import: the record exists as 'importing' (never listed) while chunks are written,
 * one transaction per chunk of rows, and becomes 'ready' in one final transaction. Anything
 * else ends in abort(), which removes every trace.
 */
import { CleanroomError } from '../core/errors';
import type { DatasetMeta, StoredColumnChunk } from '../core/table/types';
import type { CleanroomDb, DatasetRecord } from './db';
import { removeDataset } from './remove-dataset';
import { isQuotaError, quotaExceededError } from './storage-errors';

// The worker's import code finds the liveness helpers next to beginImport.
export { importLockName, isImportAliveViaLocks, sweepAbandonedImports } from './import-liveness';

/** What the importer reports at the end (structurally ImportOutcome of core/table/import-csv). */
export type ImportSummary = Pick<
  DatasetMeta,
  'dialect' | 'columns' | 'rows' | 'chunkRows' | 'chunkCount' | 'warnings' | 'storedBytes'
>;

/** The identity of a new import. */
export interface ImportStart {
  id: string;
  name: string;
  fileName: string;
  fileBytes: number;
}

/** Sink for the importer plus the two ways an import ends; an ImportSink of core/table. */
export interface ImportSession {
  readonly id: string;
  /** Stores one chunk of rows (all its columns) in one transaction. */
  writeChunk(columns: StoredColumnChunk[]): Promise<void>;
  /** Makes the dataset 'ready' with its final meta, checking every chunk is there. */
  commit(outcome: ImportSummary, importMs: number): Promise<DatasetMeta>;
  /** Deletes every chunk and the record; safe to call more than once, a no-op after commit. */
  abort(): Promise<void>;
}

const GONE =
  'This import was stopped: its data was removed, perhaps from another tab. Import the file again.';

/** Creates the 'importing' record and returns the session that fills and ends it. */
export async function beginImport(db: CleanroomDb, start: ImportStart): Promise<ImportSession> {
  const now = Date.now();
  const record: DatasetRecord = {
    ...start,
    status: 'importing',
    rows: 0,
    columns: [],
    chunkRows: 0,
    chunkCount: 0,
    dialect: null,
    warnings: [],
    createdAt: now,
    importMs: 0,
    storedBytes: 0,
    heartbeatAt: now,
  };
  // add, not put: an id collision must fail rather than overwrite an existing dataset.
  await db.datasets.add(record).catch(mapQuota);
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const isImporting = (r: DatasetRecord | undefined) => r?.status === 'importing';
  const ensureOpen = () => {
    if (state !== 'open') throw new CleanroomError('aborted', `This import was already ${state}.`);
  };

  const session: ImportSession = {
    id: start.id,
    async writeChunk(columns) {
      ensureOpen();
      if (columns.some((c) => c.datasetId !== start.id)) {
        throw new CleanroomError(
          'internal',
          'A chunk of another dataset was written to this import.',
        );
      }
      try {
        await db.transaction('rw', db.chunks, db.datasets, async () => {
          // Checked inside the transaction: a sweep from another tab may have removed the record,
          // and chunks written after that would be orphans nothing ever deletes.
          if (!isImporting(await db.datasets.get(start.id)))
            throw new CleanroomError('aborted', GONE);
          await db.chunks.bulkPut(columns);
          await db.datasets.update(start.id, { heartbeatAt: Date.now() });
        });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // Clean up before reporting, so "nothing was kept" is already true when the user reads it.
        await session.abort().catch(() => undefined);
        throw quotaExceededError();
      }
    },
    async commit(outcome, importMs) {
      ensureOpen();
      const meta = await db
        .transaction('rw', db.datasets, db.chunks, async () => {
          const current = await db.datasets.get(start.id);
          if (!current || !isImporting(current)) throw new CleanroomError('aborted', GONE);
          const stored = await db.chunks.where('datasetId').equals(start.id).count();
          const expected = outcome.chunkCount * outcome.columns.length;
          if (stored !== expected) {
            throw new CleanroomError(
              'internal',
              `The import stored ${stored} of ${expected} column chunks; import the file again.`,
            );
          }
          const ready: DatasetMeta = {
            id: start.id,
            name: start.name,
            status: 'ready',
            fileName: start.fileName,
            fileBytes: start.fileBytes,
            rows: outcome.rows,
            columns: outcome.columns,
            chunkRows: outcome.chunkRows,
            chunkCount: outcome.chunkCount,
            dialect: outcome.dialect,
            warnings: outcome.warnings,
            createdAt: current.createdAt,
            importMs: Math.round(importMs),
            storedBytes: outcome.storedBytes,
          };
          // put replaces the whole record, which also drops the import heartbeat.
          await db.datasets.put(ready);
          return ready;
        })
        .catch(mapQuota);
      state = 'committed';
      return meta;
    },
    async abort() {
      if (state === 'committed') return;
      state = 'aborted';
      await removeDataset(db, start.id, (r) => r === undefined || isImporting(r));
    },
  };
  return session;
}

function mapQuota(error: unknown): never {
  throw isQuotaError(error) ? quotaExceededError() : error;
}
