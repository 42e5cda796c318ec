import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { balancedRelabelGain, classReference, knnUtility } from '../../../src/core/impact/curve';
import { knnShapley, relabelGain, type ShapleyResult } from '../../../src/core/impact/knn-shapley';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const m = (xs: number[]) => ({ x: Float32Array.from(xs), rows: xs.length, width: 1 });
const train = [0.1, 0.4, 0.9, 2.2, 3.1, 3.3, 5.0, 5.2, 7.7, 8.1, 6.0, 6.4];
const trainY = [0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0];
// Imbalanced reference: 6 points of class 0, 2 of class 1.
const val = [0.3, 2.9, 5.1, 8.0, 4.2, 1.0, 6.1, 6.3];
const valY = [0, 1, 1, 0, 0, 0, 0, 0];
const k = 3;

const shapleyOn = (points: number[], labels: number[]): Promise<ShapleyResult> =>
  knnShapley({
    train: m(train),
    trainLabels: Int32Array.from(trainY),
    val: m(points),
    valLabels: Int32Array.from(labels),
    classes: 2,
    k,
  });

/** The reference points of class c alone. */
const ofClass = (c: number) => {
  const keep = valY.map((y, j) => (y === c ? j : -1)).filter((j) => j >= 0);
  return [keep.map((j) => val[j]), keep.map(() => c)] as const;
};

describe('balanced accuracy of the cleaning curve', () => {
  it('starts at the mean of the per-class KNN utilities', async () => {
    const all = await shapleyOn(val, valY);
    const ref = classReference(
      [{ valLabels: Int32Array.from(valY), nearest: all.nearest, k: all.k }],
      trainY,
      2,
    );
    expect(Array.from(ref.counts)).toEqual([6, 2]);
    // Each class's utility is the sum of the Shapley values against its points alone.
    const perClass = await Promise.all([0, 1].map((c) => shapleyOn(...ofClass(c))));
    const expected = (knnUtility(perClass[0].values) + knnUtility(perClass[1].values)) / 2;
    expect(ref.start).toBeCloseTo(expected, 9);
    // Not the plain accuracy: the reference is imbalanced.
    expect(Math.abs(ref.start - knnUtility(all.values))).toBeGreaterThan(0.01);
  });

  it('gives a relabel the mean of its per-class Shapley gains', async () => {
    const all = await shapleyOn(val, valY);
    const ref = classReference(
      [{ valLabels: Int32Array.from(valY), nearest: all.nearest, k: all.k }],
      trainY,
      2,
    );
    const perClass = await Promise.all([0, 1].map((c) => shapleyOn(...ofClass(c))));
    for (const row of [2, 4, 9]) {
      const from = trainY[row];
      const to = 1 - from;
      const expected =
        (relabelGain(perClass[0], 2, row, from, to) + relabelGain(perClass[1], 2, row, from, to)) /
        2;
      expect(balancedRelabelGain(all.affinity, row, from, to, ref)).toBeCloseTo(expected, 9);
    }
    // With equal class counts it is the accuracy gain itself.
    const even = { counts: Float64Array.from([4, 4]), start: 0 };
    expect(balancedRelabelGain(all.affinity, 2, 1, 0, even)).toBeCloseTo(
      relabelGain(all, 2, 2, 1, 0),
      12,
    );
  });
});
