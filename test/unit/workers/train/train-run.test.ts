/** The train worker's run (prepare + fit with per-epoch metrics) on the CPU backend, in Node. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitWithFallback, prepareRun } from '../../../../workers/train/train-run';
import type { EpochProgress, TrainParams } from '../../../../src/protocol/train-methods';
import { binaryTask, makeFrame } from '../../train/fixtures';

const frame = () => binaryTask(400, 5);

const params = (epochs: number): TrainParams => ({
  id: 'd',
  target: 'label',
  seed: 3,
  model: { kind: 'mlp', hidden: [4], epochs, batchSize: 16, learningRate: 0.05, patience: 50 },
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('train worker run', () => {
  it('reports every epoch with loss, metrics and time left, and leaks no tensors', async () => {
    const run = prepareRun(frame(), params(6));
    expect(run.train.rows + run.validation.rows).toBeLessThan(400);
    const before = tf.memory().numTensors;
    const seen: EpochProgress[] = [];
    const out = await fitWithFallback(run, 'cpu', {
      signal: new AbortController().signal,
      onEpoch: (p) => seen.push(p),
      onFallback: () => {},
      fallbacks: [],
    });
    expect(seen.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.at(-1)!.valMetric).toBeGreaterThan(0.8);
    expect(seen.at(-1)!.etaMs).toBe(0);
    expect(out.curves).toHaveLength(6);
    expect(out.backend).toBe('cpu');
    out.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when the signal aborts, without leaking', async () => {
    const run = prepareRun(frame(), params(50));
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    await expect(
      fitWithFallback(run, 'cpu', {
        signal: controller.signal,
        onEpoch: (p) => p.epoch >= 2 && controller.abort(),
        onFallback: () => {},
        fallbacks: [],
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a one-class target fails with a clear message', () => {
    const f = makeFrame({ x: [1, 2, 3, 4], y: ['a', 'a', 'a', 'a'] });
    expect(() => prepareRun(f, { ...params(1), target: 'y' })).toThrow(/single class/);
  });
});
