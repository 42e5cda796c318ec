/**
 * The one rule for every CSV the project writes (cleaned CSV, `detect --out`, `rank --out`,
 * `predict --out`): RFC 4180 quoting, and CSV formula injection guarded the OWASP way. A text
 * field whose first character could make a spreadsheet start a formula gets a leading `'` and
 * quotes, so it is shown, not evaluated. OWASP's list is `= + - @`, tab and CR; a line feed is
 * added (a spreadsheet drops it and reads what follows), and the full-width `＝ ＋ － ＠`, which
 * some spreadsheets fold to their ASCII forms when they parse a cell. Numbers a column parsed as
 * numbers are written plain (`-5` stays a number): only text is guarded.
 */

/** First characters that can start a formula once a spreadsheet opens the file. */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

const NEEDS_QUOTES = /[",\r\n]/;

/** True when `text` would need the guard's leading `'`. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A field holding a value written as is (a parsed number): quoted only when it must be. */
export function plainCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text field (cell, name, reason): guarded against formula injection, quoted when needed. */
export function guardedCsvField(text: string): string {
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return plainCsvField(text);
}
