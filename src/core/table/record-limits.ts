/**
 * Limits on one CSV record, so that a hostile or broken file (one endless line, a quote never
 * closed, a line of 170,000 commas) is refused early at bounded memory instead of hanging.
 * Both are adjustable: `importCsv` takes `limits`, the CLI `--max-record-chars`/`--max-columns`.
 */
import { CleanroomError } from '../errors';

/** The most one record may hold. */
export interface RecordLimits {
  /** Characters in one record, line ends inside quotes included. */
  maxRecordChars: number;
  /** Fields in one record. */
  maxColumns: number;
}

/**
 * 16 Mi characters: far above any real row (a cell of a million characters already warns), yet
 * small enough that a file of one line is refused after reading ~16 MB. 16,384 columns: Excel's
 * own maximum.
 */
export const DEFAULT_RECORD_LIMITS: RecordLimits = {
  maxRecordChars: 16 * 1024 * 1024,
  maxColumns: 16_384,
};

/** `limits` over the defaults, refusing values that are not positive integers. */
export function recordLimits(limits: Partial<RecordLimits> = {}): RecordLimits {
  const out = { ...DEFAULT_RECORD_LIMITS, ...limits };
  for (const [name, value] of Object.entries(out)) {
    if (!Number.isInteger(value) || value < 1)
      throw new CleanroomError('internal', `The import limit ${name} must be a positive integer.`);
  }
  return out;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The one-line refusal for a record longer than the limit. */
export function recordTooLarge(line: number, limit: number, quoted: boolean): CleanroomError {
  const why = quoted
    ? `the record starting on line ${n(line)} is longer than ${n(limit)} characters (the record-size limit), probably because a quote opened there is never closed`
    : `line ${n(line)} is longer than ${n(limit)} characters (the record-size limit)`;
  return new CleanroomError(
    'over-limit',
    `This file was not read: ${why}. If it really holds records this long, raise the limit (--max-record-chars); otherwise check that it is a CSV file.`,
  );
}

/** The one-line refusal for a record with more fields than the limit. */
export function tooManyColumns(line: number, limit: number): CleanroomError {
  return new CleanroomError(
    'over-limit',
    `This file was not read: line ${n(line)} has more than ${n(limit)} fields (the column limit). Check the delimiter and quotes of that line, or raise the limit (--max-columns).`,
  );
}
