/** Training runs and exported model bundles, kept per dataset (lineage: dataset id + version). */
import type { StoredRun } from '../core/train/run-record';
import type { CleanroomDb } from './db';
import type { StoredModel } from './records';
import { savingOrFull } from './storage-errors';

export type { StoredModel } from './records';

/** Stores (or replaces) a run. */
export async function saveRun(db: CleanroomDb, run: StoredRun): Promise<void> {
  await savingOrFull('the training run', () => db.runs.put(run));
}

/** Updates part of a stored run (test reveals); a missing run is ignored. */
export async function updateRun(
  db: CleanroomDb,
  runId: string,
  changes: Partial<StoredRun>,
): Promise<void> {
  await savingOrFull("the run's update", () => db.runs.update(runId, changes));
}

/** A dataset's runs, newest first. */
export async function listRuns(db: CleanroomDb, datasetId: string): Promise<StoredRun[]> {
  const runs = await db.runs.where('datasetId').equals(datasetId).toArray();
  return runs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Keeps an exported bundle with its run. */
export async function saveModel(db: CleanroomDb, model: StoredModel): Promise<void> {
  await savingOrFull('the exported model', () => db.models.put(model));
}

/** The stored bundle of a run, if it was exported. */
export function getModel(db: CleanroomDb, runId: string): Promise<StoredModel | undefined> {
  return db.models.get(runId);
}

/** Removes a dataset's runs and models (call when the dataset is deleted). */
export async function removeRuns(db: CleanroomDb, datasetId: string): Promise<void> {
  await db.transaction('rw', db.runs, db.models, async () => {
    await db.runs.where('datasetId').equals(datasetId).delete();
    await db.models.where('datasetId').equals(datasetId).delete();
  });
}
