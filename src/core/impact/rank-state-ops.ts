/**
 * The operations a live ranking has heard, indexed for its updates: which rows an operation
 * touches (directly, or through a column transform or a false alarm that reaches the rows the
 * same detector flagged on the same column), and which column transforms and false alarms are
 * in effect now.
 */
import { unpackBatches } from '../clean/batch';
import type { ColumnTransform, LoggedOperation } from '../clean/operations';
import type { RowStatus } from './rank-state-types';
import type { CellEvidence } from './cell-signal';

/**
 * True when column-wide transform `t` repairs the cell `cell` flags: the transform its detector
 * suggested (same kind, overlapping values), a category map onto a typo's suggested spelling, or
 * any imputation of an empty cell.
 */
export function repairs(t: ColumnTransform, cell: CellEvidence): boolean {
  const op = cell.finding.suggestion;
  if (op?.kind === 'column-transform' && op.transform.kind === t.kind) {
    const wanted = op.transform;
    if (wanted.kind === 'replace-with-missing' && t.kind === 'replace-with-missing')
      return wanted.values.some((v) => t.values.includes(v));
    if (wanted.kind === 'map-categories' && t.kind === 'map-categories')
      return wanted.mapping.some(([from]) => t.mapping.some(([f]) => f === from));
    return true;
  }
  if (op?.kind === 'set-cell' && t.kind === 'map-categories')
    return t.mapping.some(([, to]) => to === op.value);
  return t.kind === 'impute' && cell.finding.detector === 'missing';
}

const keyOf = (cell: CellEvidence) => `${cell.finding.detector}|${cell.finding.column}`;

export class RowOps {
  readonly byRow = new Map<number, LoggedOperation[]>();
  /** The entries heard, as logged (a batch is one entry). */
  readonly log: LoggedOperation[] = [];
  /** The same with batches unpacked: each part keeps its batch's seq, so it follows its state. */
  private readonly parts: LoggedOperation[] = [];
  active = new Set<number>();
  /** detector|column → rows whose cell evidence it is; column → rows with evidence there. */
  private readonly byKey = new Map<string, number[]>();
  private readonly byColumn = new Map<number, number[]>();
  /** detector|column → rows marked OK now; column → transforms in effect now. */
  private alarms = new Map<string, Set<number>>();
  private transforms = new Map<number, ColumnTransform[]>();

  constructor(private readonly cells: readonly (CellEvidence | null)[]) {
    cells.forEach((c, r) => {
      if (!c || c.finding.column === null) return;
      push(this.byKey, keyOf(c), r);
      push(this.byColumn, c.finding.column, r);
    });
  }

  /** Takes in `fresh` entries and the new active set; returns the rows whose state may change. */
  note(fresh: readonly LoggedOperation[], active: Set<number>): Set<number> {
    const touched = new Set<number>();
    for (const entry of fresh) this.log.push(entry);
    for (const part of unpackBatches(fresh)) {
      this.parts.push(part);
      if ('row' in part.op) push(this.byRow, part.op.row, part);
    }
    const before = this.active;
    this.active = active;
    this.alarms = new Map();
    this.transforms = new Map();
    for (const entry of this.parts) {
      const { op } = entry;
      const on = active.has(entry.seq);
      if (on && op.kind === 'mark-reviewed') {
        const cell = this.cells[op.row];
        if (cell) {
          const rows = this.alarms.get(keyOf(cell)) ?? new Set<number>();
          this.alarms.set(keyOf(cell), rows.add(op.row));
        }
      }
      if (on && op.kind === 'column-transform') push(this.transforms, op.column, op.transform);
      if (on === before.has(entry.seq)) continue;
      // This entry changed state: reach every row it bears on.
      if (op.kind === 'column-transform')
        this.byColumn.get(op.column)?.forEach((r) => touched.add(r));
      else if ('row' in op) {
        touched.add(op.row);
        const cell = op.kind === 'mark-reviewed' ? this.cells[op.row] : null;
        if (cell) this.byKey.get(keyOf(cell))?.forEach((r) => touched.add(r));
      }
    }
    return touched;
  }

  /** Active operations on row `r`, in log order. */
  rowOps(r: number): LoggedOperation[] {
    return (this.byRow.get(r) ?? []).filter((e) => this.active.has(e.seq));
  }

  /** True when a transform in effect on the cell's column repairs what it flags. */
  transformed(cell: CellEvidence): boolean {
    const column = cell.finding.column;
    return column !== null && (this.transforms.get(column) ?? []).some((t) => repairs(t, cell));
  }

  /** False alarms in effect from other rows with the same detector and column as `cell`. */
  falseAlarms(cell: CellEvidence, r: number): number {
    const rows = this.alarms.get(keyOf(cell));
    return rows ? rows.size - (rows.has(r) ? 1 : 0) : 0;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What the active operations on one row add up to. */
export interface RowEffects {
  /** The row's class code now (-1: missing, or a class the ranking never saw). */
  label: number;
  relabelled: boolean;
  /** Columns whose cell was set (or repaired by a column transform). */
  fixedColumns: Set<number>;
  status: RowStatus;
}

/**
 * Sums up `ops` (the row's active operations) from the row as ranked; the strongest status wins:
 * excluded, then relabelled, fixed, OK, skipped.
 */
export function rowEffects(
  ops: readonly LoggedOperation[],
  row: {
    given: number;
    classes: readonly string[];
    skipped: boolean;
    /** Excluded before ranking. */
    excluded: boolean;
    /** Column of the flagged cell when a column transform in effect repairs it. */
    repaired: number | null;
  },
): RowEffects {
  let label = row.given;
  let relabelled = false;
  let excluded = row.excluded;
  let ok = false;
  const fixedColumns = new Set<number>();
  if (row.repaired !== null) fixedColumns.add(row.repaired);
  for (const { op } of ops) {
    if (op.kind === 'relabel') {
      label = row.classes.indexOf(op.value);
      relabelled = true;
    } else if (op.kind === 'set-cell') fixedColumns.add(op.column);
    else if (op.kind === 'exclude-row') excluded = true;
    else if (op.kind === 'mark-reviewed') ok = true;
  }
  const status: RowStatus = excluded
    ? 'excluded'
    : relabelled
      ? 'relabelled'
      : fixedColumns.size
        ? 'fixed'
        : ok
          ? 'ok'
          : row.skipped
            ? 'skipped'
            : 'open';
  return { label, relabelled, fixedColumns, status };
}
