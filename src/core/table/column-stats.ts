/**
 * Cumulative per-column facts over every row imported so far, and the type they imply.
 * The chunk builder updates them chunk by chunk; the type is re-derived after each chunk.
 */
import { NumberSet } from './number-set';
import type { ColumnType } from './types';

/** Distinct values are counted exactly up to this many, then `distinctCapped` is set. */
export const DISTINCT_CAP = 100_000;
/** Share of non-empty cells that must parse for a column to be numeric, boolean or date. */
export const PARSE_SHARE = 0.95;
/**
 * A column is still numeric down to this share when the cells that do not parse are a few
 * repeated tokens ("N/A", "?", "unknown", a typo'd word): those are errors or disguised missing
 * values to flag, not categories. Typical of dirty data, and what a cleaning tool must catch.
 */
export const TOKEN_PARSE_SHARE = 0.8;
/** At most this many distinct non-numeric texts count as "a few tokens". */
export const MAX_TOKENS = 5;
/** An identifier needs at least this many rows: a handful of unique values proves nothing. */
export const IDENTIFIER_MIN_ROWS = 20;
/** Cells at least this long are counted for the 'large-field' warning (1 M characters). */
export const LARGE_FIELD = 1_000_000;

/** Integer columns named like keys: `id`, `user_id`, `userId`, `key`, `uuid`, `row id`. */
const ID_NAME = /^(?:id|key|uuid|guid|index)$|[\s_.-](?:id|key|uuid)$|^(?:id|key)[\s_.-]/i;
const CAMEL_ID = /[a-z]I[dD]$/;

/** Counters for one column; `rows` counts every cell, empty ones included. */
export class ColumnStats {
  rows = 0;
  empty = 0;
  int = 0;
  float = 0;
  bool = 0;
  date = 0;
  other = 0;
  maxLength = 0;
  largeFields = 0;
  /** Total length and how many contain a space, over 'other' (non-parsing) cells only. */
  otherLength = 0;
  otherWithSpace = 0;
  /** Distinct values: numbers (parsed cells) and strings (text cells) counted apart. */
  readonly distinctNumbers = new NumberSet();
  readonly distinctStrings = new Set<string>();
  distinctCapped = false;
  /** A value was seen twice (checked exactly until the cap, then within each chunk). */
  hasDuplicate = false;
  /** Every integer so far was the previous one plus 1 (a row number). */
  consecutive = true;
  lastInt = NaN;

  /** Distinct values so far (a lower bound once `distinctCapped`). */
  get distinctCount(): number {
    return this.distinctNumbers.size + this.distinctStrings.size;
  }

  /** Counts `value` as distinct; strings are copied so they do not pin a whole text chunk. */
  addDistinct(value: string | number): void {
    if (this.distinctCapped) return;
    if (typeof value === 'number') {
      if (this.distinctNumbers.has(value)) this.hasDuplicate = true;
      else if (this.distinctCount >= DISTINCT_CAP) this.distinctCapped = true;
      else this.distinctNumbers.add(value);
      return;
    }
    const set = this.distinctStrings;
    if (set.has(value)) this.hasDuplicate = true;
    else if (this.distinctCount >= DISTINCT_CAP) this.distinctCapped = true;
    else set.add(detach(value));
  }
}

/**
 * V8 keeps a slice of 13+ chars as a view on its parent string (here a megabyte of CSV text);
 * concatenating and re-slicing flattens it into its own small copy.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Numeric storage type implied by the counts alone, or null for a string column. */
export function numericTypeOf(s: ColumnStats): ColumnType | null {
  const nonEmpty = s.rows - s.empty;
  if (nonEmpty === 0) return null;
  const need = nonEmpty * PARSE_SHARE;
  const numbers = s.int + s.float;
  const fewTokens = !s.distinctCapped && s.distinctStrings.size <= MAX_TOKENS;
  if (numbers >= need || (fewTokens && numbers >= nonEmpty * TOKEN_PARSE_SHARE)) {
    return s.float > 0 ? 'float' : 'integer';
  }
  if (s.bool >= need) return 'boolean';
  if (s.date >= need) return 'date';
  return null;
}

/**
 * The column's logical type:
 * - integer/float/boolean/date when ≥ 95% of non-empty cells parse as one (float once any
 *   number has a fraction or exponent); numbers also from 80% when the rest is ≤ 5 distinct
 *   tokens (disguised missing values and typos, kept as unparsed cells);
 * - identifier for unique integers named like a key or counting up by one, and for unique
 *   short strings (≥ 20 rows);
 * - text for long values (average > 50 chars, or ≥ 20 with spaces in most) or more than 1,000
 *   distinct values making up over half the cells;
 * - categorical otherwise (and for a column with no values at all, text).
 */
export function inferType(s: ColumnStats, name: string): ColumnType {
  const nonEmpty = s.rows - s.empty;
  if (nonEmpty === 0) return 'text';
  const unique = !s.hasDuplicate && nonEmpty >= IDENTIFIER_MIN_ROWS;
  const numeric = numericTypeOf(s);
  if (
    numeric === 'integer' &&
    unique &&
    (s.consecutive || ID_NAME.test(name) || CAMEL_ID.test(name))
  ) {
    return 'identifier';
  }
  if (numeric) return numeric;
  const others = Math.max(1, s.other);
  const avgLength = s.otherLength / others;
  if (avgLength > 50 || (avgLength >= 20 && s.otherWithSpace * 2 >= others)) return 'text';
  if (unique) return 'identifier';
  const distinct = s.distinctCount;
  if (distinct > 1000 && distinct * 2 > nonEmpty) return 'text';
  return 'categorical';
}

/** Non-empty cells that do not parse as `type` (always 0 for string types). */
export function invalidCountOf(s: ColumnStats, type: ColumnType): number {
  const nonEmpty = s.rows - s.empty;
  switch (type) {
    case 'integer':
    case 'float':
      return nonEmpty - s.int - s.float;
    case 'boolean':
      return nonEmpty - s.bool;
    case 'date':
      return nonEmpty - s.date;
    default:
      return 0;
  }
}
