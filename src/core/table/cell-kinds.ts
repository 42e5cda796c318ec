/** The kinds a cell's text can parse as, and which of them each numeric type stores. */
import type { ColumnType } from './types';

/** What a cell's text parses as; the values index per-column counters. */
export type CellKind = 0 | 1 | 2 | 3 | 4 | 5;
/** Empty or whitespace-only: a missing cell. */
export const CELL_EMPTY = 0;
/** Whole number written without `.` or exponent. */
export const CELL_INT = 1;
/** Number with a fraction or exponent. */
export const CELL_FLOAT = 2;
/** true/false, yes/no, t/f, y/n in any case. */
export const CELL_BOOL = 3;
/** ISO date (YYYY-MM-DD or YYYY/MM/DD) with optional time and zone. */
export const CELL_DATE = 4;
/** Anything else, including `Infinity`, `NaN` and `1e309` (finite numbers only). */
export const CELL_OTHER = 5;

/** The two kinds (possibly equal) that hold a value of numeric `type`. */
export function validKinds(type: ColumnType): [CellKind, CellKind] {
  if (type === 'boolean') return [CELL_BOOL, CELL_BOOL];
  if (type === 'date') return [CELL_DATE, CELL_DATE];
  return [CELL_INT, CELL_FLOAT];
}
