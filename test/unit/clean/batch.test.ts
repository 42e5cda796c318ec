import { describe, expect, it } from 'vitest';
import { asOneStep, batchLabel, rowsOf } from '../../../src/core/clean/batch';
import type { DataOperation, Operation } from '../../../src/core/clean/operations';
import { validateOperation } from '../../../src/core/clean/validate';
import { columnMeta } from './helpers';

const columns = [columnMeta(0, 'species', 'categorical'), columnMeta(1, 'mass', 'integer')];
const name = (c: number) => columns[c].name;
const relabel = (row: number, value = 'Adelie'): DataOperation => ({
  kind: 'relabel',
  row,
  column: 0,
  value,
});
const batch = (ops: unknown[], label = 'Group fix'): Operation =>
  ({ kind: 'batch', label, ops }) as Operation;

describe('validateOperation on a batch', () => {
  it('accepts a batch of valid row fixes and column transforms', () => {
    const ops = [
      relabel(0),
      { kind: 'set-cell', row: 2, column: 1, value: '4100' },
      { kind: 'exclude-row', row: 3 },
      { kind: 'mark-reviewed', row: 4 },
      { kind: 'column-transform', column: 0, transform: { kind: 'trim' } },
    ];
    expect(validateOperation(batch(ops), columns, 5)).toBeNull();
  });

  it('refuses the whole batch when one part is invalid, naming the part, its row and why', () => {
    const reason = validateOperation(
      batch([relabel(0), { kind: 'set-cell', row: 2, column: 1, value: 'heavy' }], 'Fix mass'),
      columns,
      5,
    );
    expect(reason).toMatch(/^Change 2 of 2 in “Fix mass” cannot apply, so nothing was stored:/);
    expect(reason).toMatch(/row 2 of “mass”/);
    expect(reason).toMatch(/not a number/);
    const missingRow = validateOperation(batch([relabel(0), relabel(9)]), columns, 5);
    expect(missingRow).toMatch(/Change 2 of 2 .*Row 9 does not exist/);
  });

  it('refuses reverts and nested batches inside a batch', () => {
    expect(
      validateOperation(batch([relabel(0), { kind: 'revert', target: 1 }]), columns, 5),
    ).toMatch(/Change 2 of 2 .* is a revert/);
    const nested = batch([batch([relabel(0), relabel(1)])]);
    expect(validateOperation(nested, columns, 5)).toMatch(/Change 1 of 1 .* another group step/);
  });

  it('refuses an empty batch, one without a description, and parts that are not operations', () => {
    expect(validateOperation(batch([]), columns, 5)).toMatch(/at least one change/);
    expect(validateOperation(batch([relabel(0)], ' '), columns, 5)).toMatch(/description/);
    expect(validateOperation({ kind: 'batch', label: 'x' } as Operation, columns, 5)).toMatch(
      /at least one change/,
    );
    expect(validateOperation(batch([null]), columns, 5)).toMatch(/not an operation/);
    expect(validateOperation(batch([{ kind: 'explode' }]), columns, 5)).toMatch(/not a known kind/);
  });
});

describe('batch words', () => {
  it('says what a group of fixes does, with its row count', () => {
    const same = [relabel(1), relabel(4), relabel(7)];
    expect(batchLabel(same, name)).toBe('Relabel “species” → “Adelie” on 3 rows');
    expect(batchLabel([relabel(1), relabel(2, 'Gentoo')], name)).toBe(
      'Relabel “species” on 2 rows, each to its suggested class',
    );
    const masses: DataOperation[] = [2, 3].map((row) => ({
      kind: 'set-cell',
      row,
      column: 1,
      value: null,
    }));
    expect(batchLabel(masses, name)).toBe('Make “mass” missing on 2 rows');
    const excludes: DataOperation[] = [1, 2, 2].map((row) => ({ kind: 'exclude-row', row }));
    expect(batchLabel(excludes, name)).toBe('Exclude 2 rows');
    const oks: DataOperation[] = [5].map((row) => ({ kind: 'mark-reviewed', row }));
    expect(batchLabel([...oks, ...oks], name)).toBe('Mark 1 row as reviewed (OK)');
    const mixed: DataOperation[] = [
      relabel(1),
      { kind: 'exclude-row', row: 2 },
      { kind: 'column-transform', column: 0, transform: { kind: 'trim' } },
    ];
    expect(batchLabel(mixed, name)).toBe('Group fix: 3 changes on 2 rows and 1 column step');
    expect(rowsOf(mixed)).toEqual([1, 2]);
  });

  it('logs one op as itself, several as one labelled batch, none as nothing', () => {
    expect(asOneStep([], name)).toBeNull();
    expect(asOneStep([relabel(1)], name)).toEqual(relabel(1));
    expect(asOneStep([relabel(1), relabel(2)], name)).toEqual({
      kind: 'batch',
      label: 'Relabel “species” → “Adelie” on 2 rows',
      ops: [relabel(1), relabel(2)],
    });
  });
});
