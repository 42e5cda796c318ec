/** Model choices as data (serialisable: the UI, the CLI and the worker pass the same object). */
import * as tf from '@tensorflow/tfjs';
import type { Task } from './target';

/** 'logistic' = logistic/softmax regression for classes, linear regression for numbers. */
export type ModelKind = 'logistic' | 'mlp';

/** What to train and how. */
export interface ModelSpec {
  kind: ModelKind;
  /** Hidden layer sizes (MLP only). */
  hidden: number[];
  activation: 'relu' | 'tanh' | 'elu' | 'sigmoid';
  /** Dropout rate after each hidden layer, in [0, 1). */
  dropout: number;
  /** L2 penalty on the kernels, added to the loss (per weight squared). */
  l2: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** Stop after this many epochs without validation-loss improvement (≥ minDelta); best weights are kept. */
  patience: number;
  minDelta: number;
  /** Weight each class by n / (classes × count), so rare classes count as much as common ones. */
  classWeights: 'balanced' | 'none';
  seed: number;
}

/** Defaults; `kind: 'mlp'` uses hidden [64, 32]. */
export function defaultSpec(
  kind: ModelKind = 'mlp',
  overrides: Partial<ModelSpec> = {},
): ModelSpec {
  return {
    kind,
    hidden: kind === 'mlp' ? [64, 32] : [],
    activation: 'relu',
    dropout: kind === 'mlp' ? 0.1 : 0,
    l2: 1e-4,
    learningRate: 0.01,
    epochs: 50,
    batchSize: 256,
    patience: 5,
    minDelta: 1e-4,
    classWeights: 'none',
    seed: 42,
    ...overrides,
  };
}

/** Output units: 1 for binary (sigmoid) and regression, one per class otherwise (softmax). */
export function outputUnits(task: Task, classCount: number): number {
  return task === 'classification' && classCount > 2 ? classCount : 1;
}

/** Builds the (uncompiled) layers model; initialisers are seeded so a seed repeats a run. */
export function buildModel(
  spec: ModelSpec,
  inputs: number,
  task: Task,
  classCount: number,
): tf.Sequential {
  const model = tf.sequential();
  const hidden = spec.kind === 'mlp' ? spec.hidden : [];
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation,
        inputShape: i === 0 ? [inputs] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + i }),
      }),
    );
    if (spec.dropout > 0)
      model.add(tf.layers.dropout({ rate: spec.dropout, seed: spec.seed + 100 + i }));
  });
  const units = outputUnits(task, classCount);
  model.add(
    tf.layers.dense({
      units,
      activation: task === 'regression' ? 'linear' : units === 1 ? 'sigmoid' : 'softmax',
      inputShape: hidden.length === 0 ? [inputs] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + hidden.length }),
    }),
  );
  return model;
}
