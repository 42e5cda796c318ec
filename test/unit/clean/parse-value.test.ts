import { describe, expect, it } from 'vitest';
import { parseCellText, parseIsoDate } from '../../../src/core/clean/parse-value';

describe('parseCellText', () => {
  it('reads numbers strictly', () => {
    expect(parseCellText(' 12 ', 'integer')).toEqual({ kind: 'number', value: 12 });
    expect(parseCellText('1e3', 'float')).toEqual({ kind: 'number', value: 1000 });
    expect(parseCellText('-.5', 'float')).toEqual({ kind: 'number', value: -0.5 });
    expect(parseCellText('12 kg', 'float').kind).toBe('invalid');
    expect(parseCellText('Infinity', 'float').kind).toBe('invalid');
    expect(parseCellText('9007199254740993', 'integer').kind).toBe('invalid');
  });

  it('treats null, empty and blank numeric text as missing; keeps text verbatim', () => {
    expect(parseCellText(null, 'text')).toEqual({ kind: 'missing' });
    expect(parseCellText('', 'categorical')).toEqual({ kind: 'missing' });
    expect(parseCellText('   ', 'float')).toEqual({ kind: 'missing' });
    expect(parseCellText(' a ', 'text')).toEqual({ kind: 'text', value: ' a ' });
  });

  it('reads booleans and ISO dates', () => {
    expect(parseCellText('Y', 'boolean')).toEqual({ kind: 'number', value: 1 });
    expect(parseCellText('0', 'boolean')).toEqual({ kind: 'number', value: 0 });
    expect(parseIsoDate('2024-03-31T12:00:00Z')).toBe(Date.UTC(2024, 2, 31, 12));
    expect(parseIsoDate('2024-03-31 12:00')).toBe(Date.UTC(2024, 2, 31, 12));
    expect(parseIsoDate('2024-03-31T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 31, 10));
    expect(parseIsoDate('2024-03-31T12:00:00.250-0130')).toBe(
      Date.UTC(2024, 2, 31, 13, 30, 0, 250),
    );
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-01-01T25:00')).toBeNull();
  });
});
