/** What the train worker does: train on a stored dataset, reveal test metrics, export, list runs. */
import type { EvaluationReport } from '../core/evaluate/report';
import type { RevealLedger } from '../core/evaluate/reveal-budget';
import type { DriftReport } from '../core/evaluate/drift';
import type { Gate, GateResult } from '../core/evaluate/gates';
import type { ModelChoice } from '../core/train/model-choice';
import type { ModelSpec } from '../core/train/model-spec';
import type { ExcludedColumn } from '../core/train/preprocessing';
import type { Task } from '../core/train/target';

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

/** Parameters of `train`. */
export interface TrainParams {
  /** Dataset id; its current version (source + operation log) is read from IndexedDB. */
  id: string;
  target: string;
  task?: Task | 'auto';
  /** kind 'auto': logistic/softmax regression and the MLP are both trained, the better kept. */
  model: Partial<Omit<ModelSpec, 'kind'>> & { kind: ModelSpec['kind'] | 'auto' };
  seed: number;
  backend?: TrainBackendChoice;
  /** Fewest training rows behind any figure the exported zip holds (default 10). */
  privacyK?: number;
  /** Test hook: destroy the WebGPU device after this many finished epochs (device-loss fallback). */
  loseDeviceAfterEpoch?: number;
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

/** Progress of `train`: a phase note (reading, calibrating, falling back) or an epoch. */
export type TrainProgress =
  | {
      phase: 'reading' | 'calibrating' | 'candidate' | 'fallback' | 'evaluating';
      message: string;
    }
  | EpochProgress;

/** One trial of a search: its settings and validation figures. */
export interface SearchTrial {
  trial: number;
  runId: string;
  hidden: number[];
  learningRate: number;
  dropout: number;
  l2: number;
  epochs: number;
  /** Best validation loss over the epochs (the selection criterion; lower is better). */
  valLoss: number;
  /** Accuracy (classification) or RMSE (regression) on validation. */
  metric: number;
  durationMs: number;
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

/** The train worker's methods. */
export type TrainMethods = {
  listBackends: { params: Record<string, never>; result: TrainBackendInfo[]; progress: never };
  train: { params: TrainParams; result: RunSummary; progress: TrainProgress };
  /** Random search over hidden layers, learning rate, dropout and L2; best by validation loss. */
  search: {
    params: TrainParams & { trials: number };
    result: { trials: SearchTrial[]; best: RunSummary };
    progress: TrainProgress | { phase: 'trial'; trial: SearchTrial; trials: number };
  };
  revealTest: {
    params: { runId: string; what: string };
    result: { report: EvaluationReport; ledger: RevealLedger };
    progress: never;
  };
  exportModel: {
    params: { runId: string; gates: Gate[]; gateResults: GateResult[] | null; gatesPass: boolean };
    result: { zip: Uint8Array; fileName: string };
    progress: never;
  };
  listRuns: { params: { datasetId: string }; result: StoredRun[]; progress: never };
  /** Stores the run held in memory again, after a save refused for a full storage. */
  saveRun: { params: { runId: string }; result: void; progress: never };
  /** An exported bundle kept in IndexedDB, by run. */
  getModelZip: {
    params: { runId: string };
    result: { zip: Uint8Array; fileName: string };
    progress: never;
  };
  /** Scores a stored dataset with a model zip: predictions CSV, schema notes, drift vs training. */
  predictDataset: {
    params: { id: string; zip: Uint8Array };
    result: BatchPredictionResult;
    progress: never;
  };
};

/** Result of `predictDataset`. */
export interface BatchPredictionResult {
  /** UTF-8 CSV: row, identifier columns, predicted_<target>, p_<class>… */
  csv: Uint8Array;
  fileName: string;
  rows: number;
  model: string;
  /** One line per schema difference (missing/extra columns, unseen categories); empty = all matched. */
  schema: string[];
  drift: DriftReport | null;
}
