import { describe, expect, it } from 'vitest';
import { detectDuplicates } from '../../../src/core/detect/duplicates';
import { seededRandom } from '../../../src/core/stats/rng';
import { csvOf, frameOf } from './helpers';

const near = async (csv: string) =>
  detectDuplicates(await frameOf(csv), null).findings.filter(
    (f) => f.detector === 'near-duplicate',
  );

describe('near-duplicate rows', () => {
  it('finds a row that repeats another up to rounding and case, and says where they differ', async () => {
    const csv = csvOf('income,age,city', 60, (i) =>
      i === 41
        ? '52000.04,37,  lyon'
        : i === 17
          ? '52000,37,Lyon'
          : `${30000 + i * 997},${20 + (i % 40)},${['Paris', 'Lyon', 'Nice'][i % 3]}`,
    );
    const found = await near(csv);
    expect(found.map((f) => f.row)).toEqual([41]);
    expect(found[0].reason).toMatch(/row 17/);
    expect(found[0].reason).toMatch(/income 52000\.04 against 52000/);
    expect(found[0].suggestion).toEqual({ kind: 'exclude-row', row: 41 });
  });

  it('finds the pair even when many rows sort between them on the first column', async () => {
    // Rows 5 and 90 agree on b within 0.01% but differ slightly on a; 40 rows lie between them on a.
    const csv = csvOf('a,b', 100, (i) =>
      i === 5 ? '1000,777.7' : i === 90 ? '1000.5,777.71' : `${1000 + (i % 40) / 100},${i * 13}`,
    );
    expect((await near(csv)).map((f) => f.row)).toEqual([90]);
  });

  it('stays silent on distinct rows: 1% apart, another category, or a missing value', async () => {
    const rand = seededRandom(4);
    const distinct = csvOf('x,y,g', 300, (i) => {
      const base = 100 * 1.01 ** i;
      return `${base.toFixed(3)},${(rand() * 1000).toFixed(2)},${i % 2 ? 'a' : 'b'}`;
    });
    expect(await near(distinct)).toEqual([]);
    expect(await near('x,g\n5,a\n5,b\n6,a\n')).toEqual([]);
    expect(await near('x,y\n5,\n5,1\n')).toEqual([]);
    // Integer grids (letters-like) repeat values column by column without being copies.
    const grid = csvOf('p,q,r', 200, (i) => `${i % 7},${i % 11},${i % 13}`);
    expect(await near(grid)).toEqual([]);
  });

  it('leaves exact copies to the exact pass', async () => {
    const found = detectDuplicates(await frameOf('x,y\n1,a\n1,a\n2,b\n'), null).findings;
    expect(found.map((f) => [f.row, f.detector])).toEqual([[1, 'duplicate']]);
  });
});
