/**
 * Import-time parsing of one cell's text: what it looks like (integer, float, boolean, date,
 * other, empty) and the number it stores as. Runs once per cell of a million-row file, so it
 * scans char codes instead of running regular expressions, and allocates only for padded text.
 */
import type { ColumnType } from './types';

/** What a cell's text parses as; the values index per-column counters. */
export type CellKind = 0 | 1 | 2 | 3 | 4 | 5;
/** Empty or whitespace-only: a missing cell. */
export const CELL_EMPTY = 0;
/** Whole number written without `.` or exponent. */
export const CELL_INT = 1;
/** Number with a fraction or exponent. */
export const CELL_FLOAT = 2;
/** true/false, yes/no, t/f, y/n in any case. */
export const CELL_BOOL = 3;
/** ISO date (YYYY-MM-DD or YYYY/MM/DD) with optional time and zone. */
export const CELL_DATE = 4;
/** Anything else, including `Infinity`, `NaN` and `1e309` (finite numbers only). */
export const CELL_OTHER = 5;

/** Beyond 15 digits a double no longer holds every integer: such "numbers" are codes or IDs. */
const MAX_INT_DIGITS = 15;
/** Exact powers of ten as doubles (10^22 is the largest exactly representable one). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Classifies cells; `value` holds the parsed number after each `classify` call. */
export class CellParser {
  /** Number for the last classified cell: the value, 0/1 for booleans, epoch ms UTC for dates. */
  value = NaN;

  constructor(readonly decimalComma: boolean) {}

  /** Classifies `text` and sets `value` (NaN unless the kind is numeric, boolean or date). */
  classify(text: string): CellKind {
    this.value = NaN;
    const n = text.length;
    if (n === 0) return CELL_EMPTY;
    let s = text;
    if (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) {
      s = s.trim();
      if (s.length === 0) return CELL_EMPTY;
    }
    const c = s.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44) {
      const kind = this.decimalComma ? this.commaNumber(s) : this.dotNumber(s);
      if (kind !== CELL_OTHER) return kind;
      if (c >= 48 && c <= 57 && s.length >= 10) {
        const ms = parseDate(s);
        if (ms === ms) {
          this.value = ms;
          return CELL_DATE;
        }
      }
      return CELL_OTHER;
    }
    if (s.length <= 5) {
      const b = parseBoolean(s);
      if (b !== null) {
        this.value = b ? 1 : 0;
        return CELL_BOOL;
      }
    }
    return CELL_OTHER;
  }

  /**
   * `[+-]digits[.digits][e[+-]digits]`; sets `value` when it is a finite number. Number() costs
   * ~100 ns on a decimal, so the value is built from the digits while scanning: with at most 15
   * digits and a power of ten up to 22 both operands are exact doubles and one division or
   * multiplication rounds correctly (Clinger's fast path), giving exactly what Number() gives.
   */
  private dotNumber(s: string): CellKind {
    const n = s.length;
    let i = 0;
    let c = s.charCodeAt(0);
    const negative = c === 45;
    if (negative || c === 43) i++;
    const intStart = i;
    let mantissa = 0;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      i++;
    }
    const intDigits = i - intStart;
    let fraction = false;
    let fracDigits = 0;
    if (i < n && c === 46) {
      fraction = true;
      const from = ++i;
      while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        i++;
      }
      fracDigits = i - from;
    }
    if (intDigits + fracDigits === 0) return CELL_OTHER;
    let exponent = 0;
    if (i < n) {
      if (c !== 101 && c !== 69) return CELL_OTHER;
      fraction = true;
      c = s.charCodeAt(++i);
      const expNegative = c === 45;
      if (expNegative || c === 43) i++;
      const from = i;
      while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
        if (exponent < 100_000) exponent = exponent * 10 + (c - 48);
        i++;
      }
      if (i === from || i !== n) return CELL_OTHER;
      if (expNegative) exponent = -exponent;
    }
    if (!fraction && !plainInteger(s, intStart, intDigits)) return CELL_OTHER;
    const power = exponent - fracDigits;
    let v: number;
    if (intDigits + fracDigits <= MAX_INT_DIGITS && power >= -22 && power <= 22) {
      v = power < 0 ? mantissa / POW10[-power] : mantissa * POW10[power];
      if (negative) v = -v;
    } else {
      v = Number(s);
      if (!Number.isFinite(v)) return CELL_OTHER;
    }
    this.value = v;
    return fraction ? CELL_FLOAT : CELL_INT;
  }

  /** `1.234.567,89` style: `.` groups thousands (exactly 3 digits), `,` starts the fraction. */
  private commaNumber(s: string): CellKind {
    const n = s.length;
    let i = 0;
    let c = s.charCodeAt(0);
    if (c === 43 || c === 45) i++;
    const intStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    let intDigits = i - intStart;
    let grouped = false;
    while (i < n && s.charCodeAt(i) === 46) {
      // Thousands groups: 1-3 leading digits (not a padded 0), then exactly three per group.
      if (!grouped && (intDigits === 0 || intDigits > 3 || s.charCodeAt(intStart) === 48)) {
        return CELL_OTHER;
      }
      if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return CELL_OTHER;
      if (!isDigit(s.charCodeAt(i + 3)) || isDigit(s.charCodeAt(i + 4))) return CELL_OTHER;
      grouped = true;
      intDigits += 3;
      i += 4;
    }
    let fraction = false;
    let fracDigits = 0;
    if (i < n && s.charCodeAt(i) === 44) {
      fraction = true;
      const from = ++i;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      fracDigits = i - from;
    }
    if (intDigits + fracDigits === 0) return CELL_OTHER;
    if (i < n) {
      c = s.charCodeAt(i);
      if (c !== 101 && c !== 69) return CELL_OTHER;
      fraction = true;
      c = s.charCodeAt(++i);
      if (c === 43 || c === 45) i++;
      const from = i;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      if (i === from || i !== n) return CELL_OTHER;
    }
    if (!fraction && !grouped && !plainInteger(s, intStart, intDigits)) return CELL_OTHER;
    if (!fraction && intDigits > MAX_INT_DIGITS) return CELL_OTHER;
    const v = Number(s.replaceAll('.', '').replace(',', '.'));
    if (!Number.isFinite(v)) return CELL_OTHER;
    this.value = v;
    return fraction ? CELL_FLOAT : CELL_INT;
  }
}

