import { describe, expect, it } from 'vitest';
import { activeOperations } from '../../../src/core/clean/active-operations';
import type { LoggedOperation, Operation } from '../../../src/core/clean/operations';
import { planRedo, planUndo, undoRedoState } from '../../../src/core/clean/undo-redo';
import { append, logOf, press } from './helpers';

const edit = (row: number): Operation => ({ kind: 'set-cell', row, column: 0, value: String(row) });
const active = (log: LoggedOperation[]) => activeOperations(log).map((o) => o.seq);

describe('undo and redo', () => {
  it('has nothing to undo or redo on an empty log', () => {
    expect(undoRedoState([])).toEqual({ undo: null, redo: null });
    expect(planUndo([])).toBeNull();
    expect(planRedo([])).toBeNull();
  });

  it('undoes the latest op first, then the one before', () => {
    let log = logOf(edit(0), edit(1), edit(2));
    log = press(log, 'undo');
    expect(log.at(-1)!.op).toEqual({ kind: 'revert', target: 3, via: 'undo' });
    expect(active(log)).toEqual([1, 2]);
    log = press(log, 'undo');
    expect(active(log)).toEqual([1]);
    expect(undoRedoState(log)).toEqual({ undo: 1, redo: 5 });
  });

  it('redoes in reverse order of the undos, then has nothing left to redo', () => {
    let log = logOf(edit(0), edit(1), edit(2));
    log = press(press(log, 'undo'), 'undo'); // seqs 4 (reverts 3), 5 (reverts 2)
    log = press(log, 'redo');
    expect(log.at(-1)!.op).toEqual({ kind: 'revert', target: 5, via: 'redo' });
    expect(active(log)).toEqual([1, 2]);
    log = press(log, 'redo');
    expect(active(log)).toEqual([1, 2, 3]);
    expect(planRedo(log)).toBeNull();
  });

  it('undoes a redone step again (undo after redo)', () => {
    let log = press(press(logOf(edit(0), edit(1)), 'undo'), 'redo');
    expect(active(log)).toEqual([1, 2]);
    expect(undoRedoState(log).undo).toBe(2);
    log = press(log, 'undo');
    expect(active(log)).toEqual([1]);
    log = press(log, 'redo');
    expect(active(log)).toEqual([1, 2]);
  });

  it('a new op after an undo clears redo', () => {
    let log = press(logOf(edit(0), edit(1)), 'undo');
    expect(planRedo(log)).not.toBeNull();
    log = append(log, edit(5));
    expect(planRedo(log)).toBeNull();
    expect(undoRedoState(log).undo).toBe(4);
  });

  it('a hand-made revert of a middle step is itself undoable, and redoable', () => {
    let log = logOf(edit(0), edit(1), edit(2), { kind: 'revert', target: 2 });
    expect(active(log)).toEqual([1, 3]);
    log = press(log, 'undo'); // cancels the revert: step 2 is back
    expect(log.at(-1)!.op).toEqual({ kind: 'revert', target: 4, via: 'undo' });
    expect(active(log)).toEqual([1, 2, 3]);
    log = press(log, 'redo'); // the revert applies again
    expect(active(log)).toEqual([1, 3]);
    log = press(log, 'undo');
    expect(active(log)).toEqual([1, 2, 3]);
    log = press(log, 'undo'); // now the latest data op
    expect(active(log)).toEqual([1, 2]);
  });

  it('undoing everything, then redoing everything, restores the state', () => {
    let log = logOf(edit(0), edit(1), edit(2), edit(3));
    for (let i = 0; i < 4; i++) log = press(log, 'undo');
    expect(active(log)).toEqual([]);
    expect(planUndo(log)).toBeNull();
    for (let i = 0; i < 4; i++) log = press(log, 'redo');
    expect(active(log)).toEqual([1, 2, 3, 4]);
    expect(planRedo(log)).toBeNull();
  });

  it('skips a stack entry a hand-edited log has already disabled', () => {
    // A redo-marked revert of a data op is malformed: it disables step 2 without touching the stacks.
    const log = logOf(edit(0), edit(1), { kind: 'revert', target: 2, via: 'redo' });
    expect(undoRedoState(log).undo).toBe(1);
  });
});
