/**
 * The TF.js backend switch every TF.js worker uses: same-origin WASM binaries, which backends
 * start here, switching to one, and the device-loss test hook.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { TrainBackendInfo } from '../../src/protocol/train-methods';
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

/** Destroys the WebGPU device (test hook for the device-loss path). */
export function loseWebGpuDevice(): boolean {
  const backend = tf.backend() as unknown as { device?: { destroy(): void } };
  if (tf.getBackend() !== 'webgpu' || !backend.device) return false;
  backend.device.destroy();
  return true;
}
