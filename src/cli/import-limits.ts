/** The import limits of this CLI run, from `--max-record-chars` and `--max-columns` (any command). */
import type { RecordLimits } from '../core/table/record-limits';
import { UsageError, type Flags } from './args';

let current: Partial<RecordLimits> = {};

function positive(flags: Flags, name: string): number | undefined {
  const text = flags.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`--${name} must be a positive integer, got "${text}".`);
  return value;
}

/** Reads the limit flags; every later `loadCsv` applies them. */
export function setImportLimits(flags: Flags): void {
  const limits: Partial<RecordLimits> = {};
  const chars = positive(flags, 'max-record-chars');
  const columns = positive(flags, 'max-columns');
  if (chars !== undefined) limits.maxRecordChars = chars;
  if (columns !== undefined) limits.maxColumns = columns;
  current = limits;
}

/** The limits set by the flags (defaults for what they leave out). */
export function importLimits(): Partial<RecordLimits> {
  return current;
}
