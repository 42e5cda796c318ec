import { describe, expect, it } from 'vitest';
import type { LoggedOperation, Operation } from '../../../../src/core/clean/operations';
import { historyOf } from '../../../../src/ui/history/history-entries';
import { columnMeta } from '../../cells';

const columns = [columnMeta(0, 'age', 'integer'), columnMeta(1, 'city', 'categorical')];
const log = (...ops: Operation[]): LoggedOperation[] =>
  ops.map((op, i) => ({ datasetId: 'd', seq: i + 1, at: 1_000 + i, op }));

describe('historyOf', () => {
  it('lists the log newest first in words, reverted steps inactive, with undo and redo targets', () => {
    const { entries, undoRedo } = historyOf(
      log(
        { kind: 'set-cell', row: 4, column: 0, value: '41' },
        { kind: 'exclude-row', row: 7 },
        { kind: 'column-transform', column: 1, transform: { kind: 'trim' } },
        { kind: 'revert', target: 2 },
        { kind: 'revert', target: 3, via: 'undo' },
      ),
      columns,
    );
    expect(entries.map((e) => [e.seq, e.text, e.active, e.isRevert])).toEqual([
      [5, 'Undo step #3', true, true],
      [4, 'Revert step #2', true, true],
      [3, 'Trim spaces in “city”', false, false],
      [2, 'Exclude row 7', false, false],
      [1, 'Set “age” of row 4 to “41”', true, false],
    ]);
    expect(undoRedo).toEqual({ undo: 4, redo: 5 });
  });

  it('lists a batch as one line in its own words, undone as one step', () => {
    const ops = [3, 5, 8].map((row) => ({
      kind: 'relabel' as const,
      row,
      column: 1,
      value: 'Oslo',
    }));
    const made = log(
      { kind: 'exclude-row', row: 1 },
      { kind: 'batch', label: 'Relabel “city” → “Oslo” on 3 rows', ops },
    );
    expect(historyOf(made, columns).entries.map((e) => [e.seq, e.text, e.active])).toEqual([
      [2, 'Relabel “city” → “Oslo” on 3 rows', true],
      [1, 'Exclude row 1', true],
    ]);
    expect(historyOf(made, columns).undoRedo.undo).toBe(2);
    const undone = historyOf(
      [
        ...made,
        { datasetId: 'd', seq: 3, at: 2_000, op: { kind: 'revert', target: 2, via: 'undo' } },
      ],
      columns,
    );
    expect(undone.entries.map((e) => [e.seq, e.active])).toEqual([
      [3, true],
      [2, false],
      [1, true],
    ]);
    expect(undone.undoRedo).toEqual({ undo: 1, redo: 3 });
  });
});
