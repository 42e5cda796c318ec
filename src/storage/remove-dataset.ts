/**
 * Deleting everything of one dataset: its record, chunks, ops, training runs, exported models and
 * settings.
 * One transaction normally; if
 * the browser refuses that for quota (a big delete can need journal space on a full disk), the
 * chunks and ops go in small batches, the record last so a half-done delete stays sweepable.
 */
import type { Table } from 'dexie';
import type { CleanroomDb, DatasetRecord } from './db';
import { isQuotaError } from './storage-errors';

/** Chunk records per transaction in the fallback (one can be ~0.5 MB); halved again on refusal. */
const BATCH = 8;

/** Decides from the current record (undefined when gone) whether deleting may go ahead. */
export type RemoveGuard = (record: DatasetRecord | undefined) => boolean;

/** Deletes dataset `id` entirely; returns false when `guard` said no. */
export async function removeDataset(
  db: CleanroomDb,
  id: string,
  guard?: RemoveGuard,
): Promise<boolean> {
  try {
    return await db.transaction(
      'rw',
      [db.datasets, db.chunks, db.ops, db.runs, db.models, db.settings],
      async () => {
        if (guard && !guard(await db.datasets.get(id))) return false;
        await db.chunks.where('datasetId').equals(id).delete();
        await db.ops.where('datasetId').equals(id).delete();
        await db.runs.where('datasetId').equals(id).delete();
        await db.models.where('datasetId').equals(id).delete();
        await db.settings.delete(id);
        await db.datasets.delete(id);
        return true;
      },
    );
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return removeInBatches(db, id, guard);
  }
}

async function removeInBatches(db: CleanroomDb, id: string, guard?: RemoveGuard): Promise<boolean> {
  const record = await db.datasets.get(id);
  if (guard && !guard(record)) return false;
  if (record && record.status !== 'importing') {
    // Hide it from the list first: if a batch fails, the next sweep finishes the job.
    await db.datasets.update(id, { status: 'importing' }).catch(() => undefined);
  }
  await deleteInBatches(
    db.chunks,
    await db.chunks.where('datasetId').equals(id).primaryKeys(),
    BATCH,
  );
  await deleteInBatches(
    db.ops,
    await db.ops.where('datasetId').equals(id).primaryKeys(),
    BATCH * 64,
  );
  await deleteInBatches(db.models, await db.models.where('datasetId').equals(id).primaryKeys(), 1);
  await db.runs.where('datasetId').equals(id).delete();
  await db.settings.delete(id);
  await db.datasets.delete(id);
  return true;
}

/** Deletes `keys` a batch per transaction, halving the batch after each quota refusal. */
async function deleteInBatches<K>(
  table: Table<unknown, K>,
  keys: K[],
  batch: number,
): Promise<void> {
  let size = batch;
  for (let i = 0; i < keys.length;) {
    try {
      await table.bulkDelete(keys.slice(i, i + size));
      i += size;
    } catch (error) {
      if (!isQuotaError(error) || size === 1) throw error;
      size = Math.max(1, size >> 1);
    }
  }
}
