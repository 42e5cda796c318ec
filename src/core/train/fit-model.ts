/**
 * The training loop: seeded shuffles, class weights as sample weights, L2 in the loss, early
 * stopping on validation loss with the best weights restored, and a clear stop on a NaN loss.
 * A custom loop rather than `model.fit` because fit shuffles with Math.random (unseeded).
 */
import * as tf from '@tensorflow/tfjs';
import { CleanroomError } from '../errors';
import type { ModelSpec } from './model-spec';
import { seededRandom, shuffleInPlace } from '../stats/rng';
import type { Task } from './target';

/** Row-major inputs with one target per row (class index, or the scaled regression value). */
export interface FitData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  width: number;
}

/** One epoch's figures. */
export interface EpochLog {
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted, with the L2 term). */
  loss: number;
  /** Mean validation loss (unweighted, no L2). */
  valLoss: number;
  ms: number;
}

/** What happened during fitting. */
export interface FitReport {
  epochs: EpochLog[];
  /** 1-based epoch whose weights the model now holds. */
  bestEpoch: number;
  stoppedEarly: boolean;
}

/** Callbacks and cancellation for a fit. */
export interface FitHooks {
  onEpoch?: (log: EpochLog) => void;
  signal?: { aborted: boolean };
  /** Per-class weights (classification); omitted = all 1. */
  classWeights?: number[];
}

const EPS = 1e-7;
/** Training matrices up to this many values (16 MB) are kept whole on the device. */
const RESIDENT_MAX_VALUES = 4 * 2 ** 20;

/** Timers exist in workers and Node alike, but the core's lib (no DOM, no Node) does not declare them. */
const host = globalThis as unknown as {
  performance?: { now(): number };
  setTimeout(callback: () => void, ms: number): unknown;
};
const now = () => host.performance?.now() ?? Date.now();
/**
 * Within an epoch the loop yields to the event loop this often (ms), so a worker can receive a
 * cancel message mid-epoch; a long epoch (software WebGPU: ~30 s) would otherwise only stop
 * when the client kills the worker, losing the model.
 */
const YIELD_MS = 200;

/** Per-row loss of `pred` against `y` for the task (binary: y 0/1, multiclass: class index). */
function rowLosses(pred: tf.Tensor, y: tf.Tensor1D, task: Task, classCount: number): tf.Tensor1D {
  if (task === 'regression') return pred.reshape([-1]).sub(y).square() as tf.Tensor1D;
  const p = pred.clipByValue(EPS, 1 - EPS);
  if (classCount <= 2) {
    const p1 = p.reshape([-1]);
    return y
      .mul(p1.log())
      .add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p1).log()))
      .neg() as tf.Tensor1D;
  }
  const oneHot = tf.oneHot(y.toInt(), classCount);
  return oneHot.mul(p.log()).sum(1).neg() as tf.Tensor1D;
}

/** Mean loss of `model` on `data`, in batches (no gradient, no dropout). */
async function meanLoss(
  model: tf.LayersModel,
  data: FitData,
  task: Task,
  classCount: number,
): Promise<number> {
  const batch = 8192;
  let total = 0;
  for (let at = 0; at < data.rows; at += batch) {
    const end = Math.min(data.rows, at + batch);
    const sum = tf.tidy(() => {
      const x = tf.tensor2d(data.x.subarray(at * data.width, end * data.width), [
        end - at,
        data.width,
      ]);
      const y = tf.tensor1d(data.y.subarray(at, end));
      return rowLosses(model.predict(x) as tf.Tensor, y, task, classCount).sum();
    });
    total += (await sum.data())[0];
    sum.dispose();
  }
  return data.rows > 0 ? total / data.rows : NaN;
}

