/// <reference lib="webworker" />
import type { DataMethods } from '../src/protocol/data-methods';
import { serve, type CallContext } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import { importLockName, isImportAliveViaLocks } from '../src/storage/import-session';
import { createDataHandlers, type LockRunner } from './data/data-handlers';

const db = new CleanroomDb();

/** Holds a Web Lock for the task's duration (other tabs see the import is alive). */
const runLocked: LockRunner = (name, task) =>
  navigator.locks
    ? (navigator.locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>)
    : task();

const handlers = createDataHandlers(db, runLocked, importLockName, isImportAliveViaLocks);
const noContext: CallContext<never> = {
  signal: new AbortController().signal,
  progress: () => undefined,
};

// Imports interrupted by a closed tab or a crash leave 'importing' records: remove them first,
// keeping their names for the first caller that asks (the page tells the user).
let sweptNames: string[] = [];
const swept = handlers
  .discardInterruptedImports({}, noContext)
  .then((names) => void (sweptNames = names))
  .catch((error: unknown) => {
    console.warn('Could not clean up interrupted imports:', error);
  });

serve<DataMethods>(self, {
  ...handlers,
  listDatasets: async (params, ctx) => {
    await swept;
    return handlers.listDatasets(params, ctx);
  },
  discardInterruptedImports: async (params, ctx) => {
    await swept;
    const earlier = sweptNames.splice(0);
    return [...earlier, ...(await handlers.discardInterruptedImports(params, ctx))];
  },
});
