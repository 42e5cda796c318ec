import { describe, expect, it } from 'vitest';
import {
  ColumnStats,
  DISTINCT_CAP,
  inferType,
  invalidCountOf,
  numericTypeOf,
} from '../../../src/core/table/column-stats';
import { ColumnBuffer } from '../../../src/core/table/column-buffer';
import { CellParser } from '../../../src/core/table/parse-value';

/** Stats of `values` as one chunk would produce them. */
function statsOf(values: string[]): ColumnStats {
  const st = new ColumnStats();
  const buffer = new ColumnBuffer(values.length, new CellParser(false));
  for (const v of values) buffer.add(v);
  buffer.tally(st);
  buffer.encode(numericTypeOf(st), st);
  return st;
}
const typeOf = (values: string[], name = 'col'): string => inferType(statsOf(values), name);
const range = (n: number, f: (i: number) => string): string[] =>
  Array.from({ length: n }, (_, i) => f(i));

describe('inferType: numeric, boolean, date', () => {
  it('calls whole numbers integer and any fraction float', () => {
    expect(typeOf(['1', '2', '2', '-3'])).toBe('integer');
    expect(typeOf(['1', '2', '2.5', '3'])).toBe('float');
    expect(typeOf(['1e3', '2', '2'])).toBe('float');
  });

  it('needs 95% of non-empty cells to parse when the rest are varied words', () => {
    const words = (n: number) => range(n, (i) => `word${i}`);
    const ninetyFive = [...range(95, (i) => String(i % 7)), ...words(5)];
    expect(typeOf(ninetyFive)).toBe('integer');
    const ninetyFour = [...range(94, (i) => String(i % 7)), ...words(6)];
    expect(typeOf(ninetyFour)).toBe('categorical');
  });

  it('stays numeric down to 80% when the rest is a few repeated tokens (disguised missing)', () => {
    const tokens = ['n/a', '?', 'unknown'];
    const eighty = [...range(80, (i) => String(i % 7)), ...range(20, (i) => tokens[i % 3])];
    expect(typeOf(eighty)).toBe('integer');
    const seventyNine = [...range(79, (i) => String(i % 7)), ...range(21, (i) => tokens[i % 3])];
    expect(typeOf(seventyNine)).toBe('categorical');
    const sixTokens = [...range(90, (i) => String(i % 7)), ...range(10, (i) => `t${i % 6}`)];
    expect(typeOf(sixTokens)).toBe('categorical');
  });

  it('ignores empty cells in the share', () => {
    expect(typeOf(['1', '', ' ', '2', '', '3'])).toBe('integer');
  });

  it('recognises booleans and dates', () => {
    expect(typeOf(['yes', 'no', 'Y', 'n', 'TRUE'])).toBe('boolean');
    expect(typeOf(['2024-01-01', '2024/02/03', '2024-03-04 10:00'])).toBe('date');
  });

  it('does not call 0/1 boolean, nor a mix of words and numbers numeric', () => {
    expect(typeOf(['0', '1', '1', '0'])).toBe('integer');
    expect(typeOf(['1', 'two', '3', 'four'])).toBe('categorical');
  });

  it('counts cells that do not parse as the type as invalid', () => {
    const st = statsOf([...range(99, String), 'oops']);
    expect(invalidCountOf(st, 'integer')).toBe(1);
    expect(invalidCountOf(st, 'categorical')).toBe(0);
  });
});

describe('inferType: identifier', () => {
  it('calls unique integers counting up by one an identifier', () => {
    expect(typeOf(range(25, (i) => String(i + 1)))).toBe('identifier');
  });

  it('calls unique integers named like a key an identifier', () => {
    const shuffled = range(25, (i) => String((i * 7) % 25));
    expect(typeOf(shuffled, 'user_id')).toBe('identifier');
    expect(typeOf(shuffled, 'customerId')).toBe('identifier');
    expect(typeOf(shuffled, 'ID')).toBe('identifier');
  });

  it('leaves unique integers that are neither named nor sequential as integers', () => {
    expect(
      typeOf(
        range(25, (i) => String((i * 7) % 25)),
        'population',
      ),
    ).toBe('integer');
    expect(
      typeOf(
        range(25, (i) => String((i * 7) % 25)),
        'valid',
      ),
    ).toBe('integer');
  });

  it('calls unique short strings over 20+ rows an identifier, but not fewer rows or repeats', () => {
    expect(typeOf(range(20, (i) => `A-${i}`))).toBe('identifier');
    expect(typeOf(range(19, (i) => `A-${i}`))).toBe('categorical');
    expect(typeOf([...range(20, (i) => `A-${i}`), 'A-3'])).toBe('categorical');
    expect(typeOf([...range(20, (i) => String(i + 1)), '5'])).toBe('integer');
  });
});

describe('inferType: text and categorical', () => {
  it('calls long values with spaces text', () => {
    const sentences = range(10, (i) => `this is a fairly long sentence number ${i % 3}`);
    expect(typeOf(sentences)).toBe('text');
    expect(typeOf(range(5, () => 'x'.repeat(60)))).toBe('text');
  });

  it('calls many distinct values that are over half the cells text', () => {
    const values = range(3000, (i) => `v${i % 1600}`);
    expect(typeOf(range(3000, (i) => `v${i % 900}`))).toBe('categorical');
    expect(typeOf(values)).toBe('text');
  });

  it('keeps repeated short labels categorical', () => {
    expect(typeOf(range(100, (i) => ['red', 'green', 'blue'][i % 3]))).toBe('categorical');
  });

  it('calls an all-empty column text', () => {
    expect(typeOf(['', ' ', ''])).toBe('text');
  });
});

describe('ColumnStats distinct counting', () => {
  it('counts exactly, numbers and strings apart, and flags duplicates', () => {
    const st = new ColumnStats();
    for (const v of [1, 2, 2, -0, 0]) st.addDistinct(v);
    for (const v of ['a', 'b', 'a', '__proto__']) st.addDistinct(v);
    expect(st.distinctCount).toBe(6);
    expect(st.hasDuplicate).toBe(true);
    expect(st.distinctCapped).toBe(false);
  });

  it('stops at the cap and marks the count as a lower bound', () => {
    const st = new ColumnStats();
    for (let i = 0; i < DISTINCT_CAP + 10; i++) st.addDistinct(i * 0.5);
    expect(st.distinctCount).toBe(DISTINCT_CAP);
    expect(st.distinctCapped).toBe(true);
    expect(st.hasDuplicate).toBe(false);
  });
});
