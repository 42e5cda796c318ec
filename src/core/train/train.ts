/**
 * One training run over a frame: encode the target, split, fit preprocessing on the training
 * split, train, and evaluate on validation. The caller picks the tfjs backend beforehand and owns
 * the returned model (dispose it). The test split is untouched here: `revealTest` looks at it.
 */
import type * as tf from '@tensorflow/tfjs';
import { classificationReport } from '../evaluate/classification';
import type { BootstrapOptions } from '../evaluate/intervals';
import { regressionReport } from '../evaluate/regression';
import type { EvaluationReport } from '../evaluate/report';
import type { Frame } from '../table/frame';
import type { PreprocessingOptions } from './fit-preprocessing';
import { fitModel, type FitHooks, type FitReport } from './fit-model';
import { buildModel, type ModelSpec } from './model-spec';
import { predictInputs } from './predict-model';
import type { Preprocessing } from './preprocessing';
import { prepareRun } from './prepare-run';
import type { Split, SplitOptions } from './split';
import { encodeTarget, type EncodedTarget, type Task } from './target';
import { transformFrame } from './transform';

/** Everything a run needs besides the data. */
export interface TrainOptions {
  target: string;
  task?: Task | 'auto';
  model?: Partial<ModelSpec> & { kind?: ModelSpec['kind'] };
  split?: Partial<SplitOptions>;
  preprocessing?: PreprocessingOptions;
  bootstrap?: BootstrapOptions;
  hooks?: Omit<FitHooks, 'classWeights'>;
}

/** A finished run. */
export interface TrainResult {
  model: tf.LayersModel;
  spec: ModelSpec;
  preprocessing: Preprocessing;
  target: Omit<EncodedTarget, 'rows' | 'values'>;
  split: Split;
  fit: FitReport;
  validation: EvaluationReport;
  /** Warnings about the input (clipped values), one line each. */
  warnings: string[];
  /** Kept for `revealTest` and drift references: frame rows of each split. */
  rows: { train: Int32Array; validation: Int32Array; test: Int32Array };
}

/** Trains a model on `frame` as `options` say. */
export async function trainModel(frame: Frame, options: TrainOptions): Promise<TrainResult> {
  const { target, spec, split, preprocessing, train, validation, classCount, warnings } =
    prepareRun(frame, options);
  const model = buildModel(spec, preprocessing.inputNames.length, target.task, classCount);
  let fit: FitReport;
  try {
    fit = await fitModel(model, spec, target.task, classCount, train, validation, {
      ...options.hooks,
      classWeights:
        spec.classWeights === 'balanced' ? balancedWeights(train.y, classCount) : undefined,
    });
  } catch (error) {
    model.dispose();
    throw error;
  }
  const frameRows = (p: Int32Array) => Int32Array.from(p, (i) => target.rows[i]);
  const rows = {
    train: frameRows(split.train),
    validation: frameRows(split.validation),
    test: frameRows(split.test),
  };
  const evaluation = await evaluateRows(
    model,
    preprocessing,
    frame,
    target,
    split.validation,
    options.bootstrap,
  );
  const { rows: _r, values: _v, ...targetInfo } = target;
  return {
    model,
    spec,
    preprocessing,
    target: targetInfo,
    split,
    fit,
    validation: evaluation,
    warnings,
    rows,
  };
}

/** n / (classes × count) per class; absent classes get 0. */
export function balancedWeights(labels: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts.map((c) => (c ? labels.length / (classCount * c) : 0));
}

/** Evaluates `model` on target positions `positions` of `frame`. */
export async function evaluateRows(
  model: tf.LayersModel,
  preprocessing: Preprocessing,
  frame: Frame,
  target: EncodedTarget,
  positions: Int32Array,
  bootstrap?: BootstrapOptions,
): Promise<EvaluationReport> {
  const t = transformFrame(
    preprocessing,
    frame,
    Int32Array.from(positions, (p) => target.rows[p]),
  );
  const out = await predictInputs(model, preprocessing, t.x, t.rows);
  const truth = Float64Array.from(positions, (p) => target.values[p]);
  return out.probabilities
    ? classificationReport(
        Int32Array.from(truth),
        out.probabilities,
        preprocessing.classes,
        bootstrap,
      )
    : regressionReport(truth, out.values!, bootstrap);
}

/** Evaluates on the test split: call it only through the reveal ledger (each call is a reveal). */
export async function revealTest(
  frame: Frame,
  run: TrainResult,
  bootstrap?: BootstrapOptions,
): Promise<EvaluationReport> {
  const target = encodeTarget(frame, run.target.name, run.target.task);
  const positions = Int32Array.from(run.split.test);
  return evaluateRows(run.model, run.preprocessing, frame, target, positions, bootstrap);
}