/** Trains `model` in place on `train`, early-stopping on `val`. */
export async function fitModel(
  model: tf.LayersModel,
  spec: ModelSpec,
  task: Task,
  classCount: number,
  train: FitData,
  val: FitData,
  hooks: FitHooks = {},
): Promise<FitReport> {
  const random = seededRandom(spec.seed ^ 0x5eed);
  const order = Int32Array.from({ length: train.rows }, (_, i) => i);
  const weights = Float32Array.from(train.y, (c) =>
    hooks.classWeights ? hooks.classWeights[c] : 1,
  );
  // A small training matrix is uploaded once and batches gathered on the device (per-batch
  // uploads are slow on software WebGPU); above RESIDENT_MAX_VALUES each batch is copied out of
  // the typed arrays instead, so a large matrix never sits whole on the device.
  const resident =
    train.rows * train.width <= RESIDENT_MAX_VALUES
      ? {
          xs: tf.tensor2d(train.x, [train.rows, train.width]),
          ys: tf.tensor1d(train.y),
          ws: tf.tensor1d(weights),
        }
      : null;
  const batchX = new Float32Array(spec.batchSize * train.width);
  const batchY = new Float32Array(spec.batchSize);
  const batchW = new Float32Array(spec.batchSize);
  const copyBatch = (at: number, end: number): tf.Tensor[] => {
    const size = end - at;
    for (let i = 0; i < size; i++) {
      const row = order[at + i];
      batchX.set(train.x.subarray(row * train.width, (row + 1) * train.width), i * train.width);
      batchY[i] = train.y[row];
      batchW[i] = weights[row];
    }
    // Copies (slice), not views: some backends keep the array they are given until upload.
    return [
      tf.tensor2d(batchX.slice(0, size * train.width), [size, train.width]),
      tf.tensor1d(batchY.slice(0, size)),
      tf.tensor1d(batchW.slice(0, size)),
    ];
  };
  const optimizer = tf.train.adam(spec.learningRate);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = model.trainableWeights
    .filter((w) => w.name.includes('kernel'))
    .map((w) => w.read());
  const epochs: EpochLog[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  const release = () => {
    if (resident) tf.dispose([resident.xs, resident.ys, resident.ws]);
    optimizer.dispose();
    if (bestWeights) tf.dispose(bestWeights);
  };
  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      if (hooks.signal?.aborted) throw new CleanroomError('aborted', 'Training was cancelled.');
      const started = now();
      shuffleInPlace(order, random);
      const costs: tf.Scalar[] = [];
      let yielded = now();
      for (let at = 0; at < train.rows; at += spec.batchSize) {
        if (now() - yielded > YIELD_MS) {
          await new Promise<void>((resolve) => host.setTimeout(resolve, 0));
          yielded = now();
          if (hooks.signal?.aborted) {
            tf.dispose(costs);
            throw new CleanroomError('aborted', 'Training was cancelled.');
          }
        }
        const end = Math.min(train.rows, at + spec.batchSize);
        const [x, y, w] = resident
          ? tf.tidy(() => {
              const idx = tf.tensor1d(order.subarray(at, end), 'int32');
              return [resident.xs, resident.ys, resident.ws].map((t) => t.gather(idx));
            })
          : copyBatch(at, end);
        const cost = optimizer.minimize(
          () => {
            const pred = model.apply(x, { training: true }) as tf.Tensor;
            const data = rowLosses(pred, y as tf.Tensor1D, task, classCount)
              .mul(w)
              .sum()
              .div(w.sum());
            const l2 =
              spec.l2 > 0
                ? tf.addN(kernels.map((k) => k.square().sum())).mul(spec.l2)
                : tf.scalar(0);
            return data.add(l2) as tf.Scalar;
          },
          true,
          vars,
        );
        tf.dispose([x, y, w]);
        if (cost) costs.push(cost);
      }
      const mean = tf.tidy(() => tf.stack(costs).mean());
      const loss = (await mean.data())[0];
      tf.dispose([mean, ...costs]);
      if (!Number.isFinite(loss))
        throw new CleanroomError(
          'invalid-operation',
          `Training stopped: the loss became ${loss} at epoch ${epoch}. Lower the learning rate (now ${spec.learningRate}; try ${spec.learningRate / 10}) or check the features for extreme values.`,
        );
      const valLoss = val.rows > 0 ? await meanLoss(model, val, task, classCount) : loss;
      const log: EpochLog = { epoch, loss, valLoss, ms: now() - started };
      epochs.push(log);
      hooks.onEpoch?.(log);
      if (valLoss < best - spec.minDelta) {
        best = valLoss;
        bestEpoch = epoch;
        if (bestWeights) tf.dispose(bestWeights);
        bestWeights = model.getWeights().map((w) => w.clone());
      } else if (epoch - bestEpoch >= spec.patience) break;
      // Let the worker's message loop (progress, cancel) run between epochs.
      await new Promise<void>((resolve) => host.setTimeout(resolve, 0));
    }
    if (bestWeights && bestEpoch < epochs.length) model.setWeights(bestWeights);
    return { epochs, bestEpoch, stoppedEarly: epochs.length < spec.epochs };
  } finally {
    release();
  }
}
