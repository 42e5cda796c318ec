/**
 * Finding imports nobody is running any more (the tab closed mid-import) and deleting them.
 * An import holds the Web Lock importLockName(id) for its whole run; locks are released when
 * their tab or worker dies, so "no such lock held" means the import is dead.
 */
import type { CleanroomDb, DatasetRecord } from './db';
import { removeDataset } from './remove-dataset';

/** Without Web Locks, an import whose last sign of life is younger than this counts as running. */
export const IMPORT_ALIVE_WITHOUT_LOCKS_MS = 10 * 60_000;

/** Tells whether the import of dataset `id` is still running somewhere (`(id) => …` fits too). */
export type ImportLiveness = (id: string, record: DatasetRecord) => Promise<boolean>;

/** The Web Lock an import of dataset `id` holds while it runs. */
export function importLockName(id: string): string {
  return `cleanroom:import:${id}`;
}

/**
 * Whether the import of `id` is alive, judged by navigator.locks.query() across all tabs and
 * workers of the origin. Where Web Locks are missing or fail, another tab could be importing
 * right now, so a record is kept while its last write (or creation) is under 10 minutes old.
 */
export async function isImportAliveViaLocks(
  id: string,
  record?: Pick<DatasetRecord, 'createdAt' | 'heartbeatAt'>,
  locks: LockManager | undefined = globalThis.navigator?.locks,
  now: number = Date.now(),
): Promise<boolean> {
  if (locks && typeof locks.query === 'function') {
    try {
      const snapshot = await locks.query();
      const name = importLockName(id);
      return [...(snapshot.held ?? []), ...(snapshot.pending ?? [])].some(
        (lock) => lock.name === name,
      );
    } catch {
      // e.g. a SecurityError in an opaque origin: fall through to the age rule.
    }
  }
  if (!record) return true;
  return now - (record.heartbeatAt ?? record.createdAt) < IMPORT_ALIVE_WITHOUT_LOCKS_MS;
}

/** Deletes 'importing' records (and their chunks) whose import `isAlive` says is over; returns their ids. */
export async function sweepAbandonedImports(
  db: CleanroomDb,
  isAlive: ImportLiveness,
): Promise<string[]> {
  const importing: DatasetRecord[] = await db.datasets
    .where('status')
    .equals('importing')
    .toArray();
  const removed: string[] = [];
  for (const record of importing) {
    // Liveness is asked outside any transaction (it awaits non-IndexedDB promises); the delete
    // re-checks the status so an import that committed meanwhile is left alone.
    if (await isAlive(record.id, record)) continue;
    if (await removeDataset(db, record.id, (r) => r?.status === 'importing'))
      removed.push(record.id);
  }
  return removed;
}
