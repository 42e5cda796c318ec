/** The operation log as the History panel lists it: newest first, in words, active or not. */
import { activeSeqs } from '../../core/clean/active-operations';
import type { LoggedOperation } from '../../core/clean/operations';
import { undoRedoState, type UndoRedoState } from '../../core/clean/undo-redo';
import { describeOperation } from '../../core/recipe/describe';
import type { ColumnMeta } from '../../core/table/types';

/** One line of the history. */
export interface HistoryEntry {
  seq: number;
  /** Epoch ms. */
  at: number;
  text: string;
  /** False once reverted (shown struck through); reverting it again restores it. */
  active: boolean;
  /** Undo, redo and revert records: listed, but they change no data themselves. */
  isRevert: boolean;
}

/** The history lines of `log`, newest first, and what Undo and Redo would do. */
export function historyOf(
  log: readonly LoggedOperation[],
  columns: readonly ColumnMeta[],
): { entries: HistoryEntry[]; undoRedo: UndoRedoState } {
  const active = activeSeqs(log);
  const name = (column: number) => columns[column]?.name ?? `column ${column}`;
  const entries = log
    .map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      text: describeOperation(entry.op, name),
      active: active.has(entry.seq),
      isRevert: entry.op.kind === 'revert',
    }))
    .sort((a, b) => b.seq - a.seq);
  return { entries, undoRedo: undoRedoState(log) };
}

/** When, in words: the time for today, else the date and time. */
export function whenText(at: number, now = Date.now()): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}
