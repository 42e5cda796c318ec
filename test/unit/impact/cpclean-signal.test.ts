import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/detect/types';
import type { CellEvidence } from '../../../src/core/impact/cell-signal';
import {
  applyCertainty,
  countFlippable,
  plausibleValues,
  repairCertainty,
} from '../../../src/core/impact/cpclean-signal';
import { buildImpactData } from '../../../src/core/impact/features';
import { valueSplits } from '../../../src/core/impact/value-splits';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('plausibleValues', () => {
  it('takes quantiles of a numeric column and the most frequent values of a text column', () => {
    const frame = frameFromArrays({
      a: [...Array.from({ length: 11 }, (_, i) => i * 10), null],
      c: ['x', 'x', 'x', 'y', 'y', 'z', 'w', 'v', 'u', 't', 'x', null],
    });
    expect(plausibleValues(frame.columns[0])).toEqual([10, 30, 50, 70, 90]);
    expect(plausibleValues(frame.columns[1])).toEqual(['x', 'y', 't', 'u', 'v']);
  });
});

describe('countFlippable', () => {
  it('counts points whose prediction differs between repairs', () => {
    // Point 1 moves under every repair but always to class 2: certain. Point 3 moves under one
    // repair only: it flips. Point 5 goes to two different classes: it flips.
    const changed = [
      new Map([
        [1, 2],
        [3, 1],
        [5, 0],
      ]),
      new Map([
        [1, 2],
        [5, 1],
      ]),
    ];
    expect(countFlippable(changed)).toBe(2);
    expect(countFlippable([new Map(), new Map()])).toBe(0);
  });
});

/**
 * Feature `a` separates the classes (class lo near 0, class hi near 10); `b` is 0 for all but one
 * row. Row 0 (class hi) has `a` missing and `b` = 0: repaired to a = 0 it becomes the nearest
 * row of the lo validation point (it wins the tie with row 2 by index) and flips its prediction;
 * repaired to a = 10 it changes nothing. Row 1 has `a` missing but `b` = 1000, far from every
 * validation row whatever `a` is.
 */
async function certaintyCase() {
  const train = frameFromArrays({
    a: [null, null, 0, 1, 10, 11],
    b: [0, 1000, 0, 0, 0, 0],
    y: ['hi', 'lo', 'lo', 'lo', 'hi', 'hi'],
  });
  const val = frameFromArrays({ a: [0.2, 10.2], b: [0, 0], y: ['lo', 'hi'] });
  const data = buildImpactData(train, val, 'y');
  const { references } = await valueSplits(data, Int32Array.from(data.trainLabels.keys()), {
    k: 1,
  });
  return { train, data, references };
}

describe('repairCertainty', () => {
  it('finds predictions a plausible repair can flip', async () => {
    const { train, data, references } = await certaintyCase();
    const { certainty, unchecked } = await repairCertainty(train, data, references);
    expect(unchecked).toBe(0);
    expect(certainty[0]).toEqual({ column: 0, candidates: 4, flippable: 1 });
  });

  it('stays silent where no repair matters and where no cell is empty', async () => {
    const { train, data, references } = await certaintyCase();
    const { certainty } = await repairCertainty(train, data, references);
    expect(certainty[1]).toEqual({ column: 0, candidates: 4, flippable: 0 });
    for (const r of [2, 3, 4, 5]) expect(certainty[r]).toBeNull();
  });
});

describe('applyCertainty', () => {
  const evidence = (row: number): CellEvidence => ({
    pWrong: 0.2,
    gain: 0.15,
    shift: 1,
    measured: false,
    finding: {
      row,
      column: 0,
      detector: 'missing',
      score: 0.2,
      reason: 'a is empty.',
      suggestion: null,
    } satisfies Finding,
  });

  it('drops rows no repair matters for and raises rows whose repairs flip predictions', () => {
    const cells = [evidence(0), evidence(1), evidence(2)];
    applyCertainty(cells, [
      { column: 0, candidates: 5, flippable: 0 },
      { column: 0, candidates: 5, flippable: 3 },
      null,
    ]);
    expect(cells[0]).toBeNull();
    expect(cells[1]!.gain).toBeCloseTo(0.15 * 3, 9);
    expect(cells[1]!.flippable).toBe(3);
    expect(cells[2]!.gain).toBe(0.15);
  });
});
