/**
 * Backends for training in this worker: which can start, and which is fastest for the actual
 * model shape (a few timed Adam steps each). A software WebGPU adapter (SwiftShader) is measured
 * like the others, never trusted by name.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { buildModel, type ModelSpec } from '../src/core/train/model-spec';
import type { Task } from '../src/core/train/target';
import type { TrainBackendInfo } from '../src/protocol/train-methods';
import { webGpuAdapter } from './webgpu-adapter';

// Same-origin binaries emitted by Vite (precached with the app); no CDN fetch.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// Threads would start nested blob: workers from this worker; for the small dense models trained
// here SIMD alone is what matters, and it avoids one more moving part.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** A backend name (no 'auto'). */
export type BackendName = TrainBackendInfo['name'];

/** Fallback order after a failure (device loss): the next one that starts. */
export const ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Switches to `name`; false when it does not start here. */
export async function useBackend(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  }
}

/** Which backends start in this worker (switches through them; the caller picks one after). */
export async function listBackends(): Promise<TrainBackendInfo[]> {
  const infos: TrainBackendInfo[] = [];
  for (const name of ORDER) {
    const info: TrainBackendInfo = { name, available: false, detail: '', software: false };
    try {
      if (name === 'webgpu') {
        const adapter = await webGpuAdapter();
        if (!adapter) throw new Error('no WebGPU adapter (navigator.gpu absent or no adapter)');
        Object.assign(info, adapter);
      }
      if (!(await useBackend(name))) throw new Error('backend did not start');
      info.available = true;
      if (name === 'webgl') info.detail = 'WebGL 2';
      if (name === 'wasm') info.detail = 'WebAssembly';
      if (name === 'cpu') info.detail = 'JavaScript';
    } catch (error) {
      info.error = error instanceof Error ? error.message : String(error);
    }
    infos.push(info);
  }
  return infos;
}

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
    const started = performance.now();
    const cost = optimizer.minimize(
      () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor),
      true,
    );
    await cost?.data();
    cost?.dispose();
    return performance.now() - started;
  };
  try {
    const warm = await step();
    const times: number[] = [];
    let spent = warm;
    // At least one timed step after the warm-up (which includes shader compilation on GPUs).
    while (times.length === 0 || (times.length < 5 && spent < budgetMs)) {
      const t = await step();
      times.push(t);
      spent += t;
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
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

/** Destroys the WebGPU device (test hook for the device-loss path). */
export function loseWebGpuDevice(): boolean {
  const backend = tf.backend() as unknown as { device?: { destroy(): void } };
  if (tf.getBackend() !== 'webgpu' || !backend.device) return false;
  backend.device.destroy();
  return true;
}
