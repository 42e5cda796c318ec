/** A run's data before fitting: target encoded, seeded stratified split, preprocessing fitted on train only. */
import type { FitData } from '../src/core/train/fit-model';
import { fitPreprocessing } from '../src/core/train/fit-preprocessing';
import { defaultSpec, type ModelSpec } from '../src/core/train/model-spec';
import type { Preprocessing } from '../src/core/train/preprocessing';
import { DEFAULT_SPLIT, stratifiedSplit, type Split } from '../src/core/train/split';
import { encodeTarget, type EncodedTarget } from '../src/core/train/target';
import { transformFrame } from '../src/core/train/transform';
import type { Frame } from '../src/core/table/frame';
import type { TrainParams } from '../src/protocol/train-methods';

/** Everything decided before fitting. */
export interface PreparedRun {
  target: EncodedTarget;
  spec: ModelSpec;
  split: Split;
  preprocessing: Preprocessing;
  train: FitData;
  validation: FitData;
  classCount: number;
}

/** Encodes, splits and fits the preprocessing (train split only); no tensors yet. */
export function prepareRun(frame: Frame, params: TrainParams): PreparedRun {
  const target = encodeTarget(frame, params.target, params.task ?? 'auto');
  const spec = defaultSpec(params.model.kind, { ...params.model, seed: params.seed });
  const split = stratifiedSplit(
    target.rows.length,
    { ...DEFAULT_SPLIT, seed: spec.seed },
    target.task === 'classification' ? target.values : undefined,
  );
  const preprocessing = fitPreprocessing(frame, target, split.train);
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
  };
}
