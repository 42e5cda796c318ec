import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendReport } from '../src/protocol/compute-methods';
import { webGpuAdapter } from './webgpu-adapter';

/** Times one backend on a small matMul: median of 5 runs after a warm-up. */
async function timeMatMul(): Promise<number> {
  const a = tf.randomNormal([256, 256]);
  const b = tf.randomNormal([256, 256]);
  const run = async () => {
    const started = performance.now();
    const product = tf.matMul(a, b);
    await product.data();
    product.dispose();
    return performance.now() - started;
  };
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await run());
  a.dispose();
  b.dispose();
  return times.sort((x, y) => x - y)[2];
}

/** Measures each backend this worker can start; the fastest available one is chosen. */
export async function probeBackends(): Promise<{ chosen: string; backends: BackendReport[] }> {
  const reports: BackendReport[] = [];
  for (const name of ['webgpu', 'webgl', 'cpu'] as const) {
    const report: BackendReport = {
      name,
      available: false,
      matMulMs: null,
      detail: '',
      software: false,
    };
    try {
      if (name === 'webgpu') {
        const adapter = await webGpuAdapter();
        if (!adapter) throw new Error('no WebGPU adapter');
        Object.assign(report, adapter);
      }
      if (!(await tf.setBackend(name))) throw new Error('backend did not start');
      await tf.ready();
      report.matMulMs = await timeMatMul();
      report.available = true;
      if (name === 'cpu') report.detail = 'JavaScript';
      if (name === 'webgl') report.detail = 'WebGL 2';
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
    }
    reports.push(report);
  }
  const usable = reports.filter((r) => r.available);
  const best = usable.sort((a, b) => (a.matMulMs ?? Infinity) - (b.matMulMs ?? Infinity))[0];
  if (best) await tf.setBackend(best.name);
  return { chosen: best?.name ?? 'none', backends: reports };
}
