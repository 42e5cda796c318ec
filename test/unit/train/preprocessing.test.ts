import { describe, expect, it } from 'vitest';
import { fitPreprocessing } from '../../../src/core/train/fit-preprocessing';
import type { NumericFeature } from '../../../src/core/train/preprocessing';
import { stratifiedSplit } from '../../../src/core/train/split';
import { encodeTarget } from '../../../src/core/train/target';
import { transformFrame } from '../../../src/core/train/transform';
import { transformRecords } from '../../../src/core/train/transform-records';
import { binaryTask, makeFrame } from './fixtures';

describe('feature pipeline', () => {
  it('imputes, flags missing, standardizes and one-hot encodes from the training split only', () => {
    const frame = binaryTask(200);
    const target = encodeTarget(frame, 'label');
    const split = stratifiedSplit(
      target.rows.length,
      { validation: 0.2, test: 0.2, seed: 3 },
      target.values,
    );
    const spec = fitPreprocessing(frame, target, split.train);
    expect(spec.excluded).toEqual([
      { column: 'id', reason: expect.stringContaining('identifier') },
    ]);
    expect([...spec.inputNames].sort()).toEqual([
      'a',
      'a__missing',
      'b',
      'city=east',
      'city=north',
      'city=south',
    ]);
    expect(spec.inputNames.slice(0, 3)).toEqual(['a', 'a__missing', 'b']);
    const a = spec.features[0];
    expect(a.kind).toBe('numeric');
    // Training rows standardize to mean ≈ 0 (observed values only; imputed ones sit at the median).
    const t = transformFrame(
      spec,
      frame,
      Int32Array.from(split.train, (p) => target.rows[p]),
    );
    let sum = 0;
    let count = 0;
    for (let i = 0; i < t.rows; i++)
      if (t.x[i * t.width + 1] === 0) {
        sum += t.x[i * t.width];
        count++;
      }
    expect(Math.abs(sum / count)).toBeLessThan(1e-5);
    // JSON round trip gives the same inputs.
    const again = transformFrame(JSON.parse(JSON.stringify(spec)), frame);
    expect(Array.from(again.x)).toEqual(Array.from(transformFrame(spec, frame).x));
  });

  it('uses median/IQR with the robust option and top-k + other for high cardinality', () => {
    const n = 120;
    const frame = makeFrame({
      v: Array.from({ length: n }, (_, i) => (i === 0 ? 1e6 : i % 10)),
      shop: Array.from({ length: n }, (_, i) => `s${i % 30}`),
      y: Array.from({ length: n }, (_, i) => (i % 2 ? 'p' : 'q')),
    });
    const target = encodeTarget(frame, 'y');
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const spec = fitPreprocessing(frame, target, all, {
      scaling: 'robust',
      maxOneHot: 10,
      topK: 5,
      leakThreshold: null,
      // Every shop is seen 4 times: k = 2 keeps them all as candidates for the top 5.
      privacyK: 2,
    });
    const v = spec.features.find((f) => f.column === 'v')!;
    // One outlier of 1e6 barely moves the median and IQR, unlike the mean and standard deviation.
    expect(v).toMatchObject({ kind: 'numeric', median: 5, center: 5, scale: 5 });
    const shop = spec.features.find((f) => f.column === 'shop')!;
    expect(shop).toMatchObject({ kind: 'categorical', other: true });
    expect(spec.inputNames.filter((x) => x.startsWith('shop='))).toHaveLength(6);
  });

  it('names no category seen fewer than k times and takes no median from one row (k = 10)', () => {
    const n = 101;
    const frame = makeFrame({
      salary: Array.from({ length: n }, (_, i) => 40000 + i * 123.45),
      city: Array.from({ length: n }, (_, i) => (i < 3 ? 'Zwolle' : i % 2 ? 'Utrecht' : 'Delft')),
      y: Array.from({ length: n }, (_, i) => (i % 2 ? 'p' : 'q')),
    });
    const target = encodeTarget(frame, 'y');
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const spec = fitPreprocessing(frame, target, all, { leakThreshold: null });
    expect(spec.privacyK).toBe(10);
    const city = spec.features.find((f) => f.column === 'city')!;
    expect(city).toMatchObject({ categories: ['Delft', 'Utrecht'], other: true });
    const salary = spec.features.find((f) => f.column === 'salary')! as NumericFeature;
    // The exact median is row 50's value; the kept one is the mean of rows 46..55.
    expect(salary.median).toBeCloseTo(40000 + 50.5 * 123.45, 6);
    expect(frame.columns[0].values).not.toContain(salary.median);
  });

  it('excludes a target-leaking column and an entirely missing one, with reasons', () => {
    const n = 100;
    const frame = makeFrame(
      {
        x: Array.from({ length: n }, (_, i) => Math.sin(i)),
        leak: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 100 + i : i)),
        empty: Array.from({ length: n }, () => null as number | null),
        y: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b')),
      },
      { empty: 'float' },
    );
    const target = encodeTarget(frame, 'y');
    const spec = fitPreprocessing(
      frame,
      target,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    const reasons = Object.fromEntries(spec.excluded.map((e) => [e.column, e.reason]));
    expect(reasons.leak).toMatch(/target leak suspected/);
    expect(reasons.empty).toMatch(/entirely missing/);
    expect(spec.features.map((f) => f.column)).toEqual(['x']);
  });

  it('reports missing and extra columns and unseen categories, still producing inputs', () => {
    const frame = binaryTask(100);
    const target = encodeTarget(frame, 'label');
    const spec = fitPreprocessing(
      frame,
      target,
      Int32Array.from({ length: target.rows.length }, (_, i) => i),
    );
    const fresh = makeFrame({ b: [0.5, 1], city: ['north', 'atlantis'], color: ['red', 'blue'] });
    const t = transformFrame(spec, fresh);
    expect(t.report.missingColumns).toEqual(['a']);
    expect(t.report.extraColumns).toEqual(['color']);
    expect(t.report.unseenCategories).toEqual([
      { column: 'city', count: 1, examples: ['atlantis'], mappedTo: 'zeros' },
    ]);
    expect(t.x.every(Number.isFinite)).toBe(true);
    expect(t.x[1]).toBe(1); // a__missing set: the column is absent
  });
});

