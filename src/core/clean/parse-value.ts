/**
 * Parsing of text a user (or a recipe) enters into a cell, by the column's logical type.
 * Deliberately strict: an edit is typed by a person, so "1,5" or "12 kg" is refused with a
 * reason rather than guessed at (import-time inference has to be lenient; an edit does not).
 */
import { parseDate } from '../table/parse-date';
import { NUMERIC_TYPES, type ColumnType } from '../table/types';

/** The outcome of parsing one cell's text for a column type. */
export type ParsedCell =
  | { kind: 'missing' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'invalid'; text: string; reason: string };

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

/** Parses `text` as a value of `type`; null or empty text (blank for numbers) is missing. */
export function parseCellText(text: string | null, type: ColumnType): ParsedCell {
  if (text === null || text === '') return { kind: 'missing' };
  if (!NUMERIC_TYPES.has(type)) return { kind: 'text', value: text };
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'missing' };
  const value = parseNumeric(trimmed, type);
  if (value !== null) return { kind: 'number', value };
  return { kind: 'invalid', text, reason: numericReason(trimmed, type) };
}

/** The number a numeric type stores for `text` (boolean 0/1, date epoch ms UTC), else null. */
export function parseNumeric(text: string, type: ColumnType): number | null {
  switch (type) {
    case 'integer':
      return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
    case 'float': {
      if (!FLOAT.test(text)) return null;
      const value = Number(text);
      return Number.isFinite(value) ? value : null;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? 1 : FALSE.has(lower) ? 0 : null;
    }
    case 'date':
      return parseIsoDate(text);
    default:
      return null;
  }
}

/** ISO date or date-time to epoch ms UTC, exactly as import reads dates (one parser for both). */
export function parseIsoDate(text: string): number | null {
  const time = parseDate(text);
  return Number.isNaN(time) ? null : time;
}

function numericReason(text: string, type: ColumnType): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  switch (type) {
    case 'integer':
      return FLOAT.test(text) || /^[+-]?\d+,\d+$/.test(text)
        ? `“${shown}” is not a whole number, and this column holds whole numbers.`
        : `“${shown}” is not a number, and this column holds whole numbers.`;
    case 'float':
      return /^[+-]?\d*,\d+$/.test(text)
        ? `“${shown}” is not a number here: use a dot as the decimal separator (e.g. 1.5).`
        : `“${shown}” is not a number, and this column holds numbers.`;
    case 'boolean':
      return `“${shown}” is not a yes/no value; use true or false.`;
    default:
      return `“${shown}” is not a date; use the form 2024-03-31 or 2024-03-31T14:30:00Z.`;
  }
}
