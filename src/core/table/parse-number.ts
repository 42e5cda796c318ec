/**
 * Number syntax by char codes (no regular expressions: this runs once per cell of a
 * million-row file): dot decimals, and decimal commas with `.` thousands groups.
 */
import { CELL_FLOAT, CELL_INT, CELL_OTHER, type CellKind } from './cell-kinds';

/** Receives the parsed value. */
export interface NumberOut {
  value: number;
}

/** Beyond 15 digits a double no longer holds every integer: such "numbers" are codes or IDs. */
const MAX_INT_DIGITS = 15;
/** Exact powers of ten as doubles (10^22 is the largest exactly representable one). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `[+-]digits[.digits][e[+-]digits]`; sets `value` when it is a finite number. Number() costs
 * ~100 ns on a decimal, so the value is built from the digits while scanning: with at most 15
 * digits and a power of ten up to 22 both operands are exact doubles and one division or
 * multiplication rounds correctly (Clinger's fast path), giving exactly what Number() gives.
 */
export function scanDotNumber(s: string, out: NumberOut): CellKind {
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
  out.value = v;
  return fraction ? CELL_FLOAT : CELL_INT;
}

/** `1.234.567,89` style: `.` groups thousands (exactly 3 digits), `,` starts the fraction. */
export function scanCommaNumber(s: string, out: NumberOut): CellKind {
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
  out.value = v;
  return fraction ? CELL_FLOAT : CELL_INT;
}

/** An integer we can hold exactly and that is not a zero-padded code such as `007` or `02134`. */
function plainInteger(s: string, start: number, digits: number): boolean {
  if (digits > MAX_INT_DIGITS) return false;
  return !(digits > 1 && s.charCodeAt(start) === 48);
}

/** True for the char codes of 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
