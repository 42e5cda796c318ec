import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImpactData } from '../../../src/core/impact/features';
import { reviewValidation } from '../../../src/core/impact/validation-review';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Two classes split at x = 5: "lo" below, "hi" above. */
const side = (x: number) => (x > 5 ? 'hi' : 'lo');

describe('reviewValidation', () => {
  it('puts a wrongly labelled validation row that many training rows lean on first', async () => {
    const trainX = Array.from({ length: 60 }, (_, i) => (i % 2 ? 10 : 0) + (i % 7) / 7);
    const valX = Array.from({ length: 30 }, (_, i) => (i % 2 ? 10 : 0) + ((i * 3) % 11) / 11);
    valX[6] = 30; // far from every training row
    const valY = valX.map(side);
    valY[4] = 'hi'; // among the "lo" rows, labelled "hi"
    valY[6] = 'lo'; // labelled against the side it is on, but no training row is near it
    const data = buildImpactData(
      frameFromArrays({ x: trainX, y: trainX.map(side) }),
      frameFromArrays({ x: valX, y: valY }),
      'y',
    );
    const { items } = await reviewValidation(data, 3);
    expect(items).toHaveLength(30);
    expect(items[0]).toMatchObject({ row: 4, suggested: 'lo' });
    expect(items[0].reason).toMatch(/label "hi": \d+ of the \d+ training rows/);
    // The far row is no training row's near neighbour: little influence, ranked below row 4.
    const far = items.find((i) => i.row === 6)!;
    expect(far.score).toBeLessThan(items[0].score);
    // Rows that agree with the training rows around them score low and suggest nothing.
    const agreeing = items.find((i) => i.row === 0)!;
    expect(agreeing.suggested).toBeNull();
    expect(agreeing.score).toBeLessThan(0.2);
  });

  it('leaves training rows excluded by the operation log out of the reference', async () => {
    // 60 training rows on two sides, then 20 on the "lo" side wrongly labelled "hi" (excluded).
    const cleanX = Array.from({ length: 60 }, (_, i) => (i % 2 ? 10 : 0) + (i % 7) / 7);
    const wrongX = Array.from({ length: 20 }, (_, i) => (i % 5) / 5);
    const trainX = [...cleanX, ...wrongX];
    const trainY = [...cleanX.map(side), ...wrongX.map(() => 'hi')];
    const valX = Array.from({ length: 30 }, (_, i) => (i % 2 ? 10 : 0) + ((i * 3) % 11) / 11);
    const valY = valX.map(side);
    valY[4] = 'hi';
    const val = frameFromArrays({ x: valX, y: valY });
    const train = frameFromArrays({ x: trainX, y: trainY });
    train.excluded.fill(1, 60);
    const data = buildImpactData(train, val, 'y');
    const withExcluded = await reviewValidation(data, 3, train.excluded);
    // The same as if the excluded rows were not there at all.
    const without = buildImpactData(frameFromArrays({ x: cleanX, y: cleanX.map(side) }), val, 'y');
    expect(withExcluded).toEqual(await reviewValidation(without, 3));
    expect(withExcluded.items[0]).toMatchObject({ row: 4, suggested: 'lo' });
    // Counted in, the wrong "hi" rows would back row 4's label and crowd the reference.
    const counted = await reviewValidation(data, 3);
    expect(counted).not.toEqual(withExcluded);
    expect(counted.items.find((i) => i.row === 4)!.score).toBeLessThan(withExcluded.items[0].score);
  });

  it('gives nothing without a validation split', async () => {
    const x = [0, 1, 10, 11];
    const data = buildImpactData(frameFromArrays({ x, y: x.map(side) }), null, 'y');
    expect(await reviewValidation(data)).toEqual({ items: [] });
  });
});
