import { describe, expect, it } from 'vitest';
import { cellText, decodeColumnChunk } from '../../../src/core/table/decode-chunk';
import type {
  ColumnMeta,
  ColumnType,
  CsvDialect,
  StoredColumnChunk,
} from '../../../src/core/table/types';

const dialect: CsvDialect = {
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  quote: '"',
  newline: '\n',
  hasHeader: true,
  decimalComma: false,
};

function meta(type: ColumnType): ColumnMeta {
  return {
    index: 0,
    name: 'c',
    originalName: 'c',
    type,
    missingCount: 0,
    invalidCount: 0,
    distinctCount: 0,
    distinctCapped: false,
    maxLength: 0,
  };
}

/** A stored chunk; `missing` lists missing rows. */
function stored(
  data: StoredColumnChunk['data'],
  rows: number,
  options: { missing?: number[]; unparsed?: [number, string][]; valueType?: ColumnType } = {},
): StoredColumnChunk {
  const missing = new Uint8Array((rows + 7) >> 3);
  for (const r of options.missing ?? []) missing[r >> 3] |= 1 << (r & 7);
  const unparsed = options.unparsed ?? [];
  return {
    datasetId: 'd',
    column: 0,
    chunk: 0,
    rows,
    data,
    missing,
    unparsedRows: Uint32Array.from(unparsed.map(([r]) => r)),
    unparsedText: unparsed.map(([, t]) => t),
    valueType: options.valueType,
  };
}

const f64 = (...values: number[]): StoredColumnChunk['data'] => ({
  encoding: 'f64',
  values: Float64Array.from(values),
});
const dict = (codes: number[], dictionary: string[]): StoredColumnChunk['data'] => ({
  encoding: 'dict',
  codes: Uint32Array.from(codes),
  dictionary,
});
const texts = (chunk: ReturnType<typeof decodeColumnChunk>): (string | null)[] =>
  Array.from({ length: chunk.rows }, (_, r) => cellText(chunk, r));

describe('decodeColumnChunk', () => {
  it('passes f64 through for the same numeric type, unparsed cells becoming invalid', () => {
    const chunk = stored(f64(1, NaN, NaN, 4), 4, {
      missing: [1],
      unparsed: [[2, 'n/a']],
      valueType: 'integer',
    });
    const decoded = decodeColumnChunk(chunk, meta('float'), dialect);
    expect(decoded.numbers).toBe((chunk.data as { values: Float64Array }).values);
    expect(decoded.invalid).toEqual(new Map([[2, 'n/a']]));
    expect(texts(decoded)).toEqual(['1', null, 'n/a', '4']);
  });

  it('turns f64 into strings for a column that became categorical, using kept raw text', () => {
    const chunk = stored(f64(7, 2.5, NaN, 7, NaN), 5, {
      missing: [4],
      unparsed: [[2, 'red']],
      valueType: 'float',
    });
    const decoded = decodeColumnChunk(chunk, meta('categorical'), dialect);
    expect(decoded.numbers).toBeNull();
    expect(decoded.dictionary).toEqual(['7', '2.5', 'red']);
    expect(Array.from(decoded.codes!)).toEqual([0, 1, 2, 0, 0]);
    expect(texts(decoded)).toEqual(['7', '2.5', 'red', '7', null]);
  });

  it('writes dates and booleans back as text when the column became a string type', () => {
    const dates = stored(f64(Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 5, 8)), 2, {
      valueType: 'date',
    });
    expect(texts(decodeColumnChunk(dates, meta('text'), dialect))).toEqual([
      '2024-01-05',
      '2024-01-05T08:00:00Z',
    ]);
    const flags = stored(f64(1, 0), 2, { valueType: 'boolean' });
    expect(texts(decodeColumnChunk(flags, meta('categorical'), dialect))).toEqual([
      'true',
      'false',
    ]);
  });

  it('parses a dict chunk as numbers for a column that became numeric', () => {
    const chunk = stored(dict([0, 1, 2, 0, 0], ['1.5', 'oops', '3']), 5, { missing: [4] });
    const decoded = decodeColumnChunk(chunk, meta('float'), dialect);
    expect(Array.from(decoded.numbers!)).toEqual([1.5, NaN, 3, 1.5, NaN]);
    expect(decoded.invalid).toEqual(new Map([[1, 'oops']]));
    expect(texts(decoded)).toEqual(['1.5', 'oops', '3', '1.5', null]);
  });

  it('parses decimal commas when the dialect says so', () => {
    const chunk = stored(dict([0, 1], ['1.234,5', '2']), 2);
    const decoded = decodeColumnChunk(chunk, meta('float'), { ...dialect, decimalComma: true });
    expect(Array.from(decoded.numbers!)).toEqual([1234.5, 2]);
    expect(decodeColumnChunk(chunk, meta('float'), null).invalid.get(0)).toBe('1.234,5');
  });

  it('converts between numeric types by re-reading each value', () => {
    const chunk = stored(f64(1, NaN, 0), 3, { unparsed: [[1, '5']], valueType: 'boolean' });
    const decoded = decodeColumnChunk(chunk, meta('integer'), dialect);
    expect(Array.from(decoded.numbers!)).toEqual([NaN, 5, NaN]);
    expect(texts(decoded)).toEqual(['true', '5', 'false']);
  });

  it('passes dict through for string types', () => {
    const chunk = stored(dict([1, 0, 0], ['a', '__proto__']), 3, { missing: [2] });
    const decoded = decodeColumnChunk(chunk, meta('identifier'), dialect);
    expect(decoded.dictionary).toBe((chunk.data as { dictionary: string[] }).dictionary);
    expect(texts(decoded)).toEqual(['__proto__', 'a', null]);
  });

  it('shows integers without .0 and integer identifiers as plain digits', () => {
    const chunk = stored(f64(3, 1e15, -2), 3, { valueType: 'integer' });
    expect(texts(decodeColumnChunk(chunk, meta('integer'), dialect))).toEqual([
      '3',
      '1000000000000000',
      '-2',
    ]);
    expect(texts(decodeColumnChunk(chunk, meta('identifier'), dialect))).toEqual([
      '3',
      '1000000000000000',
      '-2',
    ]);
  });
});
