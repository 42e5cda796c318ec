import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankColumnMeta } from '../../../src/core/table/column-meta';
import type { Frame } from '../../../src/core/table/frame';
import { seededRandom } from '../../../src/core/stats/rng';
import { trainModel } from '../../../src/core/train/train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** `rows` rows, 3 numeric features, label "a" for 80%: one class's training share alone is > 150k. */
function largeFrame(rows: number): Frame {
  const random = seededRandom(3);
  const columns = ['x0', 'x1', 'x2'].map((name, index) => ({
    kind: 'number' as const,
    meta: blankColumnMeta(index, name, 'float'),
    values: Float64Array.from({ length: rows }, () => random() * 2 - 1),
    invalid: new Map(),
  }));
  const label = Array.from({ length: rows }, (_, r) =>
    columns[0].values[r] + 0.3 * columns[1].values[r] > 0.6 ? 'b' : 'a',
  );
  return {
    rows,
    columns: [
      ...columns,
      {
        kind: 'string',
        meta: blankColumnMeta(3, 'label', 'categorical'),
        values: label,
        invalid: new Map(),
      },
    ],
    excluded: new Uint8Array(rows),
  };
}

describe('training at scale', () => {
  it('trains on 300k rows without overflowing the stack (no large array spread into a call)', async () => {
    const frame = largeFrame(300_000);
    const run = await trainModel(frame, {
      target: 'label',
      model: { kind: 'logistic', epochs: 1, batchSize: 4096, learningRate: 0.1 },
      bootstrap: { resamples: 0 },
    });
    expect(run.rows.train.length + run.rows.validation.length + run.rows.test.length).toBe(300_000);
    expect(run.fit.epochs).toHaveLength(1);
    expect(run.validation.n).toBe(run.rows.validation.length);
    run.model.dispose();
  }, 120_000);
});
