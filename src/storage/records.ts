/**
 * The record types of the IndexedDB tables, in their own file: db.ts declares the tables and the
 * repositories read and write them, so neither has to import the other for a type.
 */
import type { TrainBackendInfo } from '../core/train/run-record';

/** An exported bundle (the zip as downloaded) of a run. */
export interface StoredModel {
  runId: string;
  datasetId: string;
  createdAt: string;
  fileName: string;
  zip: Uint8Array;
}

/** One stored calibration: which backend won for a model shape, and the figures. */
export interface BackendChoiceRecord {
  /** `calibrationKey` of the model shape. */
  key: string;
  chosen: TrainBackendInfo['name'];
  infos: TrainBackendInfo[];
  measuredAt: string;
}

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
