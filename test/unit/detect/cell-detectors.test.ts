import { describe, expect, it } from 'vitest';
import { validateOperation } from '../../../src/core/clean/validate';
import { detectMissing } from '../../../src/core/detect/missing';
import { detectOutliers } from '../../../src/core/detect/outliers';
import { detectTypeMismatch } from '../../../src/core/detect/type-mismatch';
import { detectTypos } from '../../../src/core/detect/typos';
import { rowScores } from '../../../src/core/detect/types';
import { csvOf, frameFromArrays, frameOf } from './helpers';

// Ages 20..59 and incomes around 1000: a clean bulk for every numeric detector.
const base = (i: number) =>
  `${20 + (i % 40)},${900 + ((i * 37) % 200)},${i % 3 === 0 ? 'red' : 'blue'}`;

describe('missing detector', () => {
  it('suggests a fill computed from the data: median for numbers, the most frequent value for text', async () => {
    const frame = await frameOf(
      csvOf('age,score,colour,when', 41, (i) =>
        i === 0
          ? ',,,'
          : `${20 + ((i * 7) % 40)},${(i * 0.5).toFixed(1)},${i % 3 ? 'blue' : 'red'},2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      ),
    );
    const fills = detectMissing(frame)
      .findings.filter((f) => f.row === 0)
      .map((f) => f.suggestion);
    expect(fills).toEqual([
      {
        kind: 'column-transform',
        column: 0,
        transform: { kind: 'impute', strategy: 'median', value: '40' },
      },
      {
        kind: 'column-transform',
        column: 1,
        transform: { kind: 'impute', strategy: 'median', value: '10.25' },
      },
      {
        kind: 'column-transform',
        column: 2,
        transform: { kind: 'impute', strategy: 'mode', value: 'blue' },
      },
      {
        kind: 'column-transform',
        column: 3,
        transform: {
          kind: 'impute',
          strategy: 'median',
          value: expect.stringMatching(/^2024-01-\d\d/),
        },
      },
    ]);
    for (const op of fills)
      expect(
        validateOperation(
          op!,
          frame.columns.map((c) => c.meta),
          frame.rows,
        ),
      ).toBeNull();
  });

  it('offers no fill for a column with no value at all', () => {
    const found = detectMissing(frameFromArrays({ x: [null, null, null], y: [1, 2, 3] })).findings;
    expect(found.length).toBe(3);
    expect(found.every((f) => f.suggestion === null)).toBe(true);
  });

  it('flags empty cells, placeholder words and a repeated far-away code', async () => {
    const frame = await frameOf(
      csvOf('age,income,colour', 200, (i) =>
        i === 3
          ? ',950,red'
          : i === 4
            ? 'N/A,950,red'
            : i === 5
              ? '30,950,unknown'
              : i % 50 === 7
                ? '-999,950,red'
                : base(i),
      ),
    );
    const found = detectMissing(frame).findings;
    const at = (row: number) => found.filter((f) => f.row === row).map((f) => f.detector);
    expect(at(3)).toEqual(['missing']);
    expect(at(4)).toEqual(['disguised-missing']);
    expect(at(5)).toEqual(['disguised-missing']);
    expect(at(7)).toEqual(['disguised-missing']);
    expect(found.find((f) => f.row === 7)!.suggestion).toEqual({
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'replace-with-missing', values: ['-999'] },
    });
    expect(found.every((f) => f.score >= 0 && f.score <= 1 && f.reason.length > 0)).toBe(true);
  });

  it('stays silent on clean data and on a lone extreme value', async () => {
    const frame = await frameOf(
      csvOf('age,income,colour', 100, (i) => (i === 9 ? '20,99999,red' : base(i))),
    );
    expect(detectMissing(frame).findings).toEqual([]);
  });

  it('copes with a column that is missing in every row', async () => {
    const frame = await frameOf(csvOf('a,b', 5, (i) => `${i},`));
    expect(detectMissing(frame).findings.filter((f) => f.column === 1)).toHaveLength(5);
  });
});

describe('type-mismatch detector', () => {
  it('flags unparsable numbers, salvages "12 kg" and leaves placeholders alone', async () => {
    const frame = await frameOf(
      csvOf('w,x', 300, (i) =>
        i === 1
          ? '12 kg,1'
          : i === 2
            ? 'Infinity,1'
            : i === 3
              ? '1e309,1'
              : i === 4
                ? 'NaN,1'
                : i === 5
                  ? '?,1'
                  : `${i},1`,
      ),
    );
    const found = detectTypeMismatch(frame).findings;
    expect(found.map((f) => f.row).sort()).toEqual([1, 2, 3]);
    expect(found.find((f) => f.row === 1)!.suggestion).toEqual({
      kind: 'set-cell',
      row: 1,
      column: 0,
      value: '12',
    });
    expect(found.find((f) => f.row === 2)!.suggestion).toMatchObject({ value: null });
  });
});

describe('outlier detector', () => {
  it('calls a × 1000 value a unit error and proposes value / 1000', async () => {
    const frame = await frameOf(
      csvOf('age,income,colour', 300, (i) => (i === 10 ? '30000,950,red' : base(i))),
    );
    const found = detectOutliers(frame).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      row: 10,
      column: 0,
      detector: 'unit-error',
      suggestion: { kind: 'set-cell', row: 10, column: 0, value: '30' },
    });
    const scores = rowScores(found, frame.rows);
    expect(scores[10]).toBeGreaterThan(0.5);
    expect(scores[11]).toBe(0);
  });

  it('does not call values near zero "10 times too small" in a signed column centred on zero', () => {
    const values = Array.from({ length: 2000 }, (_, i) => +(Math.sin(i * 12.9898) * 3).toFixed(3));
    const found = detectOutliers(frameFromArrays({ x: values })).findings;
    expect(found.filter((f) => f.detector === 'unit-error')).toEqual([]);
  });

  it('stays silent on clean data, identical values and a one-row dataset', async () => {
    expect(detectOutliers(await frameOf(csvOf('age,income,colour', 300, base))).findings).toEqual(
      [],
    );
    expect(detectOutliers(await frameOf(csvOf('a', 50, () => '7'))).findings).toEqual([]);
    expect(detectOutliers(await frameOf('a,b\n1,x\n')).findings).toEqual([]);
  });
});

describe('typo detector', () => {
  it('maps case variants and a swapped-letter slip onto the frequent value', async () => {
    const frame = await frameOf(
      csvOf('job,n', 120, (i) =>
        i === 1 ? 'FIXED,1' : i === 2 ? 'ifxed,1' : i % 2 ? 'fixed,1' : 'partime,1',
      ),
    );
    const found = detectTypos(frame).findings;
    expect(found.map((f) => f.row).sort()).toEqual([1, 2]);
    expect(found[0].suggestion).toMatchObject({
      kind: 'column-transform',
      transform: { kind: 'map-categories', mapping: [[expect.any(String), 'fixed']] },
    });
  });

  it('stays silent on distinct real categories and on 10,000 distinct values', async () => {
    expect(
      detectTypos(await frameOf(csvOf('c', 90, (i) => ['north', 'south', 'east'][i % 3]))).findings,
    ).toEqual([]);
    const many = await frameOf(csvOf('c', 10000, (i) => `item-${i}`));
    expect(detectTypos(many).findings).toEqual([]);
  });
});
