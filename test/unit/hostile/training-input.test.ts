import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRun } from '../../../src/core/train/prepare-run';
import { robustBounds, safeMeanStd } from '../../../src/core/train/robust-bounds';
import { trainModel } from '../../../src/core/train/train';
import { binaryTask, makeFrame } from '../train/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** binaryTask with the feature `a` set to huge valid floats in three rows. */
function withHugeFloats(n: number): { frame: ReturnType<typeof binaryTask>; rows: number[] } {
  const frame = binaryTask(n);
  const a = frame.columns.find((c) => c.meta.name === 'a')!;
  const rows = [5, 50, 150];
  [1e308, -1e308, 1.79e308].forEach((v, i) => ((a.values as Float64Array)[rows[i]] = v));
  return { frame, rows };
}

describe('huge valid floats', () => {
  it('keeps every model input finite and warns naming the column and rows', () => {
    const { frame, rows } = withHugeFloats(400);
    const run = prepareRun(frame, { target: 'label', model: { kind: 'logistic' } });
    const a = run.preprocessing.features.find((f) => f.column === 'a');
    expect(a?.kind === 'numeric' && Number.isFinite(a.center) && Number.isFinite(a.scale)).toBe(
      true,
    );
    for (const x of [run.train.x, run.validation.x]) {
      expect(x.every((v) => Number.isFinite(v) && Math.abs(v) < 1e3)).toBe(true);
    }
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('"a"');
    expect(run.warnings[0]).toContain(`rows ${rows.map((r) => r + 1).join(', ')}`);
  });

  it('trains nearly as well as without them (AUC above 0.9 where the clean file gives about 0.99)', async () => {
    const options = {
      target: 'label',
      model: { kind: 'logistic' as const, epochs: 15, batchSize: 32, learningRate: 0.05 },
    };
    const clean = await trainModel(binaryTask(400), options);
    const hostile = await trainModel(withHugeFloats(400).frame, options);
    for (const run of [clean, hostile]) run.model.dispose();
    if (clean.validation.task !== 'classification') throw new Error('classification expected');
    if (hostile.validation.task !== 'classification') throw new Error('classification expected');
    expect(hostile.validation.roc!.auc.value).toBeGreaterThan(0.9);
    expect(hostile.warnings[0]).toMatch(/Column "a" has 3 values far outside the rest/);
  });

  it('leaves ordinary columns, and a 0/1 column with few ones, unclipped', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => (i < 995 ? 0 : 1));
    const { low, high } = robustBounds(sorted);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(1);
    expect(prepareRun(binaryTask(400), { target: 'label' }).warnings).toEqual([]);
  });

  it('computes mean and deviation of huge values without overflow', () => {
    const { mean, std } = safeMeanStd([1e308, -1e308, 1.5e308, 1.7e308]);
    expect(Number.isFinite(mean) && Number.isFinite(std)).toBe(true);
    expect(mean / 1e308).toBeCloseTo(0.8, 10);
    expect(std / 1e308).toBeGreaterThan(1);
  });
});

describe('refusals before training', () => {
  it('refuses 500 classes in 1,000 rows: too few rows per class for validation and test', () => {
    const label = Array.from({ length: 1000 }, (_, i) => `c${i % 500}`);
    const x = Array.from({ length: 1000 }, (_, i) => i / 7);
    const frame = makeFrame({ x, label });
    expect(() => prepareRun(frame, { target: 'label' })).toThrow(
      /500 classes of "label" in 1,000 rows leave no validation or test rows, because 500 classes have fewer than 4 rows.*Merge rare classes/,
    );
  });

  it('refuses a file with only the target column, and one whose every other column is unusable', () => {
    const label = Array.from({ length: 100 }, (_, i) => (i % 2 ? 'a' : 'b'));
    expect(() => prepareRun(makeFrame({ label }), { target: 'label' })).toThrow(
      /no column besides the target "label"/,
    );
    const id = label.map((_, i) => `id-${i}`);
    expect(() =>
      prepareRun(makeFrame({ id, label }, { id: 'identifier' }), { target: 'label' }),
    ).toThrow(/no column can be used as a feature to predict "label": "id" \(identifier/);
  });
});
