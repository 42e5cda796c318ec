import { guardedCsvField } from '../core/export/csv-guard';
import type { Finding } from '../core/detect/types';
import { describeOperation } from '../core/recipe/describe';
import type { Frame } from '../core/table/frame';

/** Guarded like every CSV the project writes; edge spaces quoted too, so readers keep them. */
const quote = (s: string): string => {
  const field = guardedCsvField(s);
  return field === s && /^\s|\s$/.test(s) ? `"${s}"` : field;
};

/** Header of the findings file. */
export const FINDINGS_HEADER = 'row,column,detector,score,reason,suggestion';

/**
 * One CSV line: row empty for column-level findings, column empty for row-level ones; the
 * suggested fix in words, naming columns as the file does.
 */
export function findingLine(frame: Frame, f: Finding): string {
  return [
    f.row >= 0 ? String(f.row) : '',
    f.column === null ? '' : quote(frame.columns[f.column].meta.name),
    f.detector,
    f.score.toFixed(4),
    quote(f.reason),
    f.suggestion
      ? quote(describeOperation(f.suggestion, (column) => frame.columns[column].meta.name))
      : '',
  ].join(',');
}
