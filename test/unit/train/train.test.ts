import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { balancedWeights, revealTest, trainModel } from '../../../src/core/train/train';
import { binaryTask, makeFrame } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainModel', () => {
  it('fits logistic regression and reports validation metrics, leaking no tensors', async () => {
    const frame = binaryTask(400);
    const before = tf.memory().numTensors;
    const run = await trainModel(frame, {
      target: 'label',
      model: { kind: 'logistic', epochs: 15, batchSize: 32, learningRate: 0.05 },
    });
    expect(run.validation.task).toBe('classification');
    if (run.validation.task !== 'classification') return;
    expect(run.validation.accuracy.value).toBeGreaterThan(0.8);
    expect(run.validation.accuracy.low).toBeLessThan(run.validation.accuracy.value);
    expect(run.fit.epochs.length).toBeGreaterThan(0);
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('repeats exactly with the same seed (MLP with dropout and class weights)', async () => {
    const frame = binaryTask(200);
    const options = {
      target: 'label',
      model: {
        kind: 'mlp' as const,
        hidden: [8],
        epochs: 3,
        batchSize: 32,
        dropout: 0.2,
        classWeights: 'balanced' as const,
        seed: 9,
      },
    };
    const a = await trainModel(frame, options);
    const b = await trainModel(frame, options);
    expect(a.fit.epochs.map((e) => e.loss)).toEqual(b.fit.epochs.map((e) => e.loss));
    a.model.dispose();
    b.model.dispose();
  });

  it('stops early on a flat validation loss and keeps the best epoch', async () => {
    const frame = binaryTask(200);
    const run = await trainModel(frame, {
      target: 'label',
      model: {
        kind: 'logistic',
        epochs: 200,
        batchSize: 64,
        learningRate: 0.1,
        patience: 2,
        minDelta: 0.01,
      },
    });
    expect(run.fit.stoppedEarly).toBe(true);
    expect(run.fit.bestEpoch).toBeLessThan(run.fit.epochs.length);
    run.model.dispose();
  });

  it('trains a regression and evaluates the test split on request', async () => {
    const xs = Array.from({ length: 200 }, (_, i) => (i % 40) / 10);
    const frame = makeFrame({
      x: xs,
      noise: xs.map((_, i) => Math.cos(i * 7)),
      y: xs.map((x, i) => 3 * x + 10 + Math.sin(i)),
    });
    const run = await trainModel(frame, {
      target: 'y',
      model: { kind: 'logistic', epochs: 60, batchSize: 16, learningRate: 0.05 },
      preprocessing: { leakThreshold: null },
    });
    const test = await revealTest(frame, run);
    expect(test.task).toBe('regression');
    if (test.task === 'regression') expect(test.r2.value).toBeGreaterThan(0.8);
    run.model.dispose();
  });

  it('stops with a clear message when the loss becomes NaN', async () => {
    const frame = binaryTask(100);
    const before = tf.memory().numTensors;
    await expect(
      trainModel(frame, {
        target: 'label',
        model: { kind: 'mlp', hidden: [4], epochs: 3, learningRate: Number.NaN },
      }),
    ).rejects.toThrow(/loss became NaN.*Lower the learning rate/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a softmax classifier for three classes', async () => {
    const n = 300;
    const x = Array.from({ length: n }, (_, i) => ((i * 37) % 300) / 100);
    const frame = makeFrame({ x, y: x.map((v) => (v < 1 ? 'low' : v < 2 ? 'mid' : 'high')) });
    const run = await trainModel(frame, {
      target: 'y',
      model: { kind: 'mlp', hidden: [16], epochs: 40, batchSize: 32, learningRate: 0.05 },
      preprocessing: { leakThreshold: null },
      bootstrap: { resamples: 20 },
    });
    expect(run.model.outputs[0].shape).toEqual([null, 3]);
    if (run.validation.task !== 'classification') throw new Error('expected classification');
    expect(run.validation.classes).toEqual(['high', 'low', 'mid']);
    expect(run.validation.accuracy.value).toBeGreaterThan(0.7);
    run.model.dispose();
  });
});

describe('bad input', () => {
  it('trains without a feature column that is entirely missing, saying why it was left out', async () => {
    const base = binaryTask(120);
    const empty = makeFrame({ gone: Array.from({ length: 120 }, () => null) }, { gone: 'text' })
      .columns[0];
    const frame = {
      ...base,
      columns: [...base.columns, { ...empty, meta: { ...empty.meta, index: 5 } }],
    };
    const run = await trainModel(frame, {
      target: 'label',
      model: { kind: 'logistic', epochs: 2 },
    });
    expect(run.preprocessing.excluded).toContainEqual({
      column: 'gone',
      reason: 'entirely missing in the training split',
    });
    run.model.dispose();
  });
});

describe('cancellation', () => {
  it('stops on an aborted signal with no tensors left behind', async () => {
    const frame = binaryTask(100);
    const before = tf.memory().numTensors;
    const signal = { aborted: false };
    const run = trainModel(frame, {
      target: 'label',
      model: { kind: 'logistic', epochs: 50, patience: 100 },
      hooks: { signal, onEpoch: (e) => void (e.epoch === 2 && (signal.aborted = true)) },
    });
    await expect(run).rejects.toThrow('Training was cancelled.');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops in the middle of a long epoch, not only between epochs', async () => {
    // One epoch of 40k rows through an MLP with batch 8 takes seconds on the CPU backend, so
    // training yields inside it. The signal reads as set from its second check on: the first is
    // the one before the epoch starts, the second can only be a check inside the epoch. No timer.
    const frame = binaryTask(40_000);
    const before = tf.memory().numTensors;
    let checks = 0;
    const signal = {
      get aborted() {
        return ++checks > 1;
      },
    };
    const epochs: number[] = [];
    const run = trainModel(frame, {
      target: 'label',
      model: { kind: 'mlp', hidden: [64, 32], epochs: 1, batchSize: 8 },
      hooks: { signal, onEpoch: (e) => void epochs.push(e.epoch) },
    });
    await expect(run).rejects.toThrow('Training was cancelled.');
    expect(checks).toBe(2);
    expect(epochs).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('class weights', () => {
  it('weights each class by n / (classes × count)', () => {
    expect(balancedWeights([0, 0, 0, 1], 2)).toEqual([4 / 6, 2]);
    expect(balancedWeights([0, 0], 3)).toEqual([1 / 3, 0, 0]);
    // 1 row in 100: 50 uncapped, held at 20 × the common class's weight.
    const rare = balancedWeights([...Array<number>(99).fill(0), 1], 2);
    expect(rare[1]).toBeCloseTo(20 * rare[0], 10);
  });
});