describe('target and split', () => {
  it('leaves out rows with a missing target and counts them', () => {
    const frame = makeFrame({ x: [1, 2, 3, 4], y: ['a', null, 'b', 'a'] });
    const t = encodeTarget(frame, 'y');
    expect(t.missingCount).toBe(1);
    expect(Array.from(t.rows)).toEqual([0, 2, 3]);
  });

  it('refuses a target with one class, and an unknown target', () => {
    const frame = makeFrame({ x: [1, 2, 3], y: ['a', 'a', null] });
    expect(() => encodeTarget(frame, 'y')).toThrow(/single class/);
    expect(() => encodeTarget(frame, 'nope')).toThrow(/not in the data/);
  });

  it('splits reproducibly and keeps the class mix', () => {
    const strata = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const a = stratifiedSplit(1000, { validation: 0.2, test: 0.2, seed: 5 }, strata);
    const b = stratifiedSplit(1000, { validation: 0.2, test: 0.2, seed: 5 }, strata);
    expect(a).toEqual(b);
    expect(a.train.length + a.validation.length + a.test.length).toBe(1000);
    expect(Array.from(a.test).filter((i) => strata[i] === 1)).toHaveLength(20);
    const c = stratifiedSplit(1000, { validation: 0.2, test: 0.2, seed: 6 }, strata);
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
  });
});

describe('transformRecords', () => {
  it('gives the same inputs for plain objects as for the frame rows', () => {
    const frame = binaryTask(50);
    const target = encodeTarget(frame, 'label');
    const spec = fitPreprocessing(
      frame,
      target,
      Int32Array.from({ length: 50 }, (_, i) => i),
    );
    const records = Array.from({ length: 50 }, (_, r) =>
      Object.fromEntries(
        frame.columns.map((c) => [
          c.meta.name,
          Number.isNaN(c.values[r] as number) ? null : c.values[r],
        ]),
      ),
    );
    expect(Array.from(transformRecords(spec, records).x)).toEqual(
      Array.from(transformFrame(spec, frame).x),
    );
  });
});
