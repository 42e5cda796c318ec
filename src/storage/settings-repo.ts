/**
 * Per-dataset choices that must survive a reload: the target column every tab shares, and the
 * ranking last made (its target and reference), so the Priority and Clean tabs can make it again.
 */
import type { CleanroomDb } from './db';
import type { DatasetSettings } from './records';
import { savingOrFull } from './storage-errors';

export type { DatasetSettings, RankingChoice } from './records';

/** The settings of dataset `id` (blank when nothing was stored). */
export async function getSettings(db: CleanroomDb, id: string): Promise<DatasetSettings> {
  return (await db.settings.get(id)) ?? { datasetId: id, target: null, ranking: null };
}

/** Merges `changes` into the settings of dataset `id` (in one transaction) and returns them. */
export async function updateSettings(
  db: CleanroomDb,
  id: string,
  changes: Partial<Omit<DatasetSettings, 'datasetId'>>,
): Promise<DatasetSettings> {
  return savingOrFull("the dataset's settings (target, last ranking)", () =>
    db.transaction('rw', db.settings, async () => {
      const next = { ...(await getSettings(db, id)), ...changes, datasetId: id };
      await db.settings.put(next);
      return next;
    }),
  );
}
