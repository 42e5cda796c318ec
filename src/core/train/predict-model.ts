/** Model outputs as task-level predictions: class probabilities, or values in the target's units. */
import * as tf from '@tensorflow/tfjs';
import type { Preprocessing } from './preprocessing';

/** Raw model outputs in batches; row-major `rows × units` (no tensors left behind). */
export async function modelOutputs(
  model: tf.LayersModel,
  x: Float32Array,
  rows: number,
  width: number,
  batch = 8192,
): Promise<{ values: Float32Array; units: number }> {
  const units = (model.outputs[0].shape[1] as number) ?? 1;
  const values = new Float32Array(rows * units);
  for (let at = 0; at < rows; at += batch) {
    const end = Math.min(rows, at + batch);
    const out = tf.tidy(
      () =>
        // The whole slice in one pass: predict's default of 32-row batches made 1M rows take 32 s
        // (measured on wasm; the slice is already a bounded batch).
        model.predict(tf.tensor2d(x.subarray(at * width, end * width), [end - at, width]), {
          batchSize: end - at,
        }) as tf.Tensor,
    );
    values.set(await out.data(), at * units);
    out.dispose();
  }
  return { values, units };
}

/** Classification: probabilities row-major `rows × classes` (binary sigmoid expanded to 2 columns). */
export function toProbabilities(
  outputs: Float32Array,
  units: number,
  classCount: number,
): Float32Array {
  if (units === classCount) return outputs;
  const probs = new Float32Array(outputs.length * 2);
  for (let i = 0; i < outputs.length; i++) {
    probs[2 * i] = 1 - outputs[i];
    probs[2 * i + 1] = outputs[i];
  }
  return probs;
}

/** Predictions for transformed inputs: probabilities (classification) or values (regression). */
export async function predictInputs(
  model: tf.LayersModel,
  spec: Preprocessing,
  x: Float32Array,
  rows: number,
): Promise<{ probabilities: Float32Array | null; values: Float64Array | null }> {
  const { values, units } = await modelOutputs(model, x, rows, spec.inputNames.length);
  if (spec.task === 'classification')
    return { probabilities: toProbabilities(values, units, spec.classes.length), values: null };
  const { mean, std } = spec.targetScaling ?? { mean: 0, std: 1 };
  return { probabilities: null, values: Float64Array.from(values, (v) => v * std + mean) };
}
