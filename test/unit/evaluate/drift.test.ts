import { describe, expect, it } from 'vitest';
import { buildDriftReference, driftReport } from '../../../src/core/evaluate/drift';
import {
  chiSquareTest,
  gammaQ,
  jensenShannon,
  ksTest,
  wassersteinNormed,
} from '../../../src/core/evaluate/drift-stats';
import type { Preprocessing } from '../../../src/core/train/preprocessing';
import { seededRandom } from '../../../src/core/stats/rng';
import { makeFrame } from '../train/fixtures';

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe('drift statistics', () => {
  it('χ² p-values match the distribution (df 1 at 3.841 → 0.05, df 2 → e^(−x/2))', () => {
    expect(gammaQ(0.5, 3.841458820694124 / 2)).toBeCloseTo(0.05, 6);
    expect(gammaQ(1, 3)).toBeCloseTo(Math.exp(-3), 10);
    const same = new Map([
      ['a', 50],
      ['b', 50],
    ]);
    expect(
      chiSquareTest(
        same,
        new Map([
          ['a', 10],
          ['b', 10],
        ]),
      ).pValue,
    ).toBeCloseTo(1, 9);
    expect(
      chiSquareTest(
        same,
        new Map([
          ['a', 10],
          ['c', 10],
        ]),
      ).pValue,
    ).toBe(0);
  });

  it('KS separates shifted samples and not identical ones', () => {
    const a = sorted(Array.from({ length: 200 }, (_, i) => i / 200));
    expect(ksTest(a, a)).toEqual({ statistic: 0, pValue: 1 });
    const shifted = ksTest(a, sorted(Array.from({ length: 200 }, (_, i) => i / 200 + 0.3)));
    expect(shifted.statistic).toBeCloseTo(0.3, 1);
    expect(shifted.pValue).toBeLessThan(1e-6);
  });

  it('Wasserstein is normalised by the reference std; JS distance is √ln2 for disjoint supports', () => {
    expect(wassersteinNormed(sorted([0, 1]), sorted([1, 2]))).toBeCloseTo(2, 9);
    expect(jensenShannon(new Map([['a', 3]]), new Map([['b', 5]]))).toBeCloseTo(
      Math.sqrt(Math.log(2)),
      9,
    );
    expect(
      jensenShannon(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
        new Map([
          ['a', 6],
          ['b', 2],
        ]),
      ),
    ).toBeCloseTo(0, 9);
  });
});

describe('drift report', () => {
  const spec = {
    features: [
      { kind: 'numeric', column: 'x' },
      { kind: 'categorical', column: 'c' },
    ],
  } as unknown as Preprocessing;
  const data = (n: number, shift: number, seed: number) => {
    const random = seededRandom(seed);
    return makeFrame({
      x: Array.from({ length: n }, () => random() + shift),
      c: Array.from({ length: n }, () => (random() < 0.5 + shift ? 'u' : 'v')),
    });
  };

  it('uses KS and χ² for a small reference and flags a shifted sample', () => {
    const train = data(500, 0, 1);
    const reference = buildDriftReference(
      train,
      spec,
      Int32Array.from({ length: 500 }, (_, i) => i),
    );
    const calm = driftReport(reference, data(300, 0, 2));
    expect(calm.columns.map((c) => c.test)).toEqual(['ks', 'chi-square']);
    expect(calm.retrainAdvised).toBe(false);
    const moved = driftReport(JSON.parse(JSON.stringify(reference)), data(300, 0.4, 3));
    expect(moved.columns.every((c) => c.drifted)).toBe(true);
    expect(moved.summary).toMatch(/data set has drifted; retraining advised/);
  });

  it('uses Wasserstein and Jensen–Shannon above 1,000 reference rows, and notes a missing column', () => {
    const train = data(3000, 0, 4);
    const reference = buildDriftReference(
      train,
      spec,
      Int32Array.from({ length: 3000 }, (_, i) => i),
    );
    const report = driftReport(reference, data(2000, 0, 5));
    expect(report.columns.map((c) => c.test)).toEqual(['wasserstein', 'jensen-shannon']);
    expect(report.columns.some((c) => c.drifted)).toBe(false);
    const partial = driftReport(reference, makeFrame({ c: ['u', 'v'] }));
    expect(partial.columns[0]).toMatchObject({
      test: 'none',
      note: 'column missing from the new data',
    });
  });
});

describe('drift verdict against its columns (income ×12, age +10)', () => {
  const names = ['age', 'income', 'band', 'tenure', 'hours', 'rating', 'dept', 'travel'];
  const spec = {
    features: names.map((column) => ({
      kind:
        column === 'band' || column === 'dept' || column === 'travel' ? 'categorical' : 'numeric',
      column,
    })),
  } as unknown as Preprocessing;
  // Eight features; new data where income is monthly ×12 and age +10: three columns move (the
  // income band follows income), five do not.
  const people = (n: number, seed: number, changed: boolean) => {
    const random = seededRandom(seed);
    const age = Array.from({ length: n }, () => 25 + Math.floor(random() * 35));
    const income = Array.from({ length: n }, () => 2000 + Math.round(random() * 8000));
    const shownIncome = changed ? income.map((v) => v * 12) : income;
    return makeFrame({
      age: changed ? age.map((a) => a + 10) : age,
      income: shownIncome,
      band: shownIncome.map((v) => (v < 4000 ? 'low' : v < 8000 ? 'mid' : 'high')),
      tenure: Array.from({ length: n }, () => Math.floor(random() * 20)),
      hours: Array.from({ length: n }, () => 35 + Math.floor(random() * 15)),
      rating: Array.from({ length: n }, () => 1 + Math.floor(random() * 10)),
      dept: Array.from({ length: n }, () => ['Sales', 'R&D', 'HR'][Math.floor(random() * 3)]),
      travel: Array.from({ length: n }, () => (random() < 0.7 ? 'Rarely' : 'Often')),
    });
  };

  for (const trainRows of [600, 1500]) {
    it(`says which columns drifted and gives every column a p-value (${trainRows} training rows)`, () => {
      const train = people(trainRows, 7, false);
      const reference = buildDriftReference(
        train,
        spec,
        Int32Array.from({ length: trainRows }, (_, i) => i),
      );
      const report = driftReport(reference, people(400, 8, true));
      const drifted = report.columns.filter((c) => c.drifted).map((c) => c.column);
      expect(drifted).toEqual(['age', 'income', 'band']);
      expect(report.summary).not.toMatch(/no (data set )?drift/i);
      expect(report.summary).toMatch(/^Drift in 3 of 8 columns \(age, income, band\)/);
      for (const c of report.columns) {
        expect(Number.isFinite(c.statistic)).toBe(true);
        expect(c.pValue).toBeGreaterThanOrEqual(0);
        expect(c.pValue).toBeLessThanOrEqual(1);
      }
      for (const c of report.columns.filter((c) => c.drifted)) expect(c.pValue).toBeLessThan(0.05);
      const calm = driftReport(reference, people(400, 9, false));
      expect(calm.summary).toMatch(/^No drift detected in 8 columns/);
    });
  }
});
