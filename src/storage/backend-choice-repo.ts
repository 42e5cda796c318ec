/** Training-backend calibrations kept per device (this browser profile's IndexedDB). */
import type { CleanroomDb } from './db';
import type { BackendChoiceRecord } from './records';
import { isQuotaError } from './storage-errors';

export type { BackendChoiceRecord } from './records';

/** The stored calibration for `key`, if any. */
export function getBackendChoice(
  db: CleanroomDb,
  key: string,
): Promise<BackendChoiceRecord | undefined> {
  return db.backendChoices.get(key);
}

/**
 * Stores (replaces) the calibration for its key. It is a cache: with storage full it is not kept
 * (the next job measures again) and training goes on; returns whether it was stored.
 */
export async function putBackendChoice(
  db: CleanroomDb,
  record: BackendChoiceRecord,
): Promise<boolean> {
  try {
    await db.backendChoices.put(record);
    return true;
  } catch (error) {
    if (isQuotaError(error)) return false;
    throw error;
  }
}

/** The most recent stored calibration (what the compute badge shows). */
export function latestBackendChoice(db: CleanroomDb): Promise<BackendChoiceRecord | undefined> {
  return db.backendChoices.orderBy('measuredAt').last();
}

/** The newest training run's backend and createdAt over all datasets (the run record's word). */
export async function latestRunBackend(
  db: CleanroomDb,
): Promise<{ backend: string; createdAt: string } | undefined> {
  const run = await db.runs.orderBy('createdAt').last();
  return run && { backend: run.backend, createdAt: run.createdAt };
}
