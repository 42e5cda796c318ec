import { describe, expect, it } from 'vitest';
import {
  CELL_BOOL,
  CELL_DATE,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  CellParser,
  formatDate,
  formatValue,
  parseAs,
  parseBoolean,
  parseDate,
} from '../../../src/core/table/parse-value';

const dot = new CellParser(false);
const comma = new CellParser(true);
const kindOf = (parser: CellParser, text: string): [number, number] => [
  parser.classify(text),
  parser.value,
];

describe('CellParser.classify (dot decimals)', () => {
  it.each([
    ['42', CELL_INT, 42],
    ['-7', CELL_INT, -7],
    ['+3', CELL_INT, 3],
    ['0', CELL_INT, 0],
    [' 12 ', CELL_INT, 12],
    ['3.14', CELL_FLOAT, 3.14],
    ['.5', CELL_FLOAT, 0.5],
    ['5.', CELL_FLOAT, 5],
    ['-1.5e3', CELL_FLOAT, -1500],
    ['2E-2', CELL_FLOAT, 0.02],
    ['1e22', CELL_FLOAT, 1e22],
    ['123456789012345', CELL_INT, 123456789012345],
    ['0.1234567890123456789', CELL_FLOAT, Number('0.1234567890123456789')],
  ])('%j is a number', (text, kind, value) => {
    expect(kindOf(dot, text)).toEqual([kind, value]);
  });

  it.each([
    'Infinity',
    '-Infinity',
    'NaN',
    '1e309',
    '-1e400',
    '1,5',
    '0x1F',
    '1_000',
    '1.2.3',
    '1e',
    '+',
    '-',
    '.',
    '12 kg',
    '€5',
    'NA',
    'null',
    '007',
    '02134',
    '1234567890123456',
  ])('%j is other text (not a number, not missing)', (text) => {
    expect(dot.classify(text)).toBe(CELL_OTHER);
    expect(dot.value).toBeNaN();
  });

  it('treats only empty and whitespace-only text as empty', () => {
    for (const text of ['', ' ', '\t', ' \u00a0 ', '\r'])
      expect(dot.classify(text)).toBe(CELL_EMPTY);
    for (const text of ['NA', 'N/A', '-', '?', 'none'])
      expect(dot.classify(text)).not.toBe(CELL_EMPTY);
  });

  it('gives exactly the value Number() gives', () => {
    for (const text of [
      '0.1',
      '0.3',
      '123.456',
      '-0.000001',
      '9.999999999999999',
      '1.7976931348623157e308',
    ]) {
      dot.classify(text);
      expect(dot.value).toBe(Number(text));
    }
    dot.classify('-0');
    expect(Object.is(dot.value, -0)).toBe(true);
  });
});

describe('CellParser.classify (decimal comma)', () => {
  it.each([
    ['1.234,5', CELL_FLOAT, 1234.5],
    ['3,14', CELL_FLOAT, 3.14],
    ['-0,5', CELL_FLOAT, -0.5],
    ['1.234', CELL_INT, 1234],
    ['1.234.567', CELL_INT, 1234567],
    ['12', CELL_INT, 12],
    ['1,5e3', CELL_FLOAT, 1500],
    [',5', CELL_FLOAT, 0.5],
  ])('%j is a number', (text, kind, value) => {
    expect(kindOf(comma, text)).toEqual([kind, value]);
  });

  it.each(['1.5', '12.34,5', '1.2345', '0.123', 'Infinity', '1,2,3', '1.234.5'])(
    '%j is not',
    (text) => {
      expect(comma.classify(text)).toBe(CELL_OTHER);
    },
  );
});

describe('booleans', () => {
  it('accepts true/false, yes/no, t/f, y/n in any case', () => {
    for (const t of ['true', 'TRUE', 'Yes', 't', 'Y']) expect(parseBoolean(t)).toBe(true);
    for (const f of ['false', 'False', 'NO', 'f', 'n']) expect(parseBoolean(f)).toBe(false);
    expect(kindOf(dot, 'Yes')).toEqual([CELL_BOOL, 1]);
    expect(kindOf(dot, ' no ')).toEqual([CELL_BOOL, 0]);
  });

  it('rejects other words and 0/1 (those are integers)', () => {
    for (const t of ['truth', 'on', 'off', 'ja', 'nope', '']) expect(parseBoolean(t)).toBeNull();
    expect(dot.classify('1')).toBe(CELL_INT);
  });
});

describe('dates', () => {
  it('parses ISO dates and date-times as epoch ms UTC', () => {
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate('2024/01/05')).toBe(Date.UTC(2024, 0, 5));
    expect(parseDate('2024-01-05T10:30')).toBe(Date.UTC(2024, 0, 5, 10, 30));
    expect(parseDate('2024-01-05 10:30:15.250')).toBe(Date.UTC(2024, 0, 5, 10, 30, 15, 250));
    expect(parseDate('2024-01-05T10:30:00Z')).toBe(Date.UTC(2024, 0, 5, 10, 30));
    expect(parseDate('2024-01-05T10:30:00+02:00')).toBe(Date.UTC(2024, 0, 5, 8, 30));
    expect(parseDate('2024-01-05T10:30:00-0530')).toBe(Date.UTC(2024, 0, 5, 16, 0));
    expect(parseDate('1969-12-31')).toBe(-86_400_000);
    expect(parseDate('0099-03-01')).toBe(new Date('0099-03-01T00:00:00Z').getTime());
    expect(kindOf(dot, '2024-02-29')).toEqual([CELL_DATE, Date.UTC(2024, 1, 29)]);
  });

  it('rejects impossible or malformed dates', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-1-5',
      '2024-01/05',
      '2024-01-05T25:00',
      '2024-01-05T10',
      '2024-01-05x',
      '2024-01-05T10:30:00+2',
      '05/01/2024',
    ]) {
      expect(parseDate(text), text).toBeNaN();
    }
    expect(dot.classify('2024-13-01')).toBe(CELL_OTHER);
  });

  it('formats dates as ISO date or date-time', () => {
    expect(formatDate(Date.UTC(2024, 0, 5))).toBe('2024-01-05');
    expect(formatDate(Date.UTC(2024, 0, 5, 10, 30))).toBe('2024-01-05T10:30:00Z');
    expect(formatDate(Date.UTC(2024, 0, 5, 10, 30, 1, 500))).toBe('2024-01-05T10:30:01.500Z');
    expect(formatDate(-86_400_000)).toBe('1969-12-31');
  });
});

describe('parseAs and formatValue', () => {
  it('parses text as a given numeric type', () => {
    expect(parseAs(dot, '12', 'integer')).toBe(12);
    expect(parseAs(dot, '1.5', 'float')).toBe(1.5);
    expect(parseAs(dot, 'yes', 'boolean')).toBe(1);
    expect(parseAs(dot, '12', 'boolean')).toBeNaN();
    expect(parseAs(dot, '2024-01-05', 'date')).toBe(Date.UTC(2024, 0, 5));
    expect(parseAs(dot, 'x', 'float')).toBeNaN();
    expect(parseAs(comma, '3,5', 'float')).toBe(3.5);
  });

  it('formats numbers without a trailing .0', () => {
    expect(formatValue(3, 'integer')).toBe('3');
    expect(formatValue(3, 'float')).toBe('3');
    expect(formatValue(2.5, 'float')).toBe('2.5');
    expect(formatValue(1, 'boolean')).toBe('true');
    expect(formatValue(0, 'boolean')).toBe('false');
  });
});
