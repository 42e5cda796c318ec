/** Minimal RFC 4180 CSV writing for CLI outputs, with the project's formula guard on text. */
import { guardedCsvField } from '../core/export/csv-guard';

/** Numbers as numbers; text quoted when needed and guarded against formula injection. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return guardedCsvField(value);
}

/** One CSV line (no line break). */
export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvField).join(',');
}
