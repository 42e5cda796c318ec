import { describe, expect, it } from 'vitest';
import { binnedKs, binnedWasserstein } from '../../../src/core/evaluate/drift-binned';
import {
  buildDriftReference,
  driftReport,
  type DriftReference,
} from '../../../src/core/evaluate/drift';
import { ksTest, wassersteinNormed } from '../../../src/core/evaluate/drift-stats';
import { edgeBetween, summariseNumeric } from '../../../src/core/evaluate/private-summary';
import type { Preprocessing } from '../../../src/core/train/preprocessing';
import { seededRandom } from '../../../src/core/stats/rng';
import { makeFrame } from '../train/fixtures';

const sorted = (values: number[]) => Float64Array.from(values).sort();
const normal = (random: () => number) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

describe('numeric summary', () => {
  it('puts ≥ k values in every bin, on edges no value takes, and never splits a tie', () => {
    const random = seededRandom(3);
    const values = sorted(
      Array.from({ length: 537 }, (_, i) =>
        i < 60 ? 42 : +(50000 + 9000 * normal(random)).toFixed(2),
      ),
    );
    for (const k of [5, 10, 50]) {
      const s = summariseNumeric(values, k)!;
      expect(s.counts.reduce((a, b) => a + b, 0)).toBe(537);
      expect(Math.min(...s.counts)).toBeGreaterThanOrEqual(k);
      expect(s.edges).toHaveLength(s.counts.length - 1);
      for (const edge of s.edges) expect(values).not.toContain(edge);
      // Bin i holds exactly the values in [edge i−1, edge i).
      let start = 0;
      s.edges.forEach((edge, i) => {
        const end = start + s.counts[i];
        expect(values[end - 1]).toBeLessThan(edge);
        expect(values[end]).toBeGreaterThan(edge);
        start = end;
      });
    }
    expect(summariseNumeric(values.subarray(0, 9), 10)).toBeNull();
  });

  it('picks the shortest decimal strictly between two values', () => {
    expect(edgeBetween(51234.56, 51300)).toBe(51240);
    expect(edgeBetween(41, 42)).toBe(41.1);
    expect(edgeBetween(-3.2, -3.1)).toBe(-3.19);
    expect(edgeBetween(0.1, 0.2)).toBeGreaterThan(0.1);
  });
});

describe('tests from bins, within the stated tolerance of the exact ones', () => {
  // KS from bins: D_bins ≤ D ≤ D_bins + largest reference bin share + largest share of new values
  // in one reference bin. Wasserstein from bin means: within the summary's wassersteinError.
  const cases: [string, (r: () => number) => number][] = [
    ['same distribution', (r) => 50000 + 9000 * normal(r)],
    ['shifted by 0.2 sd', (r) => 51800 + 9000 * normal(r)],
    ['scaled ×12', (r) => 12 * (50000 + 9000 * normal(r))],
    ['skewed', (r) => Math.exp(10 + normal(r))],
  ];
  for (const [name, draw] of cases)
    for (const [rows, k] of [
      [600, 10],
      [1500, 10],
      [5000, 25],
    ])
      it(`${name}, ${rows} training rows, k = ${k}`, () => {
        const random = seededRandom(rows + k);
        const train = sorted(Array.from({ length: rows }, () => 50000 + 9000 * normal(random)));
        const current = sorted(Array.from({ length: 400 }, () => draw(random)));
        const summary = summariseNumeric(train, k)!;
        const exact = ksTest(train, current);
        const binned = binnedKs(summary, current);
        let inOneBin = 0;
        for (let i = 0, lo = -Infinity; i <= summary.edges.length; i++) {
          const hi = summary.edges[i] ?? Infinity;
          inOneBin = Math.max(inOneBin, current.filter((v) => v >= lo && v < hi).length / 400);
          lo = hi;
        }
        expect(binned.statistic).toBeLessThanOrEqual(exact.statistic + 1e-12);
        expect(exact.statistic - binned.statistic).toBeLessThanOrEqual(
          summary.ksError + inOneBin + 1e-12,
        );
        const w = wassersteinNormed(train, current);
        expect(Math.abs(binnedWasserstein(summary, current) - w)).toBeLessThanOrEqual(
          summary.wassersteinError + 1e-9,
        );
      });
});

describe('drift reference', () => {
  const spec = {
    features: ['salary', 'city', 'staffId', 'notes'].map((column) => ({
      kind: column === 'salary' ? 'numeric' : 'categorical',
      column,
    })),
  } as unknown as Preprocessing;
  const frame = (n: number, seed: number, newCity = false) => {
    const random = seededRandom(seed);
    return makeFrame(
      {
        salary: Array.from({ length: n }, () => +(50000 + 9000 * normal(random)).toFixed(2)),
        city: Array.from({ length: n }, (_, i) =>
          i < 4 ? `Rare${i}` : newCity && i % 3 === 0 ? 'Zwolle' : i % 2 ? 'Utrecht' : 'Delft',
        ),
        staffId: Array.from({ length: n }, (_, i) => `E${100000 + i}`),
        notes: Array.from({ length: n }, (_, i) => `note about person ${i}`),
      },
      { staffId: 'identifier', notes: 'text' },
    );
  };

  it('holds no training value seen fewer than k times, no identifier and no free text', () => {
    const train = frame(800, 1);
    const all = Int32Array.from({ length: 800 }, (_, i) => i);
    const reference = buildDriftReference(train, spec, all);
    const text = JSON.stringify(reference);
    expect(reference.k).toBe(10);
    expect(reference.columns.map((c) => c.column)).toEqual(['salary', 'city']);
    expect(reference.columns[1]).toMatchObject({ counts: { Utrecht: 398, Delft: 398 }, other: 4 });
    for (const v of train.columns[0].values) expect(text).not.toContain(String(v));
    expect(text).not.toMatch(/Rare|E1000|person/);
  });

  it('gives the verdicts of the exact tests; χ² pools new and rare categories', () => {
    const train = frame(800, 1);
    const all = Int32Array.from({ length: 800 }, (_, i) => i);
    const reference = buildDriftReference(train, spec, all);
    // The old reference: every raw value and every count (what bundles used to carry).
    const exact: DriftReference = {
      rows: 800,
      columns: [
        {
          column: 'salary',
          kind: 'numeric',
          values: Array.from(train.columns[0].values as Float64Array).sort((a, b) => a - b),
        },
        {
          column: 'city',
          kind: 'categorical',
          counts: { Utrecht: 398, Delft: 398, Rare0: 1, Rare1: 1, Rare2: 1, Rare3: 1 },
        },
      ],
    };
    for (const [seed, newCity] of [
      [2, false],
      [3, true],
    ] as const) {
      const current = frame(300, seed, newCity);
      const fromSummary = driftReport(reference, current).columns.map((c) => c.drifted);
      expect(fromSummary).toEqual(driftReport(exact, current).columns.map((c) => c.drifted));
      expect(fromSummary).toEqual([false, newCity]);
    }
  });
});
