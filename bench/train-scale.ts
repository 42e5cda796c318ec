/**
 * bench:train's large run: a generated rows × 20 task trained in Node by the core trainModel
 * (the CLI's path) on WASM: seconds per epoch and peak memory (process RSS, TF.js bytes).
 */
import * as tf from '@tensorflow/tfjs';
import { trainModel } from '../src/core/train/train';
import { syntheticTask } from './train-synthetic';

/** What the large run measured. */
export interface ScaleFigures {
  rows: number;
  features: number;
  backend: string;
  model: string;
  batchSize: number;
  epochs: number;
  secondsPerEpoch: number[];
  /** Everything before the first epoch: target, split, preprocessing, design matrices. */
  prepareSeconds: number;
  totalSeconds: number;
  peakRssMb: number;
  /** RSS after generating the frame, before training: the data's own share. */
  frameRssMb: number;
  peakTfKb: number;
  validationAccuracy: number;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Trains an MLP (64, 32) for `epochs` epochs on a generated `rows` × 20 task. */
export async function benchScale(
  rows: number,
  epochs: number,
  seed: number,
  log: (line: string) => void,
): Promise<ScaleFigures> {
  await tf.setBackend('wasm');
  await tf.ready();
  log(`scale: generating ${rows} × 20…`);
  const frame = syntheticTask(rows, 20, seed);
  const frameRssMb = mb(process.memoryUsage().rss);
  let peakTf = 0;
  let peakRss = 0;
  const sample = () => {
    peakTf = Math.max(peakTf, tf.memory().numBytes);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 250);
  const started = performance.now();
  let firstEpochAt = 0;
  const batchSize = 1024;
  try {
    const run = await trainModel(frame, {
      target: 'label',
      model: { kind: 'mlp', hidden: [64, 32], epochs, batchSize, patience: 1000, seed },
      bootstrap: { resamples: 0 },
      hooks: {
        onEpoch: (e) => {
          if (e.epoch === 1) firstEpochAt = performance.now() - e.ms;
          sample();
          log(`  scale epoch ${e.epoch}: ${(e.ms / 1000).toFixed(1)} s, loss ${e.loss.toFixed(4)}`);
        },
      },
    });
    sample();
    run.model.dispose();
    return {
      rows,
      features: 20,
      backend: tf.getBackend(),
      model: 'mlp(64,32)',
      batchSize,
      epochs: run.fit.epochs.length,
      secondsPerEpoch: run.fit.epochs.map((e) => +(e.ms / 1000).toFixed(1)),
      prepareSeconds: +((firstEpochAt - started) / 1000).toFixed(1),
      totalSeconds: +((performance.now() - started) / 1000).toFixed(1),
      // resourceUsage's maxRSS also catches peaks between samples (kilobytes).
      peakRssMb: Math.max(mb(peakRss), Math.round(process.resourceUsage().maxRSS / 1024)),
      frameRssMb,
      peakTfKb: Math.round(peakTf / 1024),
      validationAccuracy:
        run.validation.task === 'classification' ? +run.validation.accuracy.value.toFixed(4) : NaN,
    };
  } finally {
    clearInterval(timer);
  }
}
