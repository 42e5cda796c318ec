/** Reading and deleting datasets; importing ones stay invisible here until they commit. */
import type { DatasetMeta, StoredColumnChunk } from '../core/table/types';
import type { CleanroomDb, DatasetRecord } from './db';
import { decodedCacheOf } from './decoded-cache';
import { removeDataset } from './remove-dataset';

/** Ready datasets, newest first. */
export async function listDatasets(db: CleanroomDb): Promise<DatasetMeta[]> {
  const ready = await db.datasets.where('status').equals('ready').toArray();
  return ready.map(toMeta).sort((a, b) => b.createdAt - a.createdAt);
}

/** The ready dataset `id`, or undefined (also while it is still importing). */
export async function getDataset(db: CleanroomDb, id: string): Promise<DatasetMeta | undefined> {
  const record = await db.datasets.get(id);
  return record?.status === 'ready' ? toMeta(record) : undefined;
}

/** Deletes a dataset's record, chunks and ops; a missing dataset is not an error. */
export async function deleteDataset(db: CleanroomDb, id: string): Promise<void> {
  await removeDataset(db, id);
  decodedCacheOf(db).forget(id);
}

/** One stored column chunk as written at import, or undefined. */
export function readStoredChunk(
  db: CleanroomDb,
  datasetId: string,
  column: number,
  chunk: number,
): Promise<StoredColumnChunk | undefined> {
  return db.chunks.get([datasetId, column, chunk]);
}

function toMeta(record: DatasetRecord): DatasetMeta {
  // The heartbeat is storage bookkeeping, not part of the shared meta.
  const { heartbeatAt: _heartbeat, ...meta } = record;
  return meta;
}
