/**
 * The IndexedDB schema (Dexie 4). Opened from the data worker and from the page alike, so it
 * uses no DOM-only API; tests inject fake-indexeddb's factory and a unique name.
 */
import Dexie, { type Table } from 'dexie';
import type { LoggedOperation } from '../core/clean/operations';
import type { DatasetMeta, StoredColumnChunk } from '../core/table/types';
import type { StoredRun } from '../core/train/run-record';
import type { BackendChoiceRecord, DatasetSettings, StoredModel } from './records';

/** The database name used by the app. */
export const DB_NAME = 'cleanroom';

/** A row of `datasets`: the meta, plus a heartbeat an import bumps at every chunk it writes. */
export interface DatasetRecord extends DatasetMeta {
  /** Epoch ms of the last chunk written while importing; lets a sweep without Web Locks judge age. */
  heartbeatAt?: number;
}

/** Primary key of a chunk record. */
export type ChunkKey = [datasetId: string, column: number, chunk: number];

/** Primary key of an op record. */
export type OpKey = [datasetId: string, seq: number];

/** Where to open the database; defaults to the global indexedDB and the app's name. */
export interface CleanroomDbOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The app's Dexie database: datasets, column chunks, the operation log, runs and settings. */
export class CleanroomDb extends Dexie {
  // `declare`, not a field: with ES2022 class fields a plain declaration would overwrite the
  // tables Dexie's constructor has just set up with undefined.
  declare datasets: Table<DatasetRecord, string>;
  declare chunks: Table<StoredColumnChunk, ChunkKey>;
  declare ops: Table<LoggedOperation, OpKey>;
  declare runs: Table<StoredRun, string>;
  declare models: Table<StoredModel, string>;
  declare backendChoices: Table<BackendChoiceRecord, string>;
  declare settings: Table<DatasetSettings, string>;

  constructor(options: CleanroomDbOptions = {}) {
    // Only pass what was given: an explicit `undefined` would replace Dexie's defaults.
    const deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {};
    if (options.indexedDB) deps.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) deps.IDBKeyRange = options.IDBKeyRange;
    super(options.name ?? DB_NAME, deps);
    this.version(1).stores({
      datasets: 'id, status, createdAt',
      chunks: '[datasetId+column+chunk], datasetId',
      ops: '[datasetId+seq], datasetId',
    });
    // Version 2: training runs and exported model bundles (issue 4).
    this.version(2).stores({ runs: 'runId, datasetId, createdAt', models: 'runId, datasetId' });
    // Version 3: training-backend calibrations per model shape, kept per device (issue 12), and
    // per-dataset settings (the shared target, the last ranking's choices; issue 11). New tables
    // only: existing records need no upgrade.
    this.version(3).stores({ backendChoices: 'key, measuredAt', settings: 'datasetId' });
  }
}
