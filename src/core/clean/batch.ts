/**
 * Batches: several data operations logged as one entry, so a group fix is one step of the
 * history (one line, one Undo). Replay and every per-row consumer see a batch through
 * unpackBatches: its parts, in order, each carrying the batch's seq, so reverting the batch
 * (one seq) turns all of them off at once.
 */
import type { DataOperation, LoggedOperation, Operation } from './operations';

/** A log entry holding one data operation (a batch's part, or a plain entry). */
export type DataEntry = Omit<LoggedOperation, 'op'> & { op: DataOperation };

/** The entries with each batch replaced by its parts (same seq, at and dataset); others kept. */
export function unpackBatches(entries: readonly LoggedOperation[]): LoggedOperation[] {
  if (!entries.some((e) => e.op.kind === 'batch')) return entries as LoggedOperation[];
  const out: LoggedOperation[] = [];
  for (const entry of entries) {
    if (entry.op.kind !== 'batch') out.push(entry);
    else for (const op of entry.op.ops) out.push({ ...entry, op });
  }
  return out;
}

/** True for the kinds a batch may hold (not a revert, not a batch). */
export function isDataOperation(op: Operation): op is DataOperation {
  return op.kind !== 'revert' && op.kind !== 'batch';
}

/** The data operations `op` stands for: a batch's parts, a data op itself, none for a revert. */
export function partsOf(op: Operation): readonly DataOperation[] {
  if (op.kind === 'batch') return op.ops;
  return isDataOperation(op) ? [op] : [];
}

/** Distinct rows the operations name (column transforms name none). */
export function rowsOf(ops: readonly DataOperation[]): number[] {
  const rows = new Set<number>();
  for (const op of ops) if ('row' in op) rows.add(op.row);
  return [...rows];
}

/**
 * The one entry to log for `ops` made together: the op itself when there is one, else a batch
 * labelled in words (`columnName` names a column index).
 */
export function asOneStep(
  ops: readonly DataOperation[],
  columnName: (column: number) => string,
): Operation | null {
  if (ops.length === 0) return null;
  if (ops.length === 1) return ops[0];
  return { kind: 'batch', label: batchLabel(ops, columnName), ops: [...ops] };
}

/** A group of changes in words with its row count, e.g. `Relabel “species” → “Adelie” on 12 rows`. */
export function batchLabel(
  ops: readonly DataOperation[],
  columnName: (column: number) => string,
): string {
  const rows = rowsOf(ops).length;
  const onRows = `on ${plural(rows, 'row')}`;
  const first = ops[0];
  const same = first && ops.every((op) => op.kind === first.kind);
  if (same && (first.kind === 'set-cell' || first.kind === 'relabel')) {
    const cells = ops as ReadonlyArray<typeof first>;
    if (cells.every((op) => op.column === first.column)) {
      const column = `“${columnName(first.column)}”`;
      const verb = first.kind === 'relabel' ? 'Relabel' : 'Set';
      const oneValue = cells.every((op) => op.value === first.value);
      if (!oneValue)
        return `${verb} ${column} ${onRows}, each to its suggested ${first.kind === 'relabel' ? 'class' : 'value'}`;
      if (first.value === null) return `Make ${column} missing ${onRows}`;
      return `${verb} ${column} → “${first.value}” ${onRows}`;
    }
  }
  if (same && first.kind === 'exclude-row') return `Exclude ${plural(rows, 'row')}`;
  if (same && first.kind === 'mark-reviewed') return `Mark ${plural(rows, 'row')} as reviewed (OK)`;
  const steps = ops.length - ops.filter((op) => 'row' in op).length;
  const columnSteps = steps > 0 ? ` and ${plural(steps, 'column step')}` : '';
  return `Group fix: ${plural(ops.length, 'change')} ${onRows}${columnSteps}`;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
