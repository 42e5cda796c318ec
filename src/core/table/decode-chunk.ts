/**
 * Stored chunk → the column's final logical type. A chunk is stored under the type known when it
 * was written; when the final type differs (numbers that turned out categorical, text that
 * turned out numeric) the reader converts here, so the import never rewrites earlier chunks.
 */
import { CellParser, formatValue } from './parse-value';
import { textsToNumbers } from './decode-texts';
import { renderValue, type ValueStyle } from './value-style';
import {
  NUMERIC_TYPES,
  bitIsSet,
  type BoolVariants,
  type ColumnChunk,
  type ColumnMeta,
  type ColumnType,
  type CsvDialect,
  type StoredColumnChunk,
} from './types';

/** Converts `stored` to `meta.type`; arrays are shared with `stored` where no conversion is needed. */
export function decodeColumnChunk(
  stored: StoredColumnChunk,
  meta: ColumnMeta,
  dialect: CsvDialect | null,
): ColumnChunk {
  const type = meta.type;
  const decimalComma = dialect?.decimalComma ?? false;
  const parser = new CellParser(decimalComma);
  const numeric = NUMERIC_TYPES.has(type);
  const base = {
    type,
    rows: stored.rows,
    missing: stored.missing,
    ...(stored.written ? { written: pairsOf(stored.written.rows, stored.written.text) } : {}),
  };
  if (stored.data.encoding === 'dict') {
    if (!numeric) {
      const { codes, dictionary } = stored.data;
      return { ...base, numbers: null, codes, dictionary, invalid: new Map() };
    }
    const data = stored.data;
    const textAt = (r: number): string => data.dictionary[data.codes[r]];
    return { ...base, ...textsToNumbers(stored, textAt, type, parser) };
  }
  const valueType = numericValueType(stored.valueType, type);
  const unparsed = pairsOf(stored.unparsedRows, stored.unparsedText);
  const variants = stored.variants ? variantsOf(stored.variants) : undefined;
  const style: ValueStyle = {
    decimalComma,
    bool: valueType === 'boolean' ? (stored.variants?.usual ?? null) : null,
    date: valueType === 'date' ? (stored.dateStyle ?? null) : null,
  };
  if (sameValues(valueType, type)) {
    return {
      ...base,
      numbers: stored.data.values,
      codes: null,
      dictionary: null,
      invalid: unparsed,
      style,
      ...(type === 'boolean' && variants ? { variants } : {}),
    };
  }
  // Every other conversion starts from each cell's text as written.
  const values = stored.data.values;
  const own = base.written;
  const textAt = (r: number): string =>
    own?.get(r) ??
    unparsed.get(r) ??
    variants?.text.get(r) ??
    renderValue(values[r], valueType, style);
  if (!numeric) return { ...base, ...textsToStrings(stored, textAt) };
  return { ...base, ...textsToNumbers(stored, textAt, type, parser) };
}

function pairsOf(rows: Uint32Array, text: string[]): Map<number, string> {
  const map = new Map<number, string>();
  rows.forEach((row, i) => map.set(row, text[i]));
  return map;
}

function variantsOf(stored: NonNullable<StoredColumnChunk['variants']>): BoolVariants {
  return { usual: stored.usual, text: pairsOf(stored.rows, stored.text) };
}

/** What the numbers of an f64 chunk mean: its recorded type, else the final one, else float. */
function numericValueType(recorded: ColumnType | undefined, final: ColumnType): ColumnType {
  if (recorded && NUMERIC_TYPES.has(recorded)) return recorded;
  return NUMERIC_TYPES.has(final) ? final : 'float';
}

function sameValues(a: ColumnType, b: ColumnType): boolean {
  const number = (t: ColumnType): boolean => t === 'integer' || t === 'float';
  return a === b || (number(a) && number(b));
}

/** The parts of a ColumnChunk a conversion produces. */
export type Converted = Pick<
  ColumnChunk,
  'numbers' | 'codes' | 'dictionary' | 'invalid' | 'written' | 'style' | 'variants'
>;

/** Each present cell's text (as written) dictionary-encoded. */
function textsToStrings(stored: StoredColumnChunk, textAt: (r: number) => string): Converted {
  const codes = new Uint32Array(stored.rows);
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  for (let r = 0; r < stored.rows; r++) {
    if (bitIsSet(stored.missing, r)) continue;
    const text = textAt(r);
    let code = lookup.get(text);
    if (code === undefined) {
      code = dictionary.length;
      lookup.set(text, code);
      dictionary.push(text);
    }
    codes[r] = code;
  }
  return { numbers: null, codes, dictionary, invalid: new Map() };
}

/**
 * Canonical text of one cell: null when missing, the raw text of an invalid cell, integers
 * without `.0`, dates as ISO date or date-time, booleans as true/false. Row fingerprints hash
 * this (so recipes match whatever the spelling); views and exports use `writtenText`.
 */
export function cellText(chunk: ColumnChunk, row: number): string | null {
  if (bitIsSet(chunk.missing, row)) return null;
  const invalid = chunk.invalid.get(row);
  if (invalid !== undefined) return invalid;
  if (chunk.numbers) {
    const v = chunk.numbers[row];
    return v === v ? formatValue(v, chunk.type) : null;
  }
  if (chunk.codes && chunk.dictionary) return chunk.dictionary[chunk.codes[row]] ?? null;
  return null;
}

/**
 * A cell's text as the file wrote it, edits written in the column's style: null when missing
 * (blank-but-not-empty cells give their blanks back), the raw text of an invalid cell, a boolean
 * in its own spelling ("Yes"), a number or date as written ("1.50", "2026-12-03 14:05").
 */
export function writtenText(chunk: ColumnChunk, row: number): string | null {
  return chunk.written?.get(row) ?? shownText(chunk, row);
}

/** What the table shows for a cell: its written text, null when missing (even if blank). */
export function shownText(chunk: ColumnChunk, row: number): string | null {
  if (bitIsSet(chunk.missing, row)) return null;
  const own = chunk.written?.get(row);
  if (own !== undefined) return own;
  const invalid = chunk.invalid.get(row);
  if (invalid !== undefined) return invalid;
  if (chunk.numbers) {
    const v = chunk.numbers[row];
    if (v !== v) return null;
    return chunk.variants?.text.get(row) ?? renderValue(v, chunk.type, chunk.style);
  }
  if (chunk.codes && chunk.dictionary) return chunk.dictionary[chunk.codes[row]] ?? null;
  return null;
}
