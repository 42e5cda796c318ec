/** The training worker's params → the core's run preparation (one implementation for both). */
import { prepareRun as prepareCoreRun, type PreparedRun } from '../../src/core/train/prepare-run';
import type { Frame } from '../../src/core/table/frame';
import type { TrainParams } from '../../src/protocol/train-methods';

export type { PreparedRun };

/** Encodes, splits and fits the preprocessing (train split only); no tensors yet. */
export function prepareRun(frame: Frame, params: TrainParams): PreparedRun {
  return prepareCoreRun(frame, {
    target: params.target,
    task: params.task ?? 'auto',
    // 'auto' prepares with the MLP's defaults; runCandidates derives both candidates from them.
    model: {
      ...params.model,
      kind: params.model.kind === 'auto' ? 'mlp' : params.model.kind,
      seed: params.seed,
    },
    preprocessing: params.privacyK ? { privacyK: params.privacyK } : undefined,
  });
}
