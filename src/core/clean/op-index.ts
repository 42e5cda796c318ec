/**
 * Active operations indexed once by column and row, so replaying onto one chunk costs a binary
 * search plus the ops that touch it, not a scan of the whole log per chunk or per row.
 */
import { activeOperations, bySeq, hasReverts } from './active-operations';
import { unpackBatches } from './batch';
import type { ColumnTransform, LoggedOperation } from './operations';

/** A set-cell or relabel, reduced to what replay needs. */
export interface CellEdit {
  seq: number;
  /** Place among the active ops once batches are unpacked: orders a batch's parts (one seq). */
  order: number;
  row: number;
  /** New text; null = make the cell missing. */
  value: string | null;
}

/** A column transform with its place in the log. */
export interface TransformEntry {
  seq: number;
  /** As CellEdit.order. */
  order: number;
  transform: ColumnTransform;
}

/** Active operations grouped for replay; build with indexOperations, reuse across chunks. */
export interface OperationIndex {
  readonly kind: 'operation-index';
  /** column → transforms in seq order. */
  transforms: Map<number, TransformEntry[]>;
  /** column → cell edits sorted by row, then seq. */
  cells: Map<number, CellEdit[]>;
  /** Rows of exclude-row ops, ascending (duplicates allowed). */
  excludedRows: number[];
  /** Rows of mark-reviewed ops, ascending (duplicates allowed). */
  reviewedRows: number[];
}

/** Indexes active ops; a raw log (still holding reverts) is resolved with activeOperations first. */
export function indexOperations(ops: readonly LoggedOperation[]): OperationIndex {
  const active = hasReverts(ops) ? activeOperations(ops) : unpackBatches(bySeq(ops));
  const index: OperationIndex = {
    kind: 'operation-index',
    transforms: new Map(),
    cells: new Map(),
    excludedRows: [],
    reviewedRows: [],
  };
  active.forEach(({ seq, op }, order) => {
    switch (op.kind) {
      case 'set-cell':
      case 'relabel':
        listFor(index.cells, op.column).push({ seq, order, row: op.row, value: op.value });
        break;
      case 'column-transform':
        listFor(index.transforms, op.column).push({ seq, order, transform: op.transform });
        break;
      case 'exclude-row':
        index.excludedRows.push(op.row);
        break;
      case 'mark-reviewed':
        index.reviewedRows.push(op.row);
        break;
    }
  });
  // Stable sort: edits of one row keep their log order.
  for (const edits of index.cells.values()) edits.sort((a, b) => a.row - b.row);
  index.excludedRows.sort((a, b) => a - b);
  index.reviewedRows.sort((a, b) => a - b);
  return index;
}

/** Accepts either form so one-off callers can pass the ops array directly. */
export function toIndex(ops: readonly LoggedOperation[] | OperationIndex): OperationIndex {
  return isIndex(ops) ? ops : indexOperations(ops);
}

/** Cell edits of `column` with rows in [start, end), in log order (the order to apply them). */
export function cellEditsIn(
  index: OperationIndex,
  column: number,
  start: number,
  end: number,
): CellEdit[] {
  const edits = index.cells.get(column);
  if (!edits) return [];
  const slice = edits.slice(
    lowerBound(edits, start, (e) => e.row),
    lowerBound(edits, end, (e) => e.row),
  );
  return slice.sort((a, b) => a.order - b.order);
}

/** First position in `sorted` whose key is >= `value`. */
export function lowerBound<T>(
  sorted: readonly T[],
  value: number,
  key: (item: T) => number,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isIndex(ops: readonly LoggedOperation[] | OperationIndex): ops is OperationIndex {
  return !Array.isArray(ops) && (ops as OperationIndex).kind === 'operation-index';
}

function listFor<T>(map: Map<number, T[]>, key: number): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
