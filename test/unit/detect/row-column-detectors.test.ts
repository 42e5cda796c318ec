import { describe, expect, it } from 'vitest';
import { detectColumnIssues } from '../../../src/core/detect/columns';
import { detectDuplicates } from '../../../src/core/detect/duplicates';
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
});
