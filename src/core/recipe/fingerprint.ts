/**
 * Row fingerprints: a 64-bit hash of a row's original (source) cell texts, so a recipe's row
 * fixes find "the same row" in another file whatever its position. Pure JS (two 32-bit lanes in
 * the style of cyrb53, extended to 64 bits), no crypto API: core runs everywhere. Each cell is
 * fed as its length (0 for missing, length + 1 otherwise) followed by its UTF-16 code units, so
 * ["a,b"] and ["a", "b"], or "" and missing, never feed the same sequence.
 */
import { formatValue } from '../table/parse-value';
import type { Frame, FrameColumn } from '../table/frame';

/** Text of one frame cell as the table shows it: null when missing, raw text when unparsed. */
export function frameCellText(column: FrameColumn, row: number): string | null {
  const invalid = column.invalid.get(row);
  if (invalid !== undefined) return invalid;
  if (column.kind === 'string') return column.values[row];
  const value = column.values[row];
  return value === value ? formatValue(value, column.meta.type) : null;
}

/** The two 32-bit lanes of the last hash (module scratch: no allocation per row). */
const lanes = new Uint32Array(2);

/** Hashes `cells` into `lanes` ([0] = low word, [1] = high word). */
function hashCells(cells: readonly (string | null)[]): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const cell of cells) {
    const length = cell === null ? 0 : cell.length + 1;
    h1 = Math.imul(h1 ^ length, 2654435761);
    h2 = Math.imul(h2 ^ length, 1597334677);
    if (cell === null) continue;
    for (let i = 0; i < cell.length; i++) {
      const unit = cell.charCodeAt(i);
      h1 = Math.imul(h1 ^ unit, 2654435761);
      h2 = Math.imul(h2 ^ unit, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lanes[0] = h1;
  lanes[1] = h2;
}

/** 16 hex digits identifying `cells` (in this order). */
export function fingerprintCells(cells: readonly (string | null)[]): string {
  hashCells(cells);
  return hex(lanes[1]) + hex(lanes[0]);
}

/** A frame's rows as buildRecipe reads them (all columns, source texts). */
export function frameSourceRows(frame: Frame): {
  rows: number;
  cells(row: number): (string | null)[];
} {
  return { rows: frame.rows, cells: (row) => frame.columns.map((c) => frameCellText(c, row)) };
}

/**
 * Adds the fingerprints of rows [firstRow, firstRow + rows) to `index` (fingerprint → rows,
 * ascending when bands come in order). `cellAt(i, r)` is the text of the i-th fingerprint column
 * at row r of the band. With `wanted`, only those fingerprints are kept: a replay looks up a
 * few thousand among a million rows.
 */
export function indexFingerprints(
  index: Map<string, number[]>,
  firstRow: number,
  rows: number,
  width: number,
  cellAt: (i: number, row: number) => string | null,
  wanted?: ReadonlySet<string>,
): Map<string, number[]> {
  const cells = new Array<string | null>(width);
  // Most rows are not wanted: test the low word first, and write hex only for candidates.
  const lows = wanted ? new Set([...wanted].map((key) => parseInt(key.slice(8), 16))) : null;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < width; i++) cells[i] = cellAt(i, r);
    hashCells(cells);
    if (lows && !lows.has(lanes[0])) continue;
    const key = hex(lanes[1]) + hex(lanes[0]);
    if (wanted && !wanted.has(key)) continue;
    const list = index.get(key);
    if (list) list.push(firstRow + r);
    else index.set(key, [firstRow + r]);
  }
  return index;
}

/** Fingerprint → rows over every row of `frame` (see indexFingerprints). */
export function fingerprintIndex(
  frame: Frame,
  columns: readonly number[],
  wanted?: ReadonlySet<string>,
): Map<string, number[]> {
  const cellAt = (i: number, row: number) => frameCellText(frame.columns[columns[i]], row);
  return indexFingerprints(new Map(), 0, frame.rows, columns.length, cellAt, wanted);
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
