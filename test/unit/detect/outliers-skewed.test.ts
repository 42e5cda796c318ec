import { describe, expect, it } from 'vitest';
import { detectOutliers } from '../../../src/core/detect/outliers';
import { normalCdf } from '../../../src/core/stats/robust';
import { seededRandom } from '../../../src/core/stats/rng';
import { frameFromArrays } from './helpers';

/** A standard normal draw (Box–Muller) from `random`. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `n` spend amounts, lognormal around `median` with a log10 spread of `decades`, in cents. */
function spend(n: number, seed: number, median = 80, decades = 0.9): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => +(median * 10 ** (decades * normal(random))).toFixed(2));
}

const unitErrors = (values: number[]) =>
  detectOutliers(frameFromArrays({ spend: values })).findings.filter(
    (f) => f.detector === 'unit-error',
  );

describe('unit errors on skewed columns', () => {
  it('finds (almost) no unit error in a lognormal spend column of many rows', () => {
    for (const seed of [1, 2, 3]) {
      const values = spend(50_000, seed);
      expect(unitErrors(values).length).toBeLessThanOrEqual(5);
    }
  });

  it('calls no family of small amounts that many rows share a slip', () => {
    // 3% of the rows are one-cent test charges: a mode of the distribution, 4 decades below.
    const values = spend(30_000, 4).map((v, i) => (i % 33 === 0 ? 0.01 : v));
    const found = unitErrors(values);
    expect(found.filter((f) => values[f.row] === 0.01)).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(5);
  });

  it('still finds a real × 1000 slip in a normal column of many rows', () => {
    const random = seededRandom(5);
    const values = Array.from({ length: 50_000 }, () => +(50 + 5 * normal(random)).toFixed(1));
    const slipped = [7, 4_321, 40_000];
    for (const r of slipped) values[r] = +(values[r] * 1000).toPrecision(12);
    const found = unitErrors(values);
    expect(found.map((f) => f.row)).toEqual(slipped);
    expect(found[0].reason).toContain('1000 times too large');
  });

  it('still finds a × 1000 slip in a skewed column', () => {
    const values = spend(20_000, 6, 80, 0.3);
    const slipped = [11, 12_345];
    for (const r of slipped) values[r] = +(values[r] * 1000).toPrecision(12);
    expect(unitErrors(values).map((f) => f.row)).toEqual(slipped);
  });
});

describe('normalCdf', () => {
  it('matches the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(normalCdf(-8)).toBeLessThan(1e-6);
  });
});
