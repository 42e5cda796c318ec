import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/detect/types';
import { measureCellRepairs, repairOf } from '../../../src/core/impact/cell-counterfactual';
import { cellEvidence } from '../../../src/core/impact/cell-signal';
import {
  encodeRepairs,
  rescoreMoves,
  type Reference,
} from '../../../src/core/impact/counterfactual';
import { buildImpactData } from '../../../src/core/impact/features';
import { knnShapley } from '../../../src/core/impact/knn-shapley';
import { valueSplits } from '../../../src/core/impact/value-splits';
import { transformFrame } from '../../../src/core/train/transform';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Training rows on a line: class 0 on the left, class 1 on the right; validation points between.
const trainX = [0, 1, 2, 3, 10, 11, 12, 13];
const trainY = [0, 0, 0, 0, 1, 1, 1, 1];
const valX = [0.5, 2.5, 10.5, 12.5];
const valY = [0, 0, 1, 1];

async function referenceOf(k: number): Promise<Reference> {
  const input = {
    train: { x: Float32Array.from(trainX), rows: trainX.length, width: 1 },
    trainLabels: Int32Array.from(trainY),
    val: { x: Float32Array.from(valX), rows: valX.length, width: 1 },
    valLabels: Int32Array.from(valY),
    classes: 2,
    k,
  };
  const s = await knnShapley(input);
  const rows = Int32Array.from(trainX.keys());
  return { ...input, rows, nearest: s.nearest, nearestDist: s.nearestDist, k };
}

/** KNN utility and majority predictions with training row `row` moved to `x`, by brute force. */
function bruteKnn(k: number, row: number, x: number) {
  const xs = trainX.map((v, i) => (i === row ? x : v));
  let utility = 0;
  const predictions = valX.map((v, j) => {
    const near = [...xs.keys()]
      .sort((a, b) => (xs[a] - v) ** 2 - (xs[b] - v) ** 2 || a - b)
      .slice(0, k);
    utility += near.filter((i) => trainY[i] === valY[j]).length / k;
    const ones = near.filter((i) => trainY[i] === 1).length;
    return ones * 2 > k ? 1 : 0;
  });
  return { utility: utility / valX.length, predictions };
}

describe('rescoreMoves', () => {
  for (const [k, row, to] of [
    [1, 0, 10.6],
    [3, 4, 2.4],
    [3, 1, 12.4],
    [2, 7, 0.4],
  ] as const)
    it(`matches a brute-force KNN when row ${row} moves to ${to} (K=${k})`, async () => {
      const ref = await referenceOf(k);
      const [effect] = await rescoreMoves(ref, Int32Array.from(trainY), 2, [
        { row, x: Float32Array.of(to) },
      ]);
      const before = bruteKnn(k, row, trainX[row]);
      const after = bruteKnn(k, row, to);
      expect(effect.utility).toBeCloseTo(after.utility - before.utility, 9);
      const changed = new Map<number, number>();
      after.predictions.forEach((p, j) => p !== before.predictions[j] && changed.set(j, p));
      if (k % 2 === 1) expect(effect.changed).toEqual(changed);
    });

  it('stays silent when a move leaves every neighbourhood as it was', async () => {
    const ref = await referenceOf(3);
    // Row 0 moves a little further left: still among the 3 nearest of validation point 0, still
    // outside everyone else's.
    const [effect] = await rescoreMoves(ref, Int32Array.from(trainY), 2, [
      { row: 0, x: Float32Array.of(-0.5) },
    ]);
    expect(effect.utility).toBe(0);
    expect(effect.changed.size).toBe(0);
  });
});

describe('encodeRepairs', () => {
  it('encodes an unchanged row exactly as the training pipeline does', () => {
    const frame = frameFromArrays({
      a: [1, 2, null, 4],
      c: ['x', 'y', 'x', null],
      y: ['p', 'q', 'p', 'q'],
    });
    const data = buildImpactData(frame, null, 'y');
    const full = transformFrame(data.spec, frame);
    const moves = encodeRepairs(frame, data.spec, [
      { row: 2, column: 0, value: null },
      { row: 3, column: 1, value: null },
    ]);
    expect([...moves[0].x]).toEqual([...full.x.subarray(2 * full.width, 3 * full.width)]);
    expect([...moves[1].x]).toEqual([...full.x.subarray(3 * full.width, 4 * full.width)]);
    const repaired = encodeRepairs(frame, data.spec, [{ row: 2, column: 0, value: '3' }]);
    expect(repaired[0].x).not.toEqual(moves[0].x);
  });
});

describe('repairOf', () => {
  const finding = (suggestion: Finding['suggestion']): Finding => ({
    row: 4,
    column: 1,
    detector: 'x',
    score: 1,
    reason: '',
    suggestion,
  });
  it('reads the value each kind of suggestion writes', () => {
    expect(repairOf(finding({ kind: 'set-cell', row: 4, column: 1, value: '7' }))?.value).toBe('7');
    const transform = (t: object) =>
      repairOf(
        finding({ kind: 'column-transform', column: 1, transform: t } as Finding['suggestion']),
      );
    expect(transform({ kind: 'impute', strategy: 'median', value: '5' })?.value).toBe('5');
    expect(transform({ kind: 'replace-with-missing', values: ['-999'] })?.value).toBeNull();
    expect(transform({ kind: 'map-categories', mapping: [['Rde', 'Red']] })?.value).toBe('Red');
    expect(repairOf(finding(null))).toBeNull();
  });
});

describe('measureCellRepairs', () => {
  it('gives a unit error that pulls a row out of its neighbourhoods a positive accuracy gain', async () => {
    // Row 1 (class 0) belongs at x = 1.5 but reads 1500: repaired, it joins the 3 nearest of the
    // class-0 validation point, which now has only one class-0 row among them.
    const x = [0, 1500, 10, 11, 12, 13];
    const frame = frameFromArrays({ x, y: ['0', '0', '1', '1', '1', '1'] });
    const val = frameFromArrays({ x: [1, 11.5], y: ['0', '1'] });
    const data = buildImpactData(frame, val, 'y');
    const { references } = await valueSplits(data, Int32Array.from(x.keys()), { k: 3 });
    const finding: Finding = {
      row: 1,
      column: 0,
      detector: 'unit-error',
      score: 0.9,
      reason: 'x = 1500 looks 1000 times too large.',
      suggestion: { kind: 'set-cell', row: 1, column: 0, value: '1.5' },
    };
    const cells = cellEvidence(frame, data.spec, [finding]);
    await measureCellRepairs(frame, data, references, cells);
    // Validation point 0 goes from 1 to 2 right neighbours of 3; point 1 is untouched.
    expect(cells[1]!.accuracyGain).toBeCloseTo(1 / 3 / 2, 9);
    // A repair that leaves the row where it is changes nothing.
    const same = cellEvidence(frame, data.spec, [
      { ...finding, row: 3, suggestion: { kind: 'set-cell', row: 3, column: 0, value: '11' } },
    ]);
    await measureCellRepairs(frame, data, references, same);
    expect(same[3]!.accuracyGain).toBe(0);
  });
});
