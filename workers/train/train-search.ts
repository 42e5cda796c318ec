/** Random search: seeded draws of MLP settings, each trained on the same split, best by validation loss. */
import * as tf from '@tensorflow/tfjs';
import { isAbortError } from '../../src/core/errors';
import type { Frame } from '../../src/core/table/frame';
import type { DatasetMeta } from '../../src/core/table/types';
import { seededRandom } from '../../src/core/stats/rng';
import type { CallContext } from '../../src/protocol/server';
import type {
  SearchTrial,
  TrainBackendInfo,
  TrainMethods,
  TrainParams,
} from '../../src/protocol/train-methods';
import { trainOnce, type Live } from './train-once';

/** The space: small enough for a browser, wide enough to matter. */
const SPACE = {
  hidden: [[8], [16], [32], [32, 16], [64, 32]],
  learningRate: [0.003, 0.01, 0.03],
  dropout: [0, 0.1, 0.2],
  l2: [0, 1e-4, 1e-3],
};

const pick = <T>(values: T[], random: () => number): T =>
  values[Math.floor(random() * values.length)];

/** Trains `params.trials` seeded draws; returns every trial and the best run (its model kept). */
export async function searchTrials(
  frame: Frame,
  meta: DatasetMeta,
  version: number,
  params: TrainParams & { trials: number },
  infos: TrainBackendInfo[],
  ctx: CallContext<TrainMethods['search']['progress']>,
  save: (run: Live) => Promise<void>,
): Promise<{ trials: SearchTrial[]; best: Live }> {
  const random = seededRandom(params.seed ^ 0x5ea5c4);
  const trials: SearchTrial[] = [];
  let best: Live | null = null;
  let bestLoss = Infinity;
  let backend = params.backend ?? 'auto';
  const count = Math.max(1, Math.min(50, Math.round(params.trials)));
  for (let i = 0; i < count; i++) {
    const draw = {
      hidden: pick(SPACE.hidden, random),
      learningRate: pick(SPACE.learningRate, random),
      dropout: pick(SPACE.dropout, random),
      l2: pick(SPACE.l2, random),
    };
    const started = performance.now();
    const before = tf.memory().numTensors;
    let run: Live;
    try {
      run = await trainOnce(
        frame,
        meta,
        version,
        { ...params, backend, model: { ...params.model, kind: 'mlp', ...draw } },
        infos,
        started,
        before,
        ctx,
      );
    } catch (error) {
      // Cancelled after at least one trial: keep what was found so far.
      if (best && isAbortError(error)) break;
      best?.result.model.dispose();
      throw error;
    }
    // Calibrate once; later trials reuse the backend the first one measured as fastest.
    backend = run.summary.backend as typeof backend;
    await save(run);
    const valLoss = Math.min(...run.summary.curves.map((c) => c.valLoss));
    const v = run.summary.validation;
    const trial: SearchTrial = {
      trial: i + 1,
      runId: run.summary.runId,
      ...draw,
      epochs: run.summary.curves.length,
      valLoss,
      metric: v.task === 'regression' ? v.rmse.value : v.accuracy.value,
      durationMs: run.summary.durationMs,
    };
    trials.push(trial);
    ctx.progress({ phase: 'trial', trial, trials: count });
    if (valLoss < bestLoss) {
      best?.result.model.dispose();
      best = run;
      bestLoss = valLoss;
    } else run.result.model.dispose();
    if (ctx.signal.aborted) break;
  }
  return { trials, best: best! };
}
