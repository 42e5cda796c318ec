import { CleanroomError } from '../../src/core/errors';
import { importCsv } from '../../src/core/table/import-csv';
import type { DataMethods } from '../../src/protocol/data-methods';
import type { Handlers } from '../../src/protocol/server';
import { withTransfer } from '../../src/protocol/rpc';
import { deleteDataset, getDataset, listDatasets } from '../../src/storage/datasets-repo';
import type { CleanroomDb } from '../../src/storage/db';
import {
  beginImport,
  isImportAliveViaLocks,
  sweepAbandonedImports,
} from '../../src/storage/import-session';
import type { ImportLiveness } from '../../src/storage/import-liveness';
import {
  cleanedCsvBlob,
  danfoScriptText,
  recipeText,
  replayRecipeText,
} from '../../src/storage/cleaning-export';
import { appendOperation, listOperations, redo, undo } from '../../src/storage/ops-repo';
import { getSettings, updateSettings } from '../../src/storage/settings-repo';
import { readRows } from '../../src/storage/version-reader';
import { blobBytes } from './file-bytes';

/** Runs `task` while holding a named lock, so other tabs can tell the import is alive. */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** Cells longer than this are cut for display; the stored value is untouched. */
const DISPLAY_CHARS = 1000;

const truncate = (text: string | null) =>
  text !== null && text.length > DISPLAY_CHARS
    ? `${text.slice(0, DISPLAY_CHARS)}… (${text.length.toLocaleString('en-US')} characters)`
    : text;

/** The data worker's methods over core and storage; also run in-process by contract tests. */
export function createDataHandlers(
  db: CleanroomDb,
  runLocked: LockRunner,
  lockName: (id: string) => string,
  isAlive: ImportLiveness = isImportAliveViaLocks,
): Handlers<DataMethods> {
  return {
    async importFile({ file, name, fileName }, { signal, progress }) {
      const id = crypto.randomUUID();
      return runLocked(lockName(id), async () => {
        const started = performance.now();
        const session = await beginImport(db, { id, name, fileName, fileBytes: file.size });
        try {
          const outcome = await importCsv(
            blobBytes(file, signal),
            { datasetId: id, totalBytes: file.size, signal, onProgress: progress },
            session,
          );
          if (signal.aborted) throw new CleanroomError('aborted', 'Import cancelled.');
          return await session.commit(outcome, performance.now() - started);
        } catch (error) {
          await session.abort();
          throw error;
        }
      });
    },
    async discardInterruptedImports() {
      // Names first: the sweep returns ids of records it has already deleted.
      const importing = await db.datasets.where('status').equals('importing').toArray();
      const removed = new Set(await sweepAbandonedImports(db, isAlive));
      return importing.filter((r) => removed.has(r.id)).map((r) => r.name);
    },
    listDatasets: () => listDatasets(db),
    getDataset: ({ id }) => readyDataset(db, id),
    deleteDataset: ({ id }) => deleteDataset(db, id),
    async readRows({ id, start, count, columns }) {
      const meta = await readyDataset(db, id);
      const page = await readRows(db, meta, start, count, columns);
      page.cells = page.cells.map((column) => column.map(truncate));
      return withTransfer(page, [
        ...page.invalid.map((a) => a.buffer),
        page.excluded.buffer,
      ] as Transferable[]);
    },
    appendOperation: ({ id, op }) => appendOperation(db, id, op),
    listOperations: ({ id }) => listOperations(db, id),
    undo: ({ id }) => undo(db, id),
    redo: ({ id }) => redo(db, id),
    exportCleanedCsv: async ({ id }) => cleanedCsvBlob(db, await readyDataset(db, id)),
    exportRecipe: async ({ id }) => recipeText(db, await readyDataset(db, id)),
    exportDanfoScript: async ({ id }) => danfoScriptText(db, await readyDataset(db, id)),
    replayRecipe: async ({ id, recipe }) =>
      replayRecipeText(db, await readyDataset(db, id), recipe),
    getSettings: ({ id }) => getSettings(db, id),
    updateSettings: async ({ id, changes }) => {
      await readyDataset(db, id);
      return updateSettings(db, id, changes);
    },
  };
}

async function readyDataset(db: CleanroomDb, id: string) {
  const meta = await getDataset(db, id);
  if (!meta)
    throw new CleanroomError(
      'not-found',
      'This dataset no longer exists; it may have been deleted in another tab.',
    );
  return meta;
}
