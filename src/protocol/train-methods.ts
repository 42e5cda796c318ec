/** What the train worker does: train on a stored dataset, reveal test metrics, export, list runs. */
import type { EvaluationReport } from '../core/evaluate/report';
import type { RevealLedger } from '../core/evaluate/reveal-budget';
import type { DriftReport } from '../core/evaluate/drift';
import type { Gate, GateResult } from '../core/evaluate/gates';
import type { ModelSpec } from '../core/train/model-spec';
import type {
  EpochProgress,
  RunSummary,
  StoredRun,
  TrainBackendChoice,
  TrainBackendInfo,
} from '../core/train/run-record';
import type { Task } from '../core/train/target';

export type {
  EpochProgress,
  RunSummary,
  StoredRun,
  TrainBackendChoice,
  TrainBackendInfo,
} from '../core/train/run-record';

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
