import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, runDetectors } from '../../../src/core/detect/registry';
import { profileFrame } from '../../../src/core/profile/profile';
import { csvOf, frameOf } from './helpers';

const cases: Record<string, string> = {
  'a column all missing': csvOf('a,b,y', 30, (i) => `,${i % 4},${i % 2 ? 'p' : 'q'}`),
  'a one-row dataset': 'a,b,y\n1,x,p\n',
  '10,000 distinct categories': csvOf(
    'c,n,y',
    10_000,
    (i) => `cat-${i},${i % 10},${i % 2 ? 'p' : 'q'}`,
  ),
  'Infinity, NaN and 1e309 in a number column': csvOf('x,y', 60, (i) =>
    i === 3
      ? 'Infinity,p'
      : i === 4
        ? 'NaN,q'
        : i === 5
          ? '1e309,p'
          : `${i % 9},${i % 2 ? 'p' : 'q'}`,
  ),
  'all values identical': csvOf('x,c,y', 40, () => '5,same,p'),
};

describe('every detector and the profile on bad input', () => {
  for (const [name, csv] of Object.entries(cases))
    it(`copes with ${name}, with and without a target`, async () => {
      const frame = await frameOf(csv);
      const target = frame.columns.length - 1;
      for (const t of [null, target]) {
        const report = await runDetectors(
          frame,
          { target: t, seed: 1 },
          ALL_DETECTORS.filter((d) => d.name !== 'label'),
        );
        for (const f of report.findings) {
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(1);
          expect(f.reason.length).toBeGreaterThan(0);
          expect(f.row).toBeLessThan(frame.rows);
        }
        const profile = profileFrame(frame, t);
        expect(profile.columns).toHaveLength(frame.columns.length);
        for (const c of profile.columns)
          if (c.numeric)
            for (const v of [c.numeric.min, c.numeric.max, c.numeric.mean, c.numeric.p50])
              expect(Number.isFinite(v)).toBe(true);
      }
    });

  it('reports Infinity and 1e309 as type mismatches and NaN as a missing placeholder', async () => {
    const frame = await frameOf(cases['Infinity, NaN and 1e309 in a number column']);
    const report = await runDetectors(
      frame,
      { target: 1, seed: 1 },
      ALL_DETECTORS.filter((d) => d.name !== 'label'),
    );
    const at = (row: number) =>
      report.findings.filter((f) => f.row === row && f.column === 0).map((f) => f.detector);
    expect(at(3)).toEqual(['type-mismatch']);
    expect(at(4)).toEqual(['disguised-missing']);
    expect(at(5)).toEqual(['type-mismatch']);
  });
});
