import type { ColumnMeta, ColumnType } from './types';

/** Metadata with zeroed statistics, for a column built in memory rather than imported. */
export function blankColumnMeta(index: number, name: string, type: ColumnType): ColumnMeta {
  return {
    index,
    name,
    originalName: name,
    type,
    missingCount: 0,
    invalidCount: 0,
    distinctCount: 0,
    distinctCapped: false,
    maxLength: 0,
  };
}
