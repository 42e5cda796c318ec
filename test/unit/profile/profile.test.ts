import { describe, expect, it } from 'vitest';
import { association } from '../../../src/core/stats/association';
import { imbalance } from '../../../src/core/profile/alerts';
import { profileFrame } from '../../../src/core/profile/profile';
import { csvOf, frameFromArrays, frameOf } from '../detect/helpers';

describe('profileFrame', () => {
  it('computes column statistics exactly on a small column', async () => {
    const frame = frameFromArrays({
      c: Array.from({ length: 101 }, (_, i) => (i % 2 ? 'a' : 'b')),
      x: Array.from({ length: 101 }, (_, i) => i),
    });
    const [c, x] = profileFrame(frame, null).columns;
    expect(x.count).toBe(101);
    expect(x.numeric).toMatchObject({
      min: 0,
      max: 100,
      mean: 50,
      p5: 5,
      p25: 25,
      p50: 50,
      p75: 75,
      p95: 95,
      iqr: 50,
    });
    expect(x.numeric!.mad).toBeCloseTo(25, 6);
    expect(x.numeric!.skewness).toBeCloseTo(0, 6);
    expect(x.numeric!.std).toBeCloseTo(29.3, 1);
    expect(x.numeric!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(101);
    expect(x.distinct).toBe(101);
    expect(c.topValues).toEqual([
      { value: 'b', count: 51 },
      { value: 'a', count: 50 },
    ]);
    expect(c.textLength).toEqual({ min: 1, mean: 1, max: 1 });
  });

  it('counts disguised missing values, duplicates and missing patterns', async () => {
    const frame = await frameOf('a,b,c\n1,,x\n1,,x\nN/A,2,\n4,?,y\n5,6,z\n');
    const p = profileFrame(frame, null);
    expect(p.duplicateRows).toBe(1);
    expect(p.columns[0].missing).toBe(1);
    expect(p.columns[0].disguisedMissing).toBe(1);
    expect(p.missingPatterns[0]).toEqual({ columns: ['b'], count: 2 });
    expect(p.missingTogether[1][1]).toBe(2);
  });

  it('raises alerts with a sentence each, and target associations', async () => {
    const frame = await frameOf(
      csvOf(
        'k,id,m,y,y2,cls',
        200,
        (i) =>
          `same,u${i},${i % 10 ? i % 7 : ''},${i % 50},${2 * (i % 50) + 1},${i % 20 ? 'major' : 'minor'}`,
      ),
    );
    const p = profileFrame(frame, 5);
    const kinds = p.alerts.map((a) => `${a.kind}:${a.column}`);
    expect(kinds, kinds.join(' ')).toEqual(
      expect.arrayContaining([
        'constant:k',
        'unique:id',
        'missing:m',
        'high-correlation:y',
        'imbalance:cls',
      ]),
    );
    expect(p.alerts.every((a) => a.message.endsWith('.'))).toBe(true);
    expect(p.targetAssociation.map((a) => a.column)).toEqual(['k', 'id', 'm', 'y', 'y2']);
  });

  it('copes with bad input: all missing, one row, identical values, no target', async () => {
    for (const csv of ['a,b\n,1\n,2\n', 'a,b\n1,x\n', 'a\n3\n3\n3\n']) {
      const p = profileFrame(await frameOf(csv), null);
      expect(p.columns.length).toBeGreaterThan(0);
      expect(p.targetAssociation).toEqual([]);
    }
    const allMissing = profileFrame(await frameOf('a,b\n,1\n,2\n'), null);
    expect(allMissing.alerts.map((a) => a.kind)).toContain('constant');
  });
});

describe('association measures', () => {
  it('is 1 for a perfect relation and near 0 for none', async () => {
    const frame = frameFromArrays({
      c: Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 'a' : 'b')),
      n: Array.from({ length: 120 }, (_, i) => i),
      m: Array.from({ length: 120 }, (_, i) => 3 * i),
      d: Array.from({ length: 120 }, (_, i) => ['p', 'q'][i % 2]),
    });
    const [c, n, m, d] = frame.columns;
    expect(association(n, m)).toMatchObject({ measure: 'pearson', value: 1 });
    expect(association(c, d).measure).toBe('cramers-v');
    expect(association(c, d).value).toBeLessThan(0.1);
    expect(association(n, c).measure).toBe('correlation-ratio');
    expect(imbalance([50, 50])).toBeCloseTo(0, 6);
    expect(imbalance([99, 1])).toBeGreaterThan(0.9);
  });
});
