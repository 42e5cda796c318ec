import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** Picks the WASM backend in Node (measured faster than cpu here), falling back to cpu. */
export async function useFastBackend(): Promise<string> {
  const ok = await tf.setBackend('wasm').catch(() => false);
  if (!ok) await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
