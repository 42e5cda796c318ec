/**
 * The operations a live ranking has heard, indexed for its updates: which rows an operation
 * touches (directly, or through a column transform or a false alarm that reaches the rows the
 * same detector flagged on the same column), and which column transforms and false alarms are
 * in effect now.
 */
import type { ColumnTransform, LoggedOperation } from '../clean/operations';
import type { CellEvidence } from './cell-signal';

/** Detectors whose flagged cells a column-wide transform of this kind repairs. */
const REPAIRED_BY: Record<ColumnTransform['kind'], readonly string[]> = {
  impute: ['missing'],
  'replace-with-missing': ['disguised-missing', 'type-mismatch'],
  'map-categories': ['typo'],
  trim: [],
};

const keyOf = (cell: CellEvidence) => `${cell.finding.detector}|${cell.finding.column}`;

export class RowOps {
  readonly byRow = new Map<number, LoggedOperation[]>();
  readonly log: LoggedOperation[] = [];
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
    for (const entry of fresh) {
      this.log.push(entry);
      const row = 'row' in entry.op ? entry.op.row : -1;
      if (row >= 0) push(this.byRow, row, entry);
    }
    const before = this.active;
    this.active = active;
    this.alarms = new Map();
    this.transforms = new Map();
    for (const entry of this.log) {
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

  /** True when a transform in effect on the cell's column repairs what its detector flagged. */
  transformed(cell: CellEvidence): boolean {
    const column = cell.finding.column;
    if (column === null) return false;
    const suggested = cell.finding.suggestion;
    return (this.transforms.get(column) ?? []).some((t) => {
      if (!REPAIRED_BY[t.kind].includes(cell.finding.detector)) return false;
      // A category map repairs a typo only when it maps onto the suggested spelling.
      if (t.kind !== 'map-categories' || suggested?.kind !== 'set-cell') return true;
      return t.mapping.some(([, to]) => to === suggested.value);
    });
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
