import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShapleyPool, type ShapleyPool } from '../../../src/cli/shapley-threads';
import { knnShapley, type ShapleyInput } from '../../../src/core/impact/knn-shapley';

let pool: ShapleyPool;
beforeAll(async () => {
  await tf.setBackend('cpu');
  pool = startShapleyPool(2);
});
afterAll(() => pool.close());

describe('startShapleyPool', () => {
  it('gives the values of one thread with the work split over two', async () => {
    let seed = 5;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const input: ShapleyInput = {
      train: { x: Float32Array.from({ length: 300 }, random), rows: 100, width: 3 },
      trainLabels: Int32Array.from({ length: 100 }, () => Math.floor(random() * 3)),
      val: { x: Float32Array.from({ length: 90 }, random), rows: 30, width: 3 },
      valLabels: Int32Array.from({ length: 30 }, () => Math.floor(random() * 3)),
      classes: 3,
      k: 4,
    };
    const done: number[] = [];
    const threaded = await pool.run(input, (d) => done.push(d));
    const single = await knnShapley(input);
    expect(pool.threads).toBe(2);
    expect(pool.workerParts).toBe(1);
    threaded.values.forEach((v, i) => expect(v).toBeCloseTo(single.values[i], 12));
    expect([...threaded.votes]).toEqual([...single.votes]);
    expect([...threaded.nearest]).toEqual([...single.nearest]);
    expect(done.at(-1)).toBe(30);
  });
});
