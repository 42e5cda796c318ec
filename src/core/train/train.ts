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
import {
  candidateSpecs,
  describeChoice,
  fitAndChoose,
  isImbalanced,
  type ModelChoice,
} from './model-choice';
import { prepareRun, type PreparedRun } from './prepare-run';
import type { Split, SplitOptions } from './split';
import { encodeTarget, type EncodedTarget, type Task } from './target';
import { transformFrame } from './transform';

/** Everything a run needs besides the data. */
export interface TrainOptions {
  target: string;
  task?: Task | 'auto';
  /** kind 'auto' (the default): logistic/softmax regression and the MLP, the better kept. */
  model?: Partial<Omit<ModelSpec, 'kind'>> & { kind?: ModelSpec['kind'] | 'auto' };
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
  /** The automatic choice's candidates and reason; null when the user named the model. */
  choice: ModelChoice | null;
  /** Warnings about the input (clipped values), one line each. */
  warnings: string[];
  /** Kept for `revealTest` and drift references: frame rows of each split. */
  rows: { train: Int32Array; validation: Int32Array; test: Int32Array };
}

/** Trains a model on `frame` as `options` say. */
export async function trainModel(frame: Frame, options: TrainOptions): Promise<TrainResult> {
  const auto = (options.model?.kind ?? 'auto') === 'auto';
  const run = prepareRun(frame, {
    ...options,
    model: { ...options.model, kind: auto ? 'mlp' : (options.model?.kind as ModelSpec['kind']) },
  });
  const { target, split, preprocessing, train, classCount } = run;
  const { specs, weighted } = runCandidates(run, auto);
  const { kept, index, fitted } = await fitAndChoose(
    specs,
    async (spec) => {
      const model = buildModel(spec, preprocessing.inputNames.length, target.task, classCount);
      try {
        const fit = await fitModel(model, spec, target.task, classCount, train, run.validation, {
          ...options.hooks,
          classWeights:
            spec.classWeights === 'balanced' ? balancedWeights(train.y, classCount) : undefined,
        });
        return { model, fit };
      } catch (error) {
        model.dispose();
        throw error;
      }
    },
    // Candidates are compared without intervals; the kept one is evaluated again with them.
    (model) => evaluatePrepared(model, run, { resamples: 0 }),
  );
  const frameRows = (p: Int32Array) => Int32Array.from(p, (i) => target.rows[i]);
  const rows = {
    train: frameRows(split.train),
    validation: frameRows(split.validation),
    test: frameRows(split.test),
  };
  const validation =
    options.bootstrap?.resamples === 0
      ? kept.validation
      : await evaluatePrepared(kept.model, run, options.bootstrap);
  const { rows: _r, values: _v, ...targetInfo } = target;
  return {
    model: kept.model,
    spec: kept.spec,
    preprocessing,
    target: targetInfo,
    split,
    fit: kept.fit,
    validation,
    choice: auto ? describeChoice(fitted, index, weighted) : null,
    warnings: run.warnings,
    rows,
  };
}

/** The specs a run trains: both candidates (auto, class-weighted when imbalanced) or the one asked for. */
export function runCandidates(
  run: PreparedRun,
  auto: boolean,
): { specs: ModelSpec[]; weighted: boolean } {
  if (!auto) return { specs: [run.spec], weighted: run.spec.classWeights === 'balanced' };
  const weighted =
    run.spec.classWeights === 'balanced' ||
    (run.target.task === 'classification' && isImbalanced(run.train.y, run.classCount));
  return { specs: candidateSpecs(run.spec, run.train.rows, weighted), weighted };
}

/** Validation report from the run's already transformed validation inputs. */
export async function evaluatePrepared(
  model: tf.LayersModel,
  run: PreparedRun,
  bootstrap?: BootstrapOptions,
): Promise<EvaluationReport> {
  const { x, rows } = run.validation;
  const out = await predictInputs(model, run.preprocessing, x, rows);
  const truth = Float64Array.from(run.split.validation, (p) => run.target.values[p]);
  return out.probabilities
    ? classificationReport(
        Int32Array.from(truth),
        out.probabilities,
        run.preprocessing.classes,
        bootstrap,
      )
    : regressionReport(truth, out.values!, bootstrap);
}

/** A class's weight is at most this many times the most common class's. */
export const MAX_CLASS_WEIGHT_RATIO = 20;

/**
 * n / (classes × count) per class, capped at MAX_CLASS_WEIGHT_RATIO × the most common class's
 * weight; absent classes get 0. Uncapped, 10 rows of a class among 1M weighed ~6,000 each and the
 * model spent itself on them (balanced accuracy below the unweighted model's).
 */
export function balancedWeights(labels: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  const weights = counts.map((c) => (c ? labels.length / (classCount * c) : 0));
  const floor = Math.min(...weights.filter((w) => w > 0));
  return weights.map((w) => Math.min(w, floor * MAX_CLASS_WEIGHT_RATIO));
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
