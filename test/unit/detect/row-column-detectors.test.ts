import { describe, expect, it } from 'vitest';
import { detectColumnIssues } from '../../../src/core/detect/columns';
import { detectDuplicates } from '../../../src/core/detect/duplicates';
import { seededRandom, shuffleInPlace } from '../../../src/core/stats/rng';
import { csvOf, frameOf } from './helpers';

describe('duplicate detector', () => {
  it('flags exact, near and conflicting duplicates', async () => {
    const frame = await frameOf('a,b,y\n1,x,p\n1,x,p\n2,Y ,q\n2,y,q\n3,z,p\n3,z,q\n3,z,q\n');
    const found = detectDuplicates(frame, 2).findings;
    const of = (d: string) => found.filter((f) => f.detector === d).map((f) => f.row);
    expect(of('duplicate')).toEqual([1, 6]);
    expect(of('near-duplicate')).toEqual([3]);
    expect(of('conflicting-duplicate')).toEqual([4]);
    expect(found.find((f) => f.detector === 'conflicting-duplicate')!.suggestion).toEqual({
      kind: 'relabel',
      row: 4,
      column: 2,
      value: 'q',
    });
  });

  it('stays silent on distinct rows and without a target', async () => {
    const frame = await frameOf(csvOf('a,b', 20, (i) => `${i},v${i}`));
    expect(detectDuplicates(frame, null).findings).toEqual([]);
  });
});

describe('column detector', () => {
  it('flags constant, identifier and leaking columns', async () => {
    const frame = await frameOf(
      csvOf(
        'id,k,leak,x,y',
        60,
        (i) => `u${i},same,${i % 2 ? 'A' : 'B'},${(i * 7) % 5},${i % 2 ? 'yes' : 'no'}`,
      ),
    );
    const found = detectColumnIssues(frame, 4).findings;
    expect(found.map((f) => [f.column, f.detector])).toEqual([
      [0, 'identifier'],
      [1, 'constant'],
      [2, 'target-leak'],
    ]);
    expect(found.every((f) => f.row === -1)).toBe(true);
  });

  it('handles an all-missing column and stays silent on ordinary features', async () => {
    const frame = await frameOf(csvOf('e,x,c', 40, (i) => `,${i % 7},${['a', 'b', 'c'][i % 3]}`));
    expect(detectColumnIssues(frame, null).findings.map((f) => [f.column, f.detector])).toEqual([
      [0, 'constant'],
    ]);
  });

  it('calls a spread-out measurement a feature, not an identifier, and words match the numbers', async () => {
    const random = seededRandom(5);
    // Attrition-like: MonthlyRate has 97% distinct values (random integers 2,094–26,999);
    // Salary has a different value in every row but spread far wider than its 200 rows;
    // EmployeeNumber counts up with gaps; Badge holds 1–200 shuffled.
    const rows = 1470;
    const badges = shuffleInPlace(
      Int32Array.from({ length: rows }, (_, i) => i + 1),
      seededRandom(6),
    );
    let employee = 0;
    const frame = await frameOf(
      csvOf('MonthlyRate,Salary,EmployeeNumber,Badge', rows, (i) => {
        employee += 1 + (i % 3);
        const salary = 30_000 + i * 401 + Math.floor(random() * 400);
        return `${2094 + Math.floor(random() * 24_906)},${salary},${employee},${badges[i]}`;
      }),
    );
    const salaries = (frame.columns[1].values as Float64Array).slice();
    shuffleInPlace(salaries, seededRandom(7));
    (frame.columns[1].values as Float64Array).set(salaries);
    const found = detectColumnIssues(frame, null).findings;
    expect(found.map((f) => [frame.columns[f.column!].meta.name, f.detector])).toEqual([
      ['EmployeeNumber', 'identifier'],
      ['Badge', 'identifier'],
    ]);
    expect(found[0].reason).toMatch(/different value in every row, counting up row by row \(1–/);
    expect(found[1].reason).toMatch(/filling 100% of the whole numbers 1–1470/);
  });
});
