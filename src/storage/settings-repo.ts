/**
 * Per-dataset choices that must survive a reload: the target column every tab shares, and the
 * ranking last made (its target and reference), so the Priority and Clean tabs can make it again.
 */
import type { CleanroomDb } from './db';
import { savingOrFull } from './storage-errors';

/** The ranking last made for a dataset: enough to make it again after a reload. */
export interface RankingChoice {
  target: string;
  validation: { kind: 'dataset'; id: string } | { kind: 'held-out' };
  /** ISO time the ranking was made. */
  rankedAt: string;
}

/** One dataset's settings (a record of `settings`, keyed by dataset id). */
export interface DatasetSettings {
  datasetId: string;
  /** The target column chosen in Profile, Issues, Priority or Train; null when none. */
  target: string | null;
  ranking: RankingChoice | null;
}

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
