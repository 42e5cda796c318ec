/** Text for the Issues tab: suggested fixes (log operations) and row labels, in words. */
import type { ColumnTransform, Operation } from '../../core/clean/operations';

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;

/** A list of at most `max` items in words: "a, b and 3 more". */
function listed(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join('');
}

function transformText(t: ColumnTransform, column: string): string {
  switch (t.kind) {
    case 'replace-with-missing':
      return `In ${column}, treat ${listed(t.values.map(quote))} as missing`;
    case 'trim':
      return `Trim spaces around the values of ${column}`;
    case 'map-categories':
      return `In ${column}, replace ${listed(t.mapping.map(([from, to]) => `${quote(from)} with ${quote(to)}`))}`;
    case 'impute':
      return `Fill the missing values of ${column} with the ${t.strategy} (${quote(t.value)})`;
  }
}

/** A suggested fix in words; `columns` are the dataset's column names by index. */
export function describeSuggestion(op: Operation | null, columns: readonly string[]): string {
  const name = (c: number) => columns[c] ?? `column ${c + 1}`;
  const row = (r: number) => rowLabel(r);
  if (!op) return 'Review by hand: no automatic fix';
  switch (op.kind) {
    case 'set-cell':
      return op.value === null
        ? `Make ${name(op.column)} in row ${row(op.row)} missing`
        : `Set ${name(op.column)} in row ${row(op.row)} to ${quote(op.value)}`;
    case 'relabel':
      return `Relabel ${name(op.column)} in row ${row(op.row)} as ${quote(op.value)}`;
    case 'exclude-row':
      return `Exclude row ${row(op.row)}`;
    case 'mark-reviewed':
      return `Mark row ${row(op.row)} as reviewed`;
    case 'column-transform':
      return transformText(op.transform, name(op.column));
    case 'revert':
      return `Revert step ${op.target}`;
    case 'batch':
      return op.label;
  }
}

/**
 * A finding's row as the Table tab numbers it: 0-based, like the CLI, recipes and the reasons the
 * detectors write ("row 1021"); column-level findings have none.
 */
export function rowLabel(row: number): string {
  return row < 0 ? 'whole column' : row.toLocaleString('en-US');
}
