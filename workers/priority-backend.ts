/**
 * The TF.js backend for the ranking's distance products, chosen by measurement: each backend that
 * starts in this worker times one block shaped like the real work (a matMul and its read-back,
 * since the per-point sorts run on the CPU), and the fastest wins. A software WebGPU adapter or
 * a slow GPU read-back loses to wasm on its own numbers, never by name.
 */
import * as tf from '@tensorflow/tfjs';
import { listBackends, useBackend, type BackendName } from './train-backends';

export interface ChosenBackend {
  name: string;
  /** What was measured, for the summary's notes. */
  note: string;
}

/** Best of a few timed products (after one warm-up, which compiles shaders or kernels). */
async function timeBlock(): Promise<number> {
  const a = tf.randomNormal([256, 64]);
  const b = tf.randomNormal([64, 8192]);
  let best = Infinity;
  try {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const d = tf.matMul(a, b);
      await d.data();
      d.dispose();
      if (i > 0) best = Math.min(best, performance.now() - started);
    }
  } finally {
    a.dispose();
    b.dispose();
  }
  return best;
}

let chosen: Promise<ChosenBackend> | null = null;

/** Measures the backends once per worker and switches to the fastest. */
export function chooseBackend(): Promise<ChosenBackend> {
  chosen ??= (async () => {
    const timings: Array<[BackendName, number]> = [];
    for (const info of await listBackends()) {
      if (!info.available || !(await useBackend(info.name))) continue;
      try {
        timings.push([info.name, await timeBlock()]);
      } catch {
        // A backend that starts but cannot run the product is skipped.
      }
    }
    timings.sort((a, b) => a[1] - b[1]);
    const best = timings[0]?.[0] ?? 'cpu';
    if (!(await useBackend(best))) throw new Error(`The TF.js ${best} backend did not start.`);
    const measured = timings.map(([n, ms]) => `${n} ${ms.toFixed(1)} ms`).join(', ');
    return {
      name: tf.getBackend(),
      note: `Distances ran on the TF.js ${best} backend, the fastest measured in this browser for one 256 × 8192 distance block with its read-back (${measured}).`,
    };
  })();
  chosen.catch(() => (chosen = null));
  return chosen;
}