/** An integer we can hold exactly and that is not a zero-padded code such as `007` or `02134`. */
function plainInteger(s: string, start: number, digits: number): boolean {
  if (digits > MAX_INT_DIGITS) return false;
  return !(digits > 1 && s.charCodeAt(start) === 48);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whitespace as `String.prototype.trim` sees it (the common code points). */
function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** true/false, yes/no, t/f, y/n (any case) to a boolean; anything else to null. */
export function parseBoolean(text: string): boolean | null {
  if (text.length > 5) return null;
  switch (text.toLowerCase()) {
    case 'true':
    case 'yes':
    case 't':
    case 'y':
      return true;
    case 'false':
    case 'no':
    case 'f':
    case 'n':
      return false;
    default:
      return null;
  }
}

/**
 * `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `[T ]HH:MM[:SS[.fff]]` and `Z` or
 * `±HH[:MM]`, to epoch milliseconds UTC (no zone means UTC); NaN when it is not a real date.
 */
export function parseDate(s: string): number {
  const n = s.length;
  if (n < 10) return NaN;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  let i = 10;
  if (i < n) {
    const t = s.charCodeAt(i);
    if (t !== 84 && t !== 116 && t !== 32) return NaN;
    hour = digits(s, 11, 2);
    minute = s.charCodeAt(13) === 58 ? digits(s, 14, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
    i = 16;
    if (s.charCodeAt(i) === 58) {
      second = digits(s, 17, 2);
      if (second < 0 || second > 59) return NaN;
      i = 19;
      if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
        const from = ++i;
        while (i < n && isDigit(s.charCodeAt(i))) i++;
        if (i === from) return NaN;
        ms = Math.floor(Number('0.' + s.slice(from, i)) * 1000);
      }
    }
    if (i < n) {
      offset = zoneOffset(s, i);
      if (offset !== offset) return NaN;
    }
  }
  const days = daysFromCivil(year, month, day);
  return days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, no Date object). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `Z`, `±HH`, `±HHMM` or `±HH:MM` at `i` to milliseconds east of UTC; NaN when malformed. */
function zoneOffset(s: string, i: number): number {
  const rest = s.length - i;
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return rest === 1 ? 0 : NaN;
  if (c !== 43 && c !== 45) return NaN;
  const h = digits(s, i + 1, 2);
  let m = 0;
  if (rest === 5) m = digits(s, i + 3, 2);
  else if (rest === 6 && s.charCodeAt(i + 3) === 58) m = digits(s, i + 4, 2);
  else if (rest !== 3) return NaN;
  if (h < 0 || h > 23 || m < 0 || m > 59) return NaN;
  return (c === 45 ? -1 : 1) * (h * 60 + m) * 60_000;
}

/** The `count` digits at `from` as a number, or -1 when one of them is not a digit. */
function digits(s: string, from: number, count: number): number {
  if (from + count > s.length) return -1;
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number `text` stores as in a column of numeric `type`, or NaN when it does not parse. */
export function parseAs(parser: CellParser, text: string, type: ColumnType): number {
  const kind = parser.classify(text);
  switch (type) {
    case 'integer':
    case 'float':
      return kind === CELL_INT || kind === CELL_FLOAT ? parser.value : NaN;
    case 'boolean':
      return kind === CELL_BOOL ? parser.value : NaN;
    case 'date':
      return kind === CELL_DATE ? parser.value : NaN;
    default:
      return NaN;
  }
}

/** Display text of a stored number: integers without `.0`, dates as ISO, booleans as true/false. */
export function formatValue(value: number, type: ColumnType): string {
  if (type === 'boolean') return value !== 0 ? 'true' : 'false';
  if (type === 'date') return formatDate(value);
  return String(value);
}

/** Epoch ms UTC as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[.fff]Z` when it has a time of day. */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  const t = iso.indexOf('T');
  if (ms % 86_400_000 === 0) return iso.slice(0, t);
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
