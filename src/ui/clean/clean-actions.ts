/**
 * What each review action appends to the operation log, and the one commit path every action
 * takes: append through the data worker, tell the ranking, return its update. Plain TypeScript
 * (no runes) so the sequence is unit-tested against in-process clients.
 */
import type { LoggedOperation, Operation } from '../../core/clean/operations';
import { parseCellText } from '../../core/clean/parse-value';
import { validateOperation } from '../../core/clean/validate';
import type { DatasetMeta } from '../../core/table/types';
import type { PriorityUpdate, QueueItem } from '../../protocol/priority-methods';
import type { CleanDeps } from '../priority/heard-operations';

export type { CleanDeps } from '../priority/heard-operations';

/** A reviewer's decision on one queue item. */
export type CleanAction =
  | { kind: 'accept' }
  | { kind: 'edit'; column: number; text: string }
  | { kind: 'relabel'; column: number; label: string }
  | { kind: 'exclude' }
  | { kind: 'ok' }
  | { kind: 'skip' };

/** The operation an action appends, or why it cannot (shown inline; nothing is stored). */
export type PlannedAction = { op: Operation | null; error: null } | { op: null; error: string };

/** Plans `action` on `item`; a skip plans no operation. Edits are parsed as the column's type. */
export function planAction(
  action: CleanAction,
  item: QueueItem,
  dataset: Pick<DatasetMeta, 'columns' | 'rows'>,
): PlannedAction {
  const row = item.row;
  let op: Operation;
  switch (action.kind) {
    case 'skip':
      return { op: null, error: null };
    case 'accept':
      if (!item.suggestion) return { op: null, error: 'This row has no suggested repair.' };
      op = item.suggestion;
      break;
    case 'edit': {
      const meta = dataset.columns[action.column];
      if (!meta) return { op: null, error: `There is no column ${action.column}.` };
      const parsed = parseCellText(action.text, meta.type);
      if (parsed.kind === 'invalid') return { op: null, error: parsed.reason };
      op = {
        kind: 'set-cell',
        row,
        column: action.column,
        value: action.text === '' ? null : action.text,
      };
      break;
    }
    case 'relabel':
      op = { kind: 'relabel', row, column: action.column, value: action.label };
      break;
    case 'exclude':
      op = { kind: 'exclude-row', row };
      break;
    case 'ok':
      op = { kind: 'mark-reviewed', row };
      break;
  }
  const reason = validateOperation(op, dataset.columns, dataset.rows);
  return reason ? { op: null, error: reason } : { op, error: null };
}

/** The outcome of a commit: what was logged and how the ranking changed. */
export interface Committed {
  logged: LoggedOperation[];
  update: PriorityUpdate;
}

/**
 * Appends `ops` in order (each validated by the worker), then tells the ranking about them and
 * about `skipped` rows. When an append fails midway, the ops already logged are still noted.
 */
export async function commitOperations(
  deps: CleanDeps,
  datasetId: string,
  ops: readonly Operation[],
  skipped: number[] = [],
): Promise<Committed> {
  const logged: LoggedOperation[] = [];
  let failure: unknown = null;
  for (const op of ops) {
    try {
      logged.push(await deps.data.call('appendOperation', { id: datasetId, op }));
    } catch (error) {
      failure = error;
      break;
    }
  }
  for (const entry of logged) deps.heard?.add(entry.seq);
  if (logged.length > 0) deps.afterAppend?.(datasetId);
  const update = await deps.priority.call('noteOperations', {
    id: datasetId,
    ops: logged,
    ...(skipped.length > 0 ? { skipped } : {}),
  });
  if (failure) throw failure;
  return { logged, update };
}

/**
 * Undo or Redo: the data worker plans it from the log (core undo-redo) and appends it in one
 * transaction, so two tabs cannot both undo the same step; then the ranking hears of it.
 * Null when there is nothing to undo (or redo).
 */
export async function undoRedo(
  deps: CleanDeps,
  datasetId: string,
  which: 'undo' | 'redo',
): Promise<Committed | null> {
  const entry = await deps.data.call(which, { id: datasetId });
  if (!entry) return null;
  deps.heard?.add(entry.seq);
  deps.afterAppend?.(datasetId);
  const update = await deps.priority.call('noteOperations', { id: datasetId, ops: [entry] });
  return { logged: [entry], update };
}
