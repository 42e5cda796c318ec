/**
 * Row-level operations (exclude-row, mark-reviewed) of one chunk as bitmaps. Both are set-like:
 * two excludes of a row are one exclusion; undoing one is a revert, not an "include" op.
 */
import { lowerBound, toIndex, type OperationIndex } from './op-index';
import type { LoggedOperation } from './operations';

/** Per-row flags of one chunk as bitmaps (bit i = row chunkStartRow + i, as the missing bitmap). */
export function rowFlags(
  ops: readonly LoggedOperation[] | OperationIndex,
  chunkStartRow: number,
  rows: number,
): { excluded: Uint8Array; reviewed: Uint8Array } {
  const index = toIndex(ops);
  return {
    excluded: bitmapOf(index.excludedRows, chunkStartRow, rows),
    reviewed: bitmapOf(index.reviewedRows, chunkStartRow, rows),
  };
}

function bitmapOf(sortedRows: readonly number[], start: number, rows: number): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(rows / 8));
  const end = start + rows;
  const identity = (row: number) => row;
  for (let i = lowerBound(sortedRows, start, identity); i < sortedRows.length; i++) {
    const row = sortedRows[i] - start;
    if (sortedRows[i] >= end) break;
    bitmap[row >> 3] |= 1 << (row & 7);
  }
  return bitmap;
}
