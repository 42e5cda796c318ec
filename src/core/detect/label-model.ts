/**
 * Out-of-sample class probabilities from a quick TF.js model: K-fold, a small MLP (one hidden
 * layer of 32 ReLU units) with seeded initial weights and a seeded shuffle, trained with Adam for
 * a few epochs. Every tensor is disposed, so tf.memory().numTensors stays flat across runs.
 */
import * as tf from '@tensorflow/tfjs';
import { CleanroomError } from '../errors';
import { seededRandom } from '../stats/rng';

/** Training knobs; the defaults aim at seconds on 10k rows, not at the best accuracy. */
export interface LabelModelOptions {
  folds: number;
  epochs: number;
  hidden: number;
  batch: number;
  seed: number;
}

/**
 * Defaults: about 16k row-passes per fold, 4 to 40 epochs. Few epochs on purpose: a network that
 * trains longer starts to fit the flipped labels it should contradict (measured on the bench:
 * letters 0.73 → 0.75 and credit 0.39 → 0.44 precision at k when going from 10/40 to 4/6 epochs).
 */
export function defaultLabelModelOptions(rows: number, seed: number): LabelModelOptions {
  return {
    folds: 5,
    epochs: Math.max(4, Math.min(40, Math.round(16_000 / Math.max(1, rows)))),
    hidden: 32,
    batch: 128,
    seed,
  };
}

function shuffled(n: number, rand: () => number): Int32Array {
  const a = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function gather(x: Float32Array, width: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * width);
  for (let i = 0; i < rows.length; i++)
    out.set(x.subarray(rows[i] * width, rows[i] * width + width), i * width);
  return out;
}

async function fitFold(
  x: Float32Array,
  width: number,
  labels: Int32Array,
  train: Int32Array,
  k: number,
  o: LabelModelOptions,
  rand: () => number,
  signal?: { readonly aborted: boolean },
): Promise<tf.Sequential> {
  const model = tf.sequential();
  const seed = Math.floor(rand() * 1e9);
  // hidden 0 = softmax regression.
  if (o.hidden > 0)
    model.add(
      tf.layers.dense({
        inputShape: [width],
        units: o.hidden,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
    );
  model.add(
    tf.layers.dense({
      ...(o.hidden > 0 ? {} : { inputShape: [width] }),
      units: k,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    }),
  );
  const optimizer = tf.train.adam(0.01);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (signal?.aborted) {
      optimizer.dispose();
      model.dispose();
      throw new CleanroomError('aborted', 'Label issue detection was cancelled.');
    }
    const order = shuffled(train.length, rand);
    for (let at = 0; at < order.length; at += o.batch) {
      const rows = Array.from(order.subarray(at, at + o.batch), (i) => train[i]);
      const xb = tf.tensor2d(gather(x, width, rows), [rows.length, width]);
      const yb = tf.tidy(() =>
        tf.oneHot(
          tf.tensor1d(
            rows.map((r) => labels[r]),
            'int32',
          ),
          k,
        ),
      );
      optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(yb, model.predict(xb) as tf.Tensor) as tf.Scalar,
      );
      xb.dispose();
      yb.dispose();
    }
    await tf.nextFrame?.();
  }
  optimizer.dispose();
  return model;
}

/** Out-of-fold probabilities (rows × k, row-major) for labelled rows; unlabelled rows stay 0. */
export async function outOfSampleProbabilities(
  x: Float32Array,
  width: number,
  labels: Int32Array,
  k: number,
  o: LabelModelOptions,
  signal?: { readonly aborted: boolean },
): Promise<Float32Array> {
  const rand = seededRandom(o.seed);
  const labelled = Int32Array.from(shuffled(labels.length, rand).filter((r) => labels[r] >= 0));
  const probs = new Float32Array(labels.length * k);
  const folds = Math.max(2, Math.min(o.folds, labelled.length));
  for (let f = 0; f < folds; f++) {
    const test = labelled.filter((_, i) => i % folds === f);
    const train = labelled.filter((_, i) => i % folds !== f);
    if (test.length === 0 || train.length === 0) continue;
    const model = await fitFold(x, width, labels, train, k, o, rand, signal);
    const xt = tf.tensor2d(gather(x, width, test), [test.length, width]);
    const pt = model.predict(xt) as tf.Tensor;
    const p = (await pt.data()) as Float32Array;
    for (let i = 0; i < test.length; i++) probs.set(p.subarray(i * k, i * k + k), test[i] * k);
    tf.dispose([xt, pt]);
    model.dispose();
  }
  return probs;
}
