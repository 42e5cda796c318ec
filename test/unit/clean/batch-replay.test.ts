import { describe, expect, it } from 'vitest';
import { activeOperations, activeSeqs } from '../../../src/core/clean/active-operations';
import { applyOperationsToChunk } from '../../../src/core/clean/apply-chunk';
import type { DataOperation, LoggedOperation, Operation } from '../../../src/core/clean/operations';
import { rowFlags } from '../../../src/core/clean/row-flags';
import { undoRedoState } from '../../../src/core/clean/undo-redo';
import {
  append,
  cellsOf,
  logOf,
  numericChunk,
  press,
  set,
  stringChunk,
  transform,
} from './helpers';

const batch = (...ops: DataOperation[]): Operation => ({ kind: 'batch', label: 'group', ops });
const cell = (row: number, value: string): DataOperation => ({
  kind: 'set-cell',
  row,
  column: 0,
  value,
});
const cells = (log: LoggedOperation[]) =>
  cellsOf(applyOperationsToChunk(numericChunk('integer', [0, 1, 2, 3, 4, 5]), 0, 0, log));

describe('a batch in the log', () => {
  it('is one entry whose parts replay in order, each with the batch seq', () => {
    const log = logOf(set(0, '10'), batch(cell(1, '11'), cell(2, '12')));
    expect(log).toHaveLength(2);
    expect(activeOperations(log).map((e) => [e.seq, e.op.kind])).toEqual([
      [1, 'set-cell'],
      [2, 'set-cell'],
      [2, 'set-cell'],
    ]);
    expect(cells(log)).toEqual([10, 11, 12, 3, 4, 5]);
  });

  it('reverted from the middle of the log, restores every row it changed and keeps later steps', () => {
    const group = batch(cell(1, '11'), cell(3, '13'), cell(4, '14'));
    let log = logOf(set(0, '10'), group, set(5, '15'), set(3, '33'));
    expect(cells(log)).toEqual([10, 11, 2, 33, 14, 15]);
    log = append(log, { kind: 'revert', target: 2 });
    expect(cells(log)).toEqual([10, 1, 2, 33, 4, 15]);
    expect(activeOperations(log).map((e) => e.seq)).toEqual([1, 3, 4]);
    // Reverting the revert brings the whole group back.
    log = append(log, { kind: 'revert', target: 5 });
    expect(cells(log)).toEqual([10, 11, 2, 33, 14, 15]);
  });

  it('keeps the order of its parts between a cell edit and a transform of the same column', () => {
    const chunk = stringChunk('text', [' a ', 'b']);
    const trim = transform({ kind: 'trim' }) as DataOperation;
    const editThenTrim = logOf(batch(cell(1, ' c '), trim));
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, editThenTrim))).toEqual(['a', 'c']);
    const trimThenEdit = logOf(batch(trim, cell(1, ' c ')));
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, trimThenEdit))).toEqual(['a', ' c ']);
  });

  it('sets and clears row flags of all its rows at once', () => {
    const log = logOf(
      batch({ kind: 'exclude-row', row: 1 }, { kind: 'exclude-row', row: 9 }),
      batch({ kind: 'mark-reviewed', row: 2 }, { kind: 'mark-reviewed', row: 8 }),
    );
    const flags = rowFlags(log, 0, 10);
    expect([...flags.excluded]).toEqual([0b10, 0b10]);
    expect([...flags.reviewed]).toEqual([0b100, 0b1]);
    const reverted = rowFlags(append(log, { kind: 'revert', target: 1 }), 0, 10);
    expect([...reverted.excluded]).toEqual([0, 0]);
    expect([...reverted.reviewed]).toEqual([0b100, 0b1]);
  });

  it('is undone and redone as one step', () => {
    let log = logOf(set(0, '10'), batch(cell(1, '11'), cell(2, '12'), cell(3, '13')));
    expect(undoRedoState(log)).toEqual({ undo: 2, redo: null });
    log = press(log, 'undo');
    expect(log.at(-1)!.op).toEqual({ kind: 'revert', target: 2, via: 'undo' });
    expect(cells(log)).toEqual([10, 1, 2, 3, 4, 5]);
    expect([...activeSeqs(log)].sort()).toEqual([1, 3]);
    log = press(log, 'redo');
    expect(cells(log)).toEqual([10, 11, 12, 13, 4, 5]);
    // The next Undo takes the whole group back again, then the single edit before it.
    log = press(log, 'undo');
    expect(cells(log)).toEqual([10, 1, 2, 3, 4, 5]);
    log = press(log, 'undo');
    expect(cells(log)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
