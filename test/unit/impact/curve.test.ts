import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accuracyAfter,
  cleaningCurve,
  knnUtility,
  samplePoints,
} from '../../../src/core/impact/curve';
import { knnShapley } from '../../../src/core/impact/knn-shapley';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Mean over validation points of (1/K) × same-class rows among the K nearest: the KNN utility. */
function bruteUtility(train: number[], trainY: number[], val: number[], valY: number[], k: number) {
  let total = 0;
  val.forEach((v, j) => {
    const nearest = train
      .map((t, i) => [Math.abs(t - v), i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, k);
    total += nearest.filter(([, i]) => trainY[i] === valY[j]).length / k;
  });
  return total / val.length;
}

describe('knnUtility', () => {
  it('equals the KNN utility (the Shapley values sum to it)', async () => {
    const train = [0.1, 0.4, 0.9, 2.2, 3.1, 3.3, 5.0, 5.2, 7.7, 8.1];
    const trainY = [0, 0, 1, 0, 1, 1, 0, 1, 1, 0];
    const val = [0.3, 2.9, 5.1, 8.0, 4.2, 1.0];
    const valY = [0, 1, 1, 0, 1, 0];
    const m = (xs: number[]) => ({ x: Float32Array.from(xs), rows: xs.length, width: 1 });
    const k = 3;
    const shapley = await knnShapley({
      train: m(train),
      trainLabels: Int32Array.from(trainY),
      val: m(val),
      valLabels: Int32Array.from(valY),
      classes: 2,
      k,
    });
    expect(knnUtility(shapley.values)).toBeCloseTo(bruteUtility(train, trainY, val, valY, k), 6);
  });

  it('weights the two held-out parts by their own sizes', () => {
    const values = Float64Array.from([0.2, 0.3, NaN, 0.1, 0.1]);
    // Part a (rows 0, 1) sums to 0.5; part b (rows 3, 4, 2; row 2 never valued) to 0.2.
    const parts = [Int32Array.from([0, 1]), Int32Array.from([3, 4, 2])];
    expect(knnUtility(values, parts)).toBeCloseTo((0.5 * 2 + 0.2 * 3) / 5, 12);
    expect(knnUtility(values)).toBeCloseTo(0.7, 12);
  });
});

describe('cleaningCurve', () => {
  const after = (base: number, gained: number) => 1 - (1 - base) * Math.exp(-gained / (1 - base));

  it('adds gains in queue order against a straight random line, in summed gain', () => {
    const gains = [0.05, 0.03, 0.02, 0];
    const curve = cleaningCurve(0.8, 0, gains);
    expect(curve.start).toBe(0.8);
    expect(curve.ours.map(([n]) => n)).toEqual([0, 1, 2, 3, 4]);
    expect(curve.ours.map(([, a]) => a)).toEqual(
      [0, 0.05, 0.08, 0.1, 0.1].map((g) => expect.closeTo(after(0.8, g), 12)),
    );
    expect(curve.random.map(([, a]) => a)).toEqual(
      [0, 0.025, 0.05, 0.075, 0.1].map((g) => expect.closeTo(after(0.8, g), 12)),
    );
  });

  it('keeps small sums as they are and never passes an accuracy of 1', () => {
    expect(accuracyAfter(0.7, 0.001)).toBeCloseTo(0.701, 5);
    const curve = cleaningCurve(
      0.71,
      0,
      Array.from({ length: 300 }, () => 0.004),
    );
    for (const [, a] of [...curve.ours, ...curve.random]) expect(a).toBeLessThan(1);
    expect(curve.ours.at(-1)![1]).toBeCloseTo(after(0.71, 1.2), 12);
    expect(accuracyAfter(1, 0.5)).toBe(1);
  });

  it('starts from the gains already won, composing with them exactly', () => {
    const curve = cleaningCurve(0.8, 0.03, [0.02]);
    expect(curve.start).toBeCloseTo(after(0.8, 0.03), 12);
    expect(curve.ours.at(-1)![1]).toBeCloseTo(
      cleaningCurve(0.8, 0, [0.03, 0.02]).ours.at(-1)![1],
      12,
    );
  });

  it('keeps at most 200 points, the first and the last among them', () => {
    const gains = Array.from({ length: 50_000 }, (_, i) => 1 / (i + 1) / 1e4);
    const curve = cleaningCurve(0.5, 0, gains);
    expect(curve.ours.length).toBeLessThanOrEqual(200);
    expect(curve.ours[0]).toEqual([0, 0.5]);
    const total = gains.reduce((a, b) => a + b, 0);
    expect(curve.ours.at(-1)![0]).toBe(50_000);
    expect(curve.ours.at(-1)![1]).toBeCloseTo(after(0.5, total), 9);
    expect(curve.random.at(-1)![1]).toBeCloseTo(after(0.5, total), 9);
    // Ours is never below random when the gains are sorted best first.
    curve.ours.forEach(([, a], i) => expect(a).toBeGreaterThanOrEqual(curve.random[i][1] - 1e-12));
  });

  it('handles an empty queue', () => {
    expect(cleaningCurve(0.7, 0, [])).toEqual({ start: 0.7, ours: [[0, 0.7]], random: [[0, 0.7]] });
    expect(samplePoints(3, 200)).toEqual([0, 1, 2, 3]);
  });
});
