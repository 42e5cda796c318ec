/// <reference lib="webworker" />
import type { DataMethods } from '../src/protocol/data-methods';
import { serve } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import {
  importLockName,
  isImportAliveViaLocks,
  sweepAbandonedImports,
} from '../src/storage/import-session';
import { createDataHandlers, type LockRunner } from './data-handlers';

const db = new CleanroomDb();

/** Holds a Web Lock for the task's duration (other tabs see the import is alive). */
const runLocked: LockRunner = (name, task) =>
  navigator.locks
    ? (navigator.locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>)
    : task();

// Imports interrupted by a closed tab or a crash leave 'importing' records: remove them first.
const swept = sweepAbandonedImports(db, isImportAliveViaLocks).catch((error: unknown) => {
  console.warn('Could not clean up interrupted imports:', error);
});

const handlers = createDataHandlers(db, runLocked, importLockName);
serve<DataMethods>(self, {
  ...handlers,
  listDatasets: async (params, ctx) => {
    await swept;
    return handlers.listDatasets(params, ctx);
  },
});
