import { describe, expect, it } from 'vitest';
import {
  detectDecimalComma,
  detectDelimiter,
  detectHeader,
  detectNewline,
  sampleRecords,
} from '../../../src/core/table/dialect';
import { CellParser } from '../../../src/core/table/parse-value';

const parser = new CellParser(false);
const rows = (text: string, delimiter = ','): string[][] =>
  sampleRecords(text, delimiter, '\n', 100);

describe('detectNewline', () => {
  it('tells CRLF, LF and CR apart', () => {
    expect(detectNewline('a\r\nb\r\n')).toBe('\r\n');
    expect(detectNewline('a\nb\n')).toBe('\n');
    expect(detectNewline('a\rb\r')).toBe('\r');
    expect(detectNewline('single line')).toBe('\n');
  });

  it('prefers LF when bare LFs outnumber CRLF, and ignores CRs when LFs exist', () => {
    expect(detectNewline('a\nb\nc\r\n')).toBe('\n');
    expect(detectNewline('"x\ry"\na\n')).toBe('\n');
  });
});

describe('detectDelimiter', () => {
  it('finds each candidate', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n', '\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n', '\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n', '\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n', '\n')).toBe('|');
  });

  it('is not fooled by delimiters inside quotes or text', () => {
    expect(detectDelimiter('name,note\nx,"a;b;c;d"\ny,"e;f;g"\n', '\n')).toBe(',');
    expect(detectDelimiter('item;price\na;1,5\nb;22,75\nc;3\n', '\n')).toBe(';');
    expect(detectDelimiter('a\tb\nx, y\tz\n', '\n')).toBe('\t');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('value\n1\n2\n', '\n')).toBe(',');
  });
});

describe('detectDecimalComma', () => {
  it('is set by comma decimals with a ; delimiter', () => {
    expect(detectDecimalComma(rows('a;1.234,5\nb;3,14\n', ';'), ';')).toBe(true);
  });

  it('is not set for dot decimals, thousands commas, or other delimiters', () => {
    expect(detectDecimalComma(rows('a;1.5\nb;3.25\n', ';'), ';')).toBe(false);
    expect(detectDecimalComma(rows('a;"1,234.5"\nb;7\n', ';'), ';')).toBe(false);
    expect(detectDecimalComma([['3,14']], ',')).toBe(false);
    expect(detectDecimalComma(rows('a;b\nx;y\n', ';'), ';')).toBe(false);
  });
});

describe('detectHeader', () => {
  it('sees names over numbers, dates and booleans', () => {
    expect(detectHeader(rows('id,price,when\n1,2.5,2024-01-01\n2,3,2024-01-02\n'), parser)).toBe(
      true,
    );
    expect(detectHeader(rows('ok,n\nyes,1\nno,2\n'), parser)).toBe(true);
  });

  it('does not mistake one-letter names such as y or n for booleans', () => {
    expect(detectHeader(rows('x,y\n1,2\n3,4\n'), parser)).toBe(true);
  });

  it('sees data when the first row has numbers like the rest', () => {
    expect(detectHeader(rows('1,2.5,x\n2,3.5,y\n'), parser)).toBe(false);
    expect(detectHeader(rows('5,7\n'), parser)).toBe(false);
  });

  it('takes distinct names over text-only columns as a header, repeats not', () => {
    expect(detectHeader(rows('name,city\nann,paris\nbob,rome\n'), parser)).toBe(true);
    expect(detectHeader(rows('a,a\nb,c\n'), parser)).toBe(false);
    expect(detectHeader(rows('name,city\n'), parser)).toBe(true);
  });
});
