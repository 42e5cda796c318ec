/**
 * Which backend is fastest for the actual model shape (a few timed Adam steps each). A software
 * WebGPU adapter (SwiftShader) is measured like the others, never trusted by name.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, type ModelSpec } from '../../src/core/train/model-spec';
import type { Task } from '../../src/core/train/target';
import type { TrainBackendInfo } from '../../src/protocol/train-methods';
import { useBackend, type BackendName } from '../shared/tf-backend';
import { timeRepeated } from '../shared/timing';

/** Median ms of one Adam step of the real model shape on the current backend (warm-up excluded). */
async function timeSteps(
  spec: ModelSpec,
  inputs: number,
  task: Task,
  classCount: number,
  budgetMs: number,
): Promise<number> {
  const model = buildModel(spec, inputs, task, classCount);
  const batch = Math.max(1, spec.batchSize);
  const units = (model.outputs[0].shape[1] as number) ?? 1;
  const x = tf.randomNormal([batch, inputs]);
  const y = tf.randomUniform([batch, units]);
  const optimizer = tf.train.adam(spec.learningRate);
  const step = async () => {
    const cost = optimizer.minimize(
      () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor),
      true,
    );
    await cost?.data();
    cost?.dispose();
  };
  try {
    return await timeRepeated(step, { maxRuns: 5, budgetMs, pick: 'median' });
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  }
}

/** Times each available backend on the model; returns them with `stepMs` and the fastest name. */
export async function calibrate(
  infos: TrainBackendInfo[],
  spec: ModelSpec,
  inputs: number,
  task: Task,
  classCount: number,
): Promise<{ chosen: BackendName; infos: TrainBackendInfo[] }> {
  const measured: TrainBackendInfo[] = [];
  for (const info of infos) {
    const next = { ...info };
    if (info.available && (await useBackend(info.name))) {
      try {
        next.stepMs = await timeSteps(spec, inputs, task, classCount, 1500);
      } catch (error) {
        next.available = false;
        next.error = error instanceof Error ? error.message : String(error);
      }
    }
    measured.push(next);
  }
  const best = measured
    .filter((b) => b.available && b.stepMs !== undefined)
    .sort((a, b) => a.stepMs! - b.stepMs!)[0];
  return { chosen: best?.name ?? 'cpu', infos: measured };
}
