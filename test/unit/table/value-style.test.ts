import { describe, expect, it } from 'vitest';
import {
  boolText,
  dateTemplate,
  fitsTemplate,
  plainNumber,
  renderDate,
  renderValue,
} from '../../../src/core/table/value-style';
import { parseDate } from '../../../src/core/table/parse-date';

describe('plainNumber', () => {
  it('says yes only where String(value) gives the text back', () => {
    const texts = [
      '0',
      '7',
      '-7',
      '12.5',
      '-0.25',
      '0.000001',
      '123456789012345',
      '1.00000000000001',
      '-0',
      '007',
      '1.50',
      '1.0',
      '+3',
      ' 7',
      '1e3',
      '.5',
      '5.',
      '0.0000001',
      '1234567890123456',
      '12,5',
      '',
    ];
    for (const text of texts) {
      const same = String(Number(text)) === text;
      if (plainNumber(text, false)) expect(same, text).toBe(true);
    }
    expect(['0', '7', '12.5', '-0.25', '0.000001'].every((t) => plainNumber(t, false))).toBe(true);
    expect(
      ['-0', '1.50', '+3', ' 7', '1e3', '0.0000001', '007'].some((t) => plainNumber(t, false)),
    ).toBe(false);
  });

  it('holds for many random decimals of up to 15 digits', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(next() * 15);
      const value = (next() - 0.5) * 10 ** Math.floor(next() * 12);
      const text = value.toFixed(Math.floor(next() * digits));
      if (plainNumber(text, false)) expect(String(Number(text)), text).toBe(text);
    }
  });

  it('reads a decimal comma when the file uses one', () => {
    expect(plainNumber('12,5', true)).toBe(true);
    expect(plainNumber('12.5', true)).toBe(false);
    expect(renderValue(12.5, 'float', { decimalComma: true, bool: null, date: null })).toBe('12,5');
  });
});

describe('boolText', () => {
  it('uses the usual spelling, or the counterpart of the one seen in its case', () => {
    expect(boolText(true, ['No', 'Yes'])).toBe('Yes');
    expect(boolText(false, ['', 'Yes'])).toBe('No');
    expect(boolText(true, ['N', ''])).toBe('Y');
    expect(boolText(true, ['FALSE', ''])).toBe('TRUE');
    expect(boolText(false, ['', 'true'])).toBe('false');
    expect(boolText(true, null)).toBe('true');
  });
});

describe('date shapes', () => {
  it('learns the shape of a date and writes values in it', () => {
    const shape = dateTemplate('2026-12-03 14:05')!;
    expect(shape).toBe('9999-99-99 99:99');
    expect(fitsTemplate('2027-01-31 09:30', shape)).toBe(true);
    expect(fitsTemplate('2027-01-31T09:30', shape)).toBe(false);
    expect(renderDate(parseDate('2027-01-31T09:30:00Z'), shape)).toBe('2027-01-31 09:30');
    // Seconds the shape cannot hold: ISO instead of losing them.
    expect(renderDate(parseDate('2027-01-31T09:30:15Z'), shape)).toBe('2027-01-31T09:30:15Z');
    expect(renderDate(parseDate('2026/12/03'), dateTemplate('2026/12/03')!)).toBe('2026/12/03');
    expect(renderDate(parseDate('2026-12-03T14:05:00.5Z'), '9999-99-99T99:99:99.9Z')).toBe(
      '2026-12-03T14:05:00.5Z',
    );
    expect(dateTemplate('2026-12-03T14:05:00+02:00')).toBeNull();
  });
});
