import { createWriteStream } from 'node:fs';
import type { RankedRow } from '../core/impact/combine';
import { guardedCsvField, plainCsvField } from '../core/export/csv-guard';
import type { Frame } from '../core/table/frame';

const quote = (s: string): string => {
  const field = guardedCsvField(s);
  return field === s && /^\s|\s$/.test(s) ? `"${s}"` : field;
};

// The column and value fields hold the file's own names and values, exactly: a program (or the
// bench's scorer) applies them as they stand, and the guard's leading `'` would change the value
// ("-10.000)", a class of the income data, would become "'-10.000)"). They are quoted where
// RFC 4180 needs it; only the free-text reason is guarded.
const exactField = (s: string): string =>
  /^\s|\s$/.test(s) && !/[",\r\n]/.test(s) ? `"${s}"` : plainCsvField(s);

/** The action a ranking line proposes: what the app's Accept applies for this row. */
export interface LineAction {
  action: 'relabel' | 'set' | 'exclude' | 'review';
  /** Column name ('' for exclude, and for review without a column). */
  column: string;
  /** The new value as spelled in the file ('' = missing, for set). */
  value: string;
}

/** Spells a value of column `column` as the file does (class codes of yes/no columns, say). */
export type Spelling = (column: number, value: string) => string;

/**
 * How `frame` spells its values: a boolean column holds 0/1 (so its classes read "0" and "1"),
 * written in the file with its usual spellings ("no"/"yes"), which the frame keeps; other
 * values are already as written.
 */
export function frameSpelling(frame: Frame): Spelling {
  return (column, value) => {
    const col = frame.columns[column];
    const usual = col?.kind === 'number' ? col.variants?.usual : undefined;
    if (!usual) return value;
    return value === '0' || value === 'false'
      ? usual[0]
      : value === '1' || value === 'true'
        ? usual[1]
        : value;
  };
}

const asWritten: Spelling = (_column, value) => value;

/**
 * The suggestion of a ranked row in the ranking's words: relabel (column = the target, value =
 * the class), set (column, value; empty = missing), exclude, or review where there is no
 * concrete fix. `columnNames` names the training frame's columns by index.
 */
export function lineAction(
  r: RankedRow,
  columnNames: readonly string[],
  spell: Spelling = asWritten,
): LineAction {
  const op = r.suggestion;
  const name = (c: number | null) => (c === null || c < 0 ? '' : (columnNames[c] ?? ''));
  if (op?.kind === 'relabel')
    return { action: 'relabel', column: name(op.column), value: spell(op.column, op.value) };
  if (op?.kind === 'set-cell')
    return {
      action: 'set',
      column: name(op.column),
      value: op.value === null ? '' : spell(op.column, op.value),
    };
  if (op?.kind === 'exclude-row') return { action: 'exclude', column: '', value: '' };
  return { action: 'review', column: name(r.column), value: '' };
}

/** One ranking line: `row,score,reason,action,column,value`. */
export function rankLine(
  r: RankedRow,
  columnNames: readonly string[],
  spell: Spelling = asWritten,
): string {
  const a = lineAction(r, columnNames, spell);
  return [
    String(r.row),
    r.score.toFixed(6),
    quote(r.reason),
    a.action,
    exactField(a.column),
    exactField(a.value),
  ].join(',');
}

/** Writes the ranking, one line per row, most suspicious first (no header: the bench reads rows). */
export async function writeRanking(
  path: string,
  rows: readonly RankedRow[],
  columnNames: readonly string[],
  spell: Spelling = asWritten,
): Promise<void> {
  const out = createWriteStream(path);
  for (const r of rows)
    if (!out.write(`${rankLine(r, columnNames, spell)}\n`))
      await new Promise<void>((ok) => out.once('drain', () => ok()));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}
