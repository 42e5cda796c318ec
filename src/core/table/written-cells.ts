/**
 * What an encoded chunk keeps besides its values so every cell comes back as written: the cells
 * whose text differs from their value rendered in the column's style, and the usual yes/no
 * spellings with the cells spelled otherwise.
 */
import { CELL_BOOL, CELL_DATE, CELL_EMPTY, validKinds } from './cell-kinds';
import type { DictCells, EncodedColumn } from './column-encode';
import type { ColumnType } from './types';
import { dateTemplate, rendersAsWritten } from './value-style';

/** Records the cells kept as written (when there are any), counting their bytes. */
export function addWritten(out: EncodedColumn, rows: number[], text: string[]): EncodedColumn {
  if (rows.length === 0) return out;
  out.written = { rows: Uint32Array.from(rows), text };
  out.bytes += rows.length * 4 + text.reduce((sum, t) => sum + t.length * 2, 0);
  return out;
}

/**
 * Per dictionary entry, 1 when its text differs from its value rendered in the column's style
 * (blank-but-not-empty entries included); and the date shape, from the first date entry.
 */
export function writtenEntries(
  cells: DictCells,
  type: ColumnType,
): { entryWritten: Uint8Array; dateStyle: string | null } {
  const { dictionary, entryKinds, entryValues } = cells;
  const [a, b] = validKinds(type);
  let date = cells.dateTemplate;
  if (type === 'date' && date === null) {
    const first = dictionary.findIndex((_, e) => entryKinds[e] === CELL_DATE);
    if (first >= 0) date = dateTemplate(dictionary[first]);
  }
  const style = { decimalComma: cells.decimalComma, bool: null, date };
  const entryWritten = new Uint8Array(dictionary.length);
  for (let e = 0; e < dictionary.length; e++) {
    const kind = entryKinds[e];
    if (kind === CELL_EMPTY) entryWritten[e] = dictionary[e] === '' ? 0 : 1;
    else if ((kind === a || kind === b) && kind !== CELL_BOOL)
      entryWritten[e] = rendersAsWritten(dictionary[e], kind, entryValues[e], style) ? 0 : 1;
  }
  return { entryWritten, dateStyle: type === 'date' ? date : null };
}

/** The most frequent spelling of each boolean value, and the rows spelled otherwise. */
export function dictVariants(cells: DictCells): NonNullable<EncodedColumn['variants']> {
  const { rows, codes, dictionary, entryKinds, entryValues, entryCounts } = cells;
  const best = [-1, -1];
  for (let e = 0; e < dictionary.length; e++) {
    if (entryKinds[e] !== CELL_BOOL) continue;
    const v = entryValues[e];
    if (best[v] < 0 || entryCounts[e] > entryCounts[best[v]]) best[v] = e;
  }
  const variantRows: number[] = [];
  const text: string[] = [];
  for (let r = 0; r < rows; r++) {
    const e = codes[r];
    if (entryKinds[e] === CELL_BOOL && e !== best[entryValues[e]]) {
      variantRows.push(r);
      text.push(dictionary[e]);
    }
  }
  const usual: [string, string] = [
    best[0] < 0 ? '' : dictionary[best[0]],
    best[1] < 0 ? '' : dictionary[best[1]],
  ];
  return { usual, rows: Uint32Array.from(variantRows), text };
}
