/**
 * A training run as it is reported and stored: the train worker sends it, IndexedDB keeps it, the
 * page shows it (here in core so storage and the protocol share it without importing each other).
 */
import type { EvaluationReport } from '../evaluate/report';
import type { RevealLedger } from '../evaluate/reveal-budget';
import type { ModelChoice } from './model-choice';
import type { ModelSpec } from './model-spec';
import type { ExcludedColumn } from './preprocessing';
import type { Task } from './target';

/** A TF.js backend the user can ask for; 'auto' = calibrate on the model's shape and pick the fastest. */
export type TrainBackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** One backend as this worker sees it; `stepMs` is filled by a calibration. */
export interface TrainBackendInfo {
  name: Exclude<TrainBackendChoice, 'auto'>;
  available: boolean;
  /** Adapter (WebGPU), 'WebGL 2', 'SIMD' (WASM) or 'JavaScript'; software adapters say so. */
  detail: string;
  software: boolean;
  /** Median ms of one training step (forward + backward + Adam) at the run's batch and shape. */
  stepMs?: number;
  error?: string;
}

/** One finished epoch; metric = accuracy (classification) or RMSE in target units (regression). */
export interface EpochProgress {
  phase: 'epoch';
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number;
  metric: number;
  valMetric: number;
  elapsedMs: number;
  /** Time left if every remaining epoch runs (early stopping may end sooner). */
  etaMs: number;
  backend: string;
}

/** A finished run as the page sees it (the model stays in the worker for reveal and export). */
export interface RunSummary {
  runId: string;
  datasetId: string;
  datasetName: string;
  /** Operation count of the dataset version trained on. */
  datasetVersion: number;
  createdAt: string;
  target: string;
  task: Task;
  classes: string[];
  spec: ModelSpec;
  /** The automatic choice's candidates and reason (absent when the user named the model). */
  choice?: ModelChoice | null;
  backend: string;
  /** Calibration figures (auto) or the override, and any fallback on the way. */
  backendNote: string;
  backends: TrainBackendInfo[];
  durationMs: number;
  curves: EpochProgress[];
  bestEpoch: number;
  stoppedEarly: boolean;
  validation: EvaluationReport;
  rows: { train: number; validation: number; test: number };
  missingTarget: number;
  features: string[];
  excluded: ExcludedColumn[];
  /** Warnings about the input (huge values clipped, naming columns and rows); absent in older runs. */
  warnings?: string[];
  /** Set when the run could not be stored (storage full): the model stays in the worker's memory. */
  unsaved?: string;
  ledger: RevealLedger;
  /** tf.memory().numTensors before the run and after it, less the kept model's weights. */
  tensors: { before: number; after: number };
}

/** A run kept in IndexedDB (`runs` table). */
export interface StoredRun extends RunSummary {
  test: EvaluationReport | null;
  /** When its bundle was exported (the zip is kept in the `models` table). */
  exportedAt?: string;
}
