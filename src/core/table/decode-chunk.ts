/**
 * Stored chunk → the column's final logical type. A chunk is stored under the type known when it
 * was written; when the final type differs (numbers that turned out categorical, text that
 * turned out numeric) the reader converts here, so the import never rewrites earlier chunks.
 */
import { CellParser, formatValue, parseAs } from './parse-value';
import {
  NUMERIC_TYPES,
  bitIsSet,
  type BoolVariants,
  type ColumnChunk,
  type ColumnMeta,
  type ColumnType,
  type CsvDialect,
  type DictData,
  type NumericData,
  type StoredColumnChunk,
} from './types';

/** Converts `stored` to `meta.type`; arrays are shared with `stored` where no conversion is needed. */
export function decodeColumnChunk(
  stored: StoredColumnChunk,
  meta: ColumnMeta,
  dialect: CsvDialect | null,
): ColumnChunk {
  const type = meta.type;
  const parser = new CellParser(dialect?.decimalComma ?? false);
  const numeric = NUMERIC_TYPES.has(type);
  const base = { type, rows: stored.rows, missing: stored.missing };
  if (stored.data.encoding === 'dict') {
    if (!numeric) {
      const { codes, dictionary } = stored.data;
      return { ...base, numbers: null, codes, dictionary, invalid: new Map() };
    }
    return { ...base, ...dictToNumbers(stored, stored.data, type, parser) };
  }
  const valueType = numericValueType(stored.valueType, type);
  const unparsed = new Map<number, string>();
  stored.unparsedRows.forEach((row, i) => unparsed.set(row, stored.unparsedText[i]));
  if (!numeric) return { ...base, ...f64ToStrings(stored, stored.data, valueType, unparsed) };
  if (sameValues(valueType, type)) {
    return {
      ...base,
      numbers: stored.data.values,
      codes: null,
      dictionary: null,
      invalid: unparsed,
      ...(type === 'boolean' && stored.variants ? { variants: variantsOf(stored.variants) } : {}),
    };
  }
  return { ...base, ...f64ToNumbers(stored, stored.data, valueType, type, unparsed, parser) };
}

function variantsOf(stored: NonNullable<StoredColumnChunk['variants']>): BoolVariants {
  const text = new Map<number, string>();
  stored.rows.forEach((row, i) => text.set(row, stored.text[i]));
  return { usual: stored.usual, text };
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

type Converted = Pick<ColumnChunk, 'numbers' | 'codes' | 'dictionary' | 'invalid'>;

/** Parses each dictionary entry once; codes of entries that do not parse become invalid cells. */
function dictToNumbers(
  stored: StoredColumnChunk,
  data: DictData,
  type: ColumnType,
  parser: CellParser,
): Converted {
  const entryValues = data.dictionary.map((text) => parseAs(parser, text, type));
  const numbers = new Float64Array(stored.rows);
  const invalid = new Map<number, string>();
  for (let r = 0; r < stored.rows; r++) {
    if (bitIsSet(stored.missing, r)) {
      numbers[r] = NaN;
      continue;
    }
    const code = data.codes[r];
    const v = entryValues[code];
    numbers[r] = v;
    if (v !== v) invalid.set(r, data.dictionary[code]);
  }
  return { numbers, codes: null, dictionary: null, invalid };
}

/** Numbers (or their raw text where kept) as dictionary-encoded strings. */
function f64ToStrings(
  stored: StoredColumnChunk,
  data: NumericData,
  valueType: ColumnType,
  unparsed: Map<number, string>,
): Converted {
  const codes = new Uint32Array(stored.rows);
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  for (let r = 0; r < stored.rows; r++) {
    if (bitIsSet(stored.missing, r)) continue;
    const text = unparsed.get(r) ?? formatValue(data.values[r], valueType);
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

/** Between numeric types (e.g. boolean → integer): each cell's text re-parsed as `type`. */
function f64ToNumbers(
  stored: StoredColumnChunk,
  data: NumericData,
  valueType: ColumnType,
  type: ColumnType,
  unparsed: Map<number, string>,
  parser: CellParser,
): Converted {
  const numbers = new Float64Array(stored.rows);
  const invalid = new Map<number, string>();
  for (let r = 0; r < stored.rows; r++) {
    if (bitIsSet(stored.missing, r)) {
      numbers[r] = NaN;
      continue;
    }
    const text = unparsed.get(r) ?? formatValue(data.values[r], valueType);
    const v = parseAs(parser, text, type);
    numbers[r] = v;
    if (v !== v) invalid.set(r, text);
  }
  return { numbers, codes: null, dictionary: null, invalid };
}

/**
 * Display text of one cell: null when missing, the raw text of an invalid cell, integers
 * without `.0`, dates as ISO date or date-time, booleans as true/false.
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
