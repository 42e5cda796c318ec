/**
 * Operations and recipe steps in words, for the history panel and the replay report. Rows are
 * 0-based, as everywhere in the app; values are quoted so a blank or a space stays visible.
 */
import type { ColumnTransform, Operation } from '../clean/operations';

const quote = (text: string) => `“${text}”`;
const shown = (value: string | null) => (value === null ? 'missing' : quote(value));

/** A column transform in words, e.g. `Trim spaces in “city”`. */
export function describeTransform(column: string, transform: ColumnTransform): string {
  switch (transform.kind) {
    case 'replace-with-missing':
      return `Make ${transform.values.map(quote).join(', ')} missing in ${quote(column)}`;
    case 'trim':
      return `Trim spaces in ${quote(column)}`;
    case 'map-categories':
      return `In ${quote(column)}, replace ${transform.mapping
        .map(([from, to]) => `${quote(from)} → ${quote(to)}`)
        .join(', ')}`;
    case 'impute':
      return `Fill missing ${quote(column)} with ${quote(transform.value)} (${transform.strategy})`;
  }
}

/**
 * An operation in words; `columnName` names a column index (the dataset's columns) and
 * `rowName` may add context to a row number.
 */
export function describeOperation(
  op: Operation,
  columnName: (column: number) => string,
  rowName: (row: number) => string = (row) => `row ${row}`,
): string {
  switch (op.kind) {
    case 'set-cell':
      return `Set ${quote(columnName(op.column))} of ${rowName(op.row)} to ${shown(op.value)}`;
    case 'relabel':
      return `Relabel ${rowName(op.row)}: ${quote(columnName(op.column))} = ${quote(op.value)}`;
    case 'exclude-row':
      return `Exclude ${rowName(op.row)}`;
    case 'mark-reviewed':
      return `Mark ${rowName(op.row)} as reviewed (OK)`;
    case 'column-transform':
      return describeTransform(columnName(op.column), op.transform);
    case 'batch':
      return op.label;
    case 'revert':
      if (op.via === 'undo') return `Undo step #${op.target}`;
      if (op.via === 'redo') return `Redo (cancels step #${op.target})`;
      return `Revert step #${op.target}`;
  }
}
