/** The Train form and the `train` call parameters it stands for. */
import { DEFAULT_PRIVACY_K, validPrivacyK } from '../../core/evaluate/private-summary';
import type { TrainBackendChoice, TrainParams } from '../../protocol/train-methods';

/** What the form holds (hidden layers as text, e.g. "16, 8"). */
export interface TrainForm {
  target: string;
  /** 'auto': classes for text and small integer sets, regression for other numbers. */
  task: 'auto' | 'classification' | 'regression';
  /** 'auto': logistic regression and the MLP both trained, the better on validation kept. */
  kind: 'auto' | 'logistic' | 'mlp';
  hidden: string;
  activation: 'relu' | 'tanh' | 'elu' | 'sigmoid';
  dropout: number;
  l2: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  backend: TrainBackendChoice;
  balanced: boolean;
  /** Fewest training rows behind any figure the exported zip holds (bins, categories, medians). */
  privacyK: number;
}

/** Parameters of `train` for `form` on dataset `datasetId` (hidden sizes parsed from text). */
export function trainParams(
  f: TrainForm,
  datasetId: string,
  extra: { loseDeviceAfterEpoch?: number } = {},
): TrainParams {
  const hidden = f.hidden
    .split(/[ ,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    id: datasetId,
    target: f.target,
    task: f.task,
    seed: f.seed,
    backend: f.backend,
    // An out-of-range entry falls back to the default rather than publishing smaller groups.
    privacyK: validPrivacyK(f.privacyK) ? f.privacyK : DEFAULT_PRIVACY_K,
    ...extra,
    model: {
      kind: f.kind,
      hidden: f.kind === 'logistic' ? [] : hidden,
      activation: f.activation,
      dropout: f.kind === 'logistic' ? 0 : f.dropout,
      l2: f.l2,
      learningRate: f.learningRate,
      epochs: f.epochs,
      batchSize: f.batchSize,
      classWeights: f.balanced ? 'balanced' : 'none',
    },
  };
}
