/**
 * Undo and Redo rebuilt from the log alone, so every tab and every reload agrees.
 *
 * Definition. Replaying the log in seq order keeps two stacks:
 * - an *action* is any entry not made by Undo/Redo: a data op, or a revert the user made by hand
 *   (e.g. reverting a middle step). An action is pushed on the undo stack and clears the redo
 *   stack ("nothing new was done since" is what keeps Redo available);
 * - `revert(target, via 'undo')` takes `target` off the undo stack and pushes itself on the redo
 *   stack;
 * - `revert(target, via 'redo')` takes `target` (an undo-made revert) off the redo stack and puts
 *   the entry that undo had reverted back on the undo stack, where a later Undo finds it again.
 * Undo then reverts the top active entry of the undo stack (the latest action by the user's
 * history order, a redone step counting from its redo); Redo reverts the top active entry of the
 * redo stack (the latest undo). Reverting an undo-made revert re-enables its target (activeSeqs).
 */
import { activeSeqs, bySeq } from './active-operations';
import type { LoggedOperation, Operation } from './operations';

/** What Undo and Redo would revert now: log seqs, null when unavailable. */
export interface UndoRedoState {
  /** The entry Undo reverts (a data op, or a hand-made revert, which Undo then cancels). */
  undo: number | null;
  /** The undo-made revert Redo reverts (re-enabling what that Undo had disabled). */
  redo: number | null;
}

/** Computes what Undo and Redo would revert, in one pass over the log. */
export function undoRedoState(log: readonly LoggedOperation[]): UndoRedoState {
  const sorted = bySeq(log);
  const entries = new Map<number, LoggedOperation>();
  const undoStack: number[] = [];
  let redoStack: number[] = [];
  for (const entry of sorted) {
    entries.set(entry.seq, entry);
    const op = entry.op;
    if (op.kind === 'revert' && op.via === 'undo') {
      removeLast(undoStack, op.target);
      redoStack.push(entry.seq);
    } else if (op.kind === 'revert' && op.via === 'redo') {
      removeLast(redoStack, op.target);
      const undone = entries.get(op.target)?.op;
      if (undone?.kind === 'revert') undoStack.push(undone.target);
    } else {
      undoStack.push(entry.seq);
      redoStack = [];
    }
  }
  // With logs written through undo()/redo() the tops are always active; skipping inactive
  // entries keeps a hand-edited or imported log from making Undo a no-op that re-enables a step.
  const active = activeSeqs(sorted);
  return { undo: topActive(undoStack, active), redo: topActive(redoStack, active) };
}

/** The revert to append for Undo, or null when there is nothing to undo. */
export function planUndo(log: readonly LoggedOperation[]): Operation | null {
  const target = undoRedoState(log).undo;
  return target === null ? null : { kind: 'revert', target, via: 'undo' };
}

/** The revert to append for Redo, or null when there is nothing to redo. */
export function planRedo(log: readonly LoggedOperation[]): Operation | null {
  const target = undoRedoState(log).redo;
  return target === null ? null : { kind: 'revert', target, via: 'redo' };
}

function removeLast(stack: number[], seq: number): void {
  const at = stack.lastIndexOf(seq);
  if (at >= 0) stack.splice(at, 1);
}

function topActive(stack: readonly number[], active: ReadonlySet<number>): number | null {
  for (let i = stack.length - 1; i >= 0; i--) if (active.has(stack[i])) return stack[i];
  return null;
}
