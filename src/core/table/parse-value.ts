/**
 * Import-time parsing of one cell's text: what it looks like (integer, float, boolean, date,
 * other, empty) and the number it stores as. Runs once per cell of a million-row file, so it
 * scans char codes instead of running regular expressions, and allocates only for padded text.
 */
import {
  CELL_BOOL,
  CELL_DATE,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  type CellKind,
} from './cell-kinds';
import { formatDate, parseDate } from './parse-date';
import { scanCommaNumber, scanDotNumber } from './parse-number';
import type { ColumnType } from './types';
import { renderValue } from './value-style';

export {
  CELL_BOOL,
  CELL_DATE,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  type CellKind,
} from './cell-kinds';
export { formatDate, parseDate } from './parse-date';

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
      const kind = this.decimalComma ? scanCommaNumber(s, this) : scanDotNumber(s, this);
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

/**
 * Text for a cell whose raw text was not kept (it rendered as written): its parsed value written
 * back in the file's style (decimal mark, date shape).
 */
export function cellKindText(
  kind: number,
  value: number,
  decimalComma = false,
  dateShape: string | null = null,
): string {
  const style = { decimalComma, bool: null, date: dateShape };
  if (kind === CELL_BOOL) return renderValue(value, 'boolean', style);
  if (kind === CELL_DATE) return renderValue(value, 'date', style);
  if (kind === CELL_INT || kind === CELL_FLOAT) return renderValue(value, 'float', style);
  return '';
}
