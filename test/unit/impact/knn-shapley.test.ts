import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  knnShapley,
  mergeShapley,
  relabelGain,
  validationSlice,
  type ShapleyInput,
} from '../../../src/core/impact/knn-shapley';
import { naiveKnnShapley } from '../../../src/core/impact/naive-shapley';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** KNN utility of a subset: share of the K nearest (of the subset) with the validation label. */
function utility(input: ShapleyInput, subset: number[], k: number): number {
  const { train, val } = input;
  let total = 0;
  for (let j = 0; j < val.rows; j++) {
    const d = (i: number) => {
      let s = 0;
      for (let f = 0; f < train.width; f++)
        s += (train.x[i * train.width + f] - val.x[j * val.width + f]) ** 2;
      return s;
    };
    const near = [...subset].sort((a, b) => d(a) - d(b) || a - b).slice(0, k);
    total += near.filter((i) => input.trainLabels[i] === input.valLabels[j]).length / k;
  }
  return total / val.rows;
}

/** Shapley values by enumerating every permutation (fine for 6 points: 720 orders). */
function bruteForce(input: ShapleyInput, k: number): number[] {
  const n = input.train.rows;
  const phi = new Array<number>(n).fill(0);
  let count = 0;
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      count++;
      for (let p = 0; p < n; p++)
        phi[prefix[p]] +=
          utility(input, prefix.slice(0, p + 1), k) - utility(input, prefix.slice(0, p), k);
      return;
    }
    rest.forEach((r, i) => permute([...prefix, r], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], [...Array(n).keys()]);
  return phi.map((v) => v / count);
}

const tiny: ShapleyInput = {
  train: {
    x: Float32Array.from([0, 0, 1, 0.2, 2.1, 0.1, 3, 1, 0.5, 2.6, 4, 4.4]),
    rows: 6,
    width: 2,
  },
  trainLabels: Int32Array.from([0, 0, 1, 1, 0, 1]),
  val: { x: Float32Array.from([0.2, 0.1, 3.2, 1.3, 1.1, 2.9]), rows: 3, width: 2 },
  valLabels: Int32Array.from([0, 1, 0]),
  classes: 2,
};

describe('knnShapley', () => {
  for (const k of [1, 2, 3]) {
    it(`matches brute-force Shapley on 6 points (K=${k})`, async () => {
      const result = await knnShapley({ ...tiny, k });
      const expected = bruteForce(tiny, k);
      result.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
      const naive = naiveKnnShapley({ ...tiny, k });
      naive.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    });
  }

  it('predicts the value after a relabel exactly', async () => {
    const k = 2;
    const before = await knnShapley({ ...tiny, k });
    const labels = Int32Array.from(tiny.trainLabels);
    labels[3] = 0;
    const after = await knnShapley({ ...tiny, trainLabels: labels, k });
    expect(before.values[3] + relabelGain(before, 2, 3, 1, 0)).toBeCloseTo(after.values[3], 9);
  });

  it('counts validation points that have a row among their K nearest', async () => {
    const result = await knnShapley({ ...tiny, k: 1 });
    // Validation point 0 (class 0) sits on training row 0.
    expect(result.votes[0 * 2 + 0]).toBe(1);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await knnShapley({ ...tiny, k: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the K + 1 nearest rows of each validation point, nearest first', async () => {
    const result = await knnShapley({ ...tiny, k: 2 });
    for (let j = 0; j < tiny.val.rows; j++) {
      const d = (i: number) =>
        (tiny.train.x[2 * i] - tiny.val.x[2 * j]) ** 2 +
        (tiny.train.x[2 * i + 1] - tiny.val.x[2 * j + 1]) ** 2;
      const expected = [...Array(6).keys()].sort((a, b) => d(a) - d(b) || a - b).slice(0, 3);
      expect([...result.nearest.subarray(3 * j, 3 * j + 3)]).toEqual(expected);
      expected.forEach((i, t) => expect(result.nearestDist[3 * j + t]).toBeCloseTo(d(i), 5));
    }
  });

  it('merges results over parts of the validation rows into the whole', async () => {
    const whole = await knnShapley({ ...tiny, k: 2 });
    const parts = await Promise.all(
      [
        [0, 1],
        [1, 3],
      ].map(([a, b]) => knnShapley(validationSlice({ ...tiny, k: 2 }, a, b))),
    );
    const merged = mergeShapley(parts);
    merged.values.forEach((v, i) => expect(v).toBeCloseTo(whole.values[i], 12));
    merged.affinity.forEach((v, i) => expect(v).toBeCloseTo(whole.affinity[i], 12));
    expect([...merged.votes]).toEqual([...whole.votes]);
    expect([...merged.nearest]).toEqual([...whole.nearest]);
    expect(merged.m).toBe(whole.m);
  });
});
