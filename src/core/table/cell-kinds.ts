/** Which cell kinds store as numbers under each numeric type, and numbers back to text. */
import {
  CELL_BOOL,
  CELL_DATE,
  CELL_FLOAT,
  CELL_INT,
  formatValue,
  type CellKind,
} from './parse-value';
import type { ColumnType } from './types';

/** The two kinds (possibly equal) that hold a value of numeric `type`. */
export function validKinds(type: ColumnType): [CellKind, CellKind] {
  if (type === 'boolean') return [CELL_BOOL, CELL_BOOL];
  if (type === 'date') return [CELL_DATE, CELL_DATE];
  return [CELL_INT, CELL_FLOAT];
}

/** Text for a cell whose raw text was not kept: its parsed value written back. */
export function cellKindText(kind: number, value: number): string {
  if (kind === CELL_BOOL) return formatValue(value, 'boolean');
  if (kind === CELL_DATE) return formatValue(value, 'date');
  if (kind === CELL_INT || kind === CELL_FLOAT) return formatValue(value, 'float');
  return '';
}
