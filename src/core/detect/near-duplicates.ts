/**
 * Near-duplicate rows by the sorted-neighbourhood method (Hernández & Stolfo, SIGMOD 1995): rows
 * are blocked on their text cells (trimmed, lower-cased) and which numbers are missing, sorted
 * within a block on the numeric columns, and each row is compared with the next few. Two rows
 * are near copies when every number agrees within a relative tolerance; a second pass sorts on
 * the columns in reverse order, so a pair split by its first column is still seen. Pairs that are
 * exact copies are left to the exact pass.
 */
import type { Frame } from '../table/frame';

/** Two numbers agree when they differ by at most this share of the larger magnitude. */
export const NEAR_TOLERANCE = 0.001;
// Rows compared after each row in a sorted block.
const WINDOW = 4;

/** A row that nearly repeats an earlier one, with the largest numeric difference found. */
export interface NearPair {
  row: number;
  of: number;
  /** Column and both values where they differ most; null when only text case/spacing differs. */
  widest: { column: number; a: number; b: number } | null;
}

function close(a: number, b: number): boolean {
  if (a === b) return true;
  // Both missing agree; one missing never does (the block key already separates them).
  if (a !== a || b !== b) return a !== a && b !== b;
  return Math.abs(a - b) <= NEAR_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Near pairs within `blocks` (groups of rows sharing text and missingness); `exact` tells rows
 * already known as exact copies (never reported again). One pair per row: its earliest partner.
 */
export function nearPairs(
  frame: Frame,
  blocks: number[][],
  exact: ReadonlySet<number>,
): NearPair[] {
  const numeric: Float64Array[] = [];
  const indexes: number[] = [];
  frame.columns.forEach((col, c) => {
    if (col.kind === 'number') {
      numeric.push(col.values);
      indexes.push(c);
    }
  });
  const found = new Map<number, NearPair>();
  const consider = (a: number, b: number) => {
    const [first, second] = a < b ? [a, b] : [b, a];
    if (exact.has(second) || (found.get(second)?.of ?? Infinity) <= first) return;
    let widest: NearPair['widest'] = null;
    let spread = 0;
    for (let i = 0; i < numeric.length; i++) {
      const x = numeric[i][first];
      const y = numeric[i][second];
      if (!close(x, y)) return;
      const d = x === y || x !== x ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      if (d > spread) [spread, widest] = [d, { column: indexes[i], a: x, b: y }];
    }
    found.set(second, { row: second, of: first, widest });
  };
  const orders = numeric.length > 1 ? [numeric, [...numeric].reverse()] : [numeric];
  for (const block of blocks) {
    if (block.length < 2) continue;
    for (const columns of orders) {
      const sorted = Int32Array.from(block).sort((a, b) => {
        for (const v of columns) {
          const x = v[a];
          const y = v[b];
          if (x !== y) return x !== x ? 1 : y !== y ? -1 : x - y;
        }
        return a - b;
      });
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j <= i + WINDOW && j < sorted.length; j++)
          consider(sorted[i], sorted[j]);
    }
  }
  return [...found.values()].sort((x, y) => x.row - y.row);
}

// Near values differ past fmt's 6 digits: show up to 12.
const exact = (x: number) => String(+x.toPrecision(12));

/** One sentence on how `pair` differs. */
export function nearReason(frame: Frame, pair: NearPair): string {
  const w = pair.widest;
  if (!w) return `Row ${pair.row} equals row ${pair.of} up to case and spacing.`;
  return `Row ${pair.row} nearly repeats row ${pair.of}: the same text, and numbers within ${100 * NEAR_TOLERANCE}% (largest difference: ${frame.columns[w.column].meta.name} ${exact(w.b)} against ${exact(w.a)}).`;
}
