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

  it('gives nothing without a validation split', async () => {
    const x = [0, 1, 10, 11];
    const data = buildImpactData(frameFromArrays({ x, y: x.map(side) }), null, 'y');
    expect(await reviewValidation(data)).toEqual({ items: [] });
  });
});
