/**
 * The TF.js backend for the ranking's distance products. wasm is the default: it starts at once,
 * and for most rankings the products are a small part of the time (the per-point sorts run on
 * the CPU whatever the backend). Only for a large ranking, where the products could matter, are
 * the GPU backends measured once per worker on one block shaped like the real work (a matMul and
 * its read-back) against wasm, and the fastest wins: a software WebGPU adapter or a slow GPU
 * read-back loses on its own numbers, never by name. A backend that stalls is dropped early.
 */
import * as tf from '@tensorflow/tfjs';
import { useBackend, type BackendName } from '../shared/tf-backend';
import { timeRepeated } from '../shared/timing';

export interface ChosenBackend {
  name: string;
  /** What was chosen and why, for the summary's notes. */
  note: string;
}

/** Multiply-adds of the distance products below which wasm is used without measuring. */
export const MEASURE_FROM = 1e9;
/** A warm-up slower than this (shader compilation included) rules a backend out. */
const WARM_UP_LIMIT_MS = 1500;

/** Best of two timed products after a warm-up; Infinity when the warm-up is too slow. */
async function timeBlock(): Promise<number> {
  const a = tf.randomNormal([256, 64]);
  const b = tf.randomNormal([64, 4096]);
  const product = async () => {
    const d = tf.matMul(a, b);
    await d.data();
    d.dispose();
  };
  try {
    return await timeRepeated(product, {
      maxRuns: 2,
      warmUpLimitMs: WARM_UP_LIMIT_MS,
      pick: 'min',
    });
  } finally {
    a.dispose();
    b.dispose();
  }
}

async function useWasm(): Promise<string> {
  if (await useBackend('wasm')) return 'wasm';
  if (await useBackend('cpu')) return 'cpu';
  throw new Error('Neither the TF.js wasm nor the cpu backend started.');
}

let measured: Promise<ChosenBackend> | null = null;

async function measure(): Promise<ChosenBackend> {
  const base = await useWasm();
  const timings: Array<[BackendName, number]> = [[base as BackendName, await timeBlock()]];
  const gpuNames: BackendName[] = [];
  if ((navigator as unknown as { gpu?: unknown }).gpu) gpuNames.push('webgpu');
  gpuNames.push('webgl');
  for (const name of gpuNames) {
    try {
      if (await useBackend(name)) timings.push([name, await timeBlock()]);
    } catch {
      // A backend that starts but cannot run the product is left out.
    }
  }
  timings.sort((x, y) => x[1] - y[1]);
  const [best] = timings[0];
  if (!(await useBackend(best))) await useWasm();
  const list = timings
    .map(([n, ms]) => `${n} ${Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'too slow'}`)
    .join(', ');
  return {
    name: tf.getBackend(),
    note: `Distances ran on the TF.js ${tf.getBackend()} backend, the fastest measured in this browser for one 256 × 4096 distance block with its read-back (${list}).`,
  };
}

/**
 * Switches to the backend for a ranking of `work` multiply-adds: wasm for small ones, the
 * measured fastest (once per worker) for large ones.
 */
export async function chooseBackend(work: number): Promise<ChosenBackend> {
  if (work < MEASURE_FROM) {
    const name = await useWasm();
    return {
      name,
      note: `Distances ran on the TF.js ${name} backend (a ranking this size is not worth measuring the GPU backends for).`,
    };
  }
  measured ??= measure();
  measured.catch(() => (measured = null));
  const chosen = await measured;
  if (!(await useBackend(chosen.name as BackendName))) await useWasm();
  return { ...chosen, name: tf.getBackend() };
}
