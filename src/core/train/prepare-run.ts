/**
 * A run's data before fitting, shared by `trainModel` and the browser's training worker so both
 * split, preprocess and scale the target identically: target encoded, seeded stratified split,
 * preprocessing fitted on the training split only, design matrices for train and validation.
 */
import type { Frame } from '../table/frame';
import { checkFeatures, checkSplit } from './check-training-input';
import type { FitData } from './fit-model';
import { fitPreprocessing, type PreprocessingOptions } from './fit-preprocessing';
import { defaultSpec, type ModelSpec } from './model-spec';
import type { Preprocessing } from './preprocessing';
import { DEFAULT_SPLIT, stratifiedSplit, type Split, type SplitOptions } from './split';
import { encodeTarget, type EncodedTarget, type Task } from './target';
import { clippedValues, clipWarnings } from './robust-bounds';
import { farTargetWarning } from './target-range';
import { transformFrame } from './transform';

/** What decides a run's data. */
export interface PrepareOptions {
  target: string;
  task?: Task | 'auto';
  model?: Partial<ModelSpec> & { kind?: ModelSpec['kind'] };
  split?: Partial<SplitOptions>;
  preprocessing?: PreprocessingOptions;
}

/** Everything decided before fitting; no tensors yet. */
export interface PreparedRun {
  target: EncodedTarget;
  spec: ModelSpec;
  split: Split;
  preprocessing: Preprocessing;
  train: FitData;
  validation: FitData;
  classCount: number;
  /** Things the user should know about the input (targets left out, values clipped), naming rows. */
  warnings: string[];
}

/** Encodes, splits and fits the preprocessing on the training split only. */
export function prepareRun(frame: Frame, options: PrepareOptions): PreparedRun {
  const target = encodeTarget(frame, options.target, options.task ?? 'auto');
  const spec = defaultSpec(options.model?.kind ?? 'mlp', options.model ?? {});
  const splitOptions = { ...DEFAULT_SPLIT, seed: spec.seed, ...options.split };
  const split = stratifiedSplit(
    target.rows.length,
    splitOptions,
    target.task === 'classification' ? target.values : undefined,
  );
  checkSplit(split, target, splitOptions);
  const preprocessing = fitPreprocessing(frame, target, split.train, options.preprocessing);
  checkFeatures(preprocessing, frame.columns.length);
  const toFit = (positions: Int32Array): FitData => {
    const t = transformFrame(
      preprocessing,
      frame,
      Int32Array.from(positions, (p) => target.rows[p]),
    );
    const { mean, std } = preprocessing.targetScaling ?? { mean: 0, std: 1 };
    const y = Float32Array.from(positions, (p) => (target.values[p] - mean) / std);
    return { x: t.x, y, rows: t.rows, width: t.width };
  };
  return {
    target,
    spec,
    split,
    preprocessing,
    train: toFit(split.train),
    validation: toFit(split.validation),
    classCount: target.classes.length,
    warnings: [
      farTargetWarning(target.name, target.farRows, target.farBounds),
      ...clipWarnings(clippedValues(preprocessing, frame, target.rows)),
    ].filter((w): w is string => w !== null),
  };
}
