import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/core/clean/operations';
import { validateOperation } from '../../../src/core/clean/validate';
import { columnMeta } from './helpers';

const columns = [
  columnMeta(0, 'age', 'integer'),
  columnMeta(1, 'city', 'categorical'),
  columnMeta(2, 'price', 'float'),
  columnMeta(3, 'label', 'boolean'),
  columnMeta(4, 'seen', 'date'),
];
const check = (op: Operation, seq = 10) =>
  validateOperation({ datasetId: 'd', seq, at: 0, op }, columns, 100);

describe('validateOperation', () => {
  it('accepts well-formed ops', () => {
    const ok: Operation[] = [
      { kind: 'set-cell', row: 0, column: 0, value: '42' },
      { kind: 'set-cell', row: 99, column: 1, value: 'Paris' },
      { kind: 'set-cell', row: 5, column: 2, value: null },
      { kind: 'set-cell', row: 5, column: 4, value: '2024-02-29' },
      { kind: 'relabel', row: 1, column: 3, value: 'true' },
      { kind: 'exclude-row', row: 3 },
      { kind: 'mark-reviewed', row: 3 },
      { kind: 'column-transform', column: 1, transform: { kind: 'trim' } },
      {
        kind: 'column-transform',
        column: 0,
        transform: { kind: 'replace-with-missing', values: ['-999'] },
      },
      {
        kind: 'column-transform',
        column: 1,
        transform: { kind: 'map-categories', mapping: [['NY', 'New York']] },
      },
      {
        kind: 'column-transform',
        column: 2,
        transform: { kind: 'impute', strategy: 'median', value: '3.5' },
      },
      { kind: 'revert', target: 9 },
      { kind: 'revert', target: 1, via: 'undo' },
    ];
    for (const op of ok) expect(check(op), JSON.stringify(op)).toBeNull();
  });

  it('refuses rows and columns out of range', () => {
    expect(check({ kind: 'set-cell', row: 100, column: 0, value: '1' })).toMatch(
      /Row 100 does not exist.*100 rows/,
    );
    expect(check({ kind: 'exclude-row', row: -1 })).toMatch(/Row -1/);
    expect(check({ kind: 'mark-reviewed', row: 1.5 })).toMatch(/Row 1.5/);
    expect(check({ kind: 'set-cell', row: 0, column: 5, value: '1' })).toMatch(
      /no column 5.*5 columns/,
    );
    expect(check({ kind: 'relabel', row: 0, column: 7, value: 'x' })).toMatch(
      /no column 7 to relabel/,
    );
    expect(check({ kind: 'column-transform', column: -1, transform: { kind: 'trim' } })).toMatch(
      /no column -1/,
    );
  });

  it('refuses text that does not fit a numeric column, saying why', () => {
    expect(check({ kind: 'set-cell', row: 0, column: 0, value: 'abc' })).toMatch(
      /“abc” is not a number.*whole numbers/,
    );
    expect(check({ kind: 'set-cell', row: 0, column: 0, value: '1.5' })).toMatch(
      /not a whole number/,
    );
    expect(check({ kind: 'set-cell', row: 0, column: 2, value: '1,5' })).toMatch(
      /dot as the decimal separator/,
    );
    expect(check({ kind: 'set-cell', row: 0, column: 4, value: '2023-02-30' })).toMatch(
      /not a date/,
    );
    expect(check({ kind: 'relabel', row: 0, column: 3, value: 'maybe' })).toMatch(/yes\/no/);
    expect(check({ kind: 'relabel', row: 0, column: 1, value: '  ' })).toMatch(
      /label cannot be empty/,
    );
    const impute: Operation = {
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'impute', strategy: 'mean', value: 'n/a' },
    };
    expect(check(impute)).toMatch(/Cannot fill missing cells of “age”/);
    const map: Operation = {
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'map-categories', mapping: [['1', 'one']] },
    };
    expect(check(map)).toMatch(/Cannot map “1”/);
  });

  it('refuses empty or malformed transforms', () => {
    const empty: Operation = {
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'replace-with-missing', values: [] },
    };
    expect(check(empty)).toMatch(/at least one value/);
    const bad = {
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'explode' },
    } as unknown as Operation;
    expect(check(bad)).toMatch(/not a known column change/);
    expect(check({ kind: 'nope' } as unknown as Operation)).toMatch(/not a known kind/);
  });

  it('refuses reverts of itself, of a later or non-existing step', () => {
    expect(check({ kind: 'revert', target: 10 }, 10)).toMatch(/cannot revert itself/);
    expect(check({ kind: 'revert', target: 11 }, 10)).toMatch(/no step #11.*9 steps/);
    expect(check({ kind: 'revert', target: 0 }, 10)).toMatch(/no step #0/);
  });

  it('checks a bare operation too (no seq yet)', () => {
    expect(validateOperation({ kind: 'revert', target: 3 }, columns, 100)).toBeNull();
    expect(
      validateOperation({ kind: 'set-cell', row: 0, column: 0, value: 'x' }, columns, 100),
    ).not.toBeNull();
  });
});
