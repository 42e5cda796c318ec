/**
 * How a column writes its values: the file's own spelling of yes/no, its decimal mark and the
 * shape of its dates. A stored number renders back in this style, so a cell comes back as it was
 * written; only cells whose text differs from that rendering keep their text (see
 * StoredColumnChunk.written), which keeps memory bounded.
 */
import { CELL_DATE, CELL_FLOAT, CELL_INT } from './cell-kinds';
import { formatDate, parseDate } from './parse-date';
import type { ColumnType } from './types';

/** The rendering style of one column (per chunk: each chunk learns it from its own cells). */
export interface ValueStyle {
  /** `1,5` rather than `1.5`. */
  decimalComma: boolean;
  /** Boolean columns: the usual spellings of [false, true], '' where not seen. */
  bool: [string, string] | null;
  /** Date columns: the usual shape with digits as `9` (e.g. `9999-99-99 99:99`). */
  date: string | null;
}

/** The style of a column that wrote nothing in a style of its own (ISO dates, true/false). */
export const PLAIN_STYLE: ValueStyle = { decimalComma: false, bool: null, date: null };

/** A stored number as the column writes it (boolean 0/1, date epoch ms UTC). */
export function renderValue(value: number, type: ColumnType, style?: ValueStyle | null): string {
  if (type === 'boolean') return boolText(value !== 0, style?.bool ?? null);
  if (type === 'date') return style?.date ? renderDate(value, style.date) : formatDate(value);
  return renderNumber(value, style?.decimalComma ?? false);
}

/** A number as JavaScript writes it, with a decimal comma when the file uses one. */
export function renderNumber(value: number, decimalComma: boolean): string {
  const text = String(value);
  return decimalComma ? text.replace('.', ',') : text;
}

const BOOL_WORDS: [string, string][] = [
  ['no', 'yes'],
  ['n', 'y'],
  ['false', 'true'],
  ['f', 't'],
];

/**
 * A yes/no value in the column's spelling. When the file only ever wrote the other value, its
 * counterpart in the same case is used ("No" for a column that only holds "Yes").
 */
export function boolText(value: boolean, spellings: readonly [string, string] | null): string {
  const own = spellings?.[value ? 1 : 0];
  if (own) return own;
  const other = spellings?.[value ? 0 : 1];
  const pair = other ? BOOL_WORDS.find((p) => p.includes(other.toLowerCase())) : undefined;
  if (!other || !pair) return value ? 'true' : 'false';
  const word = pair[value ? 1 : 0];
  if (other === other.toUpperCase() && other.length > 1) return word.toUpperCase();
  return other[0] === other[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/** Shapes `renderDate` can write: ISO order, optional time, seconds, 1–3 fraction digits, Z. */
const DATE_SHAPE = /^9999(?<sep>[-/])99\k<sep>99(?:[Tt ]99:99(?::99(?:[.,]9{1,3})?)?[Zz]?)?$/;

/** The shape of a date's text (digits as `9`), or null when it is not one renderDate writes. */
export function dateTemplate(text: string): string | null {
  const shape = text.replace(/[0-9]/g, '9');
  return DATE_SHAPE.test(shape) ? shape : null;
}

/** True when `text` has the shape `template` (digit where `9`, the same character elsewhere). */
export function fitsTemplate(text: string, template: string): boolean {
  const n = template.length;
  if (text.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const t = template.charCodeAt(i);
    const c = text.charCodeAt(i);
    if (t === 57 ? c < 48 || c > 57 : c !== t) return false;
  }
  return true;
}

/** Epoch ms written in the shape `template`; ISO (formatDate) when the shape cannot hold it. */
export function renderDate(ms: number, template: string): string {
  const d = new Date(ms);
  const fields = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  ];
  let out = '';
  let field = 0;
  for (let i = 0; i < template.length;) {
    if (template.charCodeAt(i) !== 57) {
      out += template[i++];
      continue;
    }
    let width = 0;
    while (template.charCodeAt(i + width) === 57) width++;
    // The fraction (field 6) is milliseconds cut to the template's digits: 500 → "5".
    out +=
      field === 6
        ? String(fields[6]).padStart(3, '0').slice(0, width)
        : String(fields[field]).padStart(width, '0');
    field++;
    i += width;
  }
  return parseDate(out) === ms ? out : formatDate(ms);
}

/**
 * True when `text`, which parsed as `kind` with `value`, renders back unchanged in `style`: the
 * usual case, decided from the characters (no number formatting) so a million cells stay cheap.
 */
export function rendersAsWritten(
  text: string,
  kind: number,
  value: number,
  style: ValueStyle,
): boolean {
  if (kind === CELL_INT || kind === CELL_FLOAT) {
    return (
      plainNumber(text, style.decimalComma) || renderNumber(value, style.decimalComma) === text
    );
  }
  if (kind === CELL_DATE)
    return style.date ? fitsTemplate(text, style.date) : formatDate(value) === text;
  return false;
}

/** Significant digits a decimal can have and still be what String(number) writes. */
const EXACT_DIGITS = 15;

/**
 * True when `text` is written exactly as String(its value) writes it: `-?(0|[1-9]\d*)` then an
 * optional mark and digits not ending in 0, at most 15 significant digits, no exponent, not `-0`,
 * not below 1e-6 (String switches to exponents there). False means "compare the long way".
 */
export function plainNumber(text: string, decimalComma: boolean): boolean {
  const n = text.length;
  const mark = decimalComma ? 44 : 46;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let c = text.charCodeAt(i);
  if (c < 48 || c > 57) return false;
  const zeroInt = c === 48;
  let significant = zeroInt ? 0 : 1;
  i++;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    if (zeroInt) return false;
    significant++;
    i++;
  }
  if (i === n) return !(zeroInt && start === 1) && significant <= EXACT_DIGITS;
  if (c !== mark || i === n - 1) return false;
  i++;
  let leadingZeros = 0;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    if (significant === 0 && c === 48) leadingZeros++;
    else significant++;
    i++;
  }
  if (i !== n || text.charCodeAt(n - 1) === 48) return false;
  return significant <= EXACT_DIGITS && !(zeroInt && leadingZeros > 5);
}
