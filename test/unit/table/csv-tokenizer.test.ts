import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type TokenizerOptions } from '../../../src/core/table/csv-tokenizer';

/** Tokenizes `text` cut into `pieces` of the given size (whole when 0). */
function tokenize(
  text: string,
  pieceSize = 0,
  options: Partial<Omit<TokenizerOptions, 'onRecord'>> = {},
): { records: string[][]; tokenizer: CsvTokenizer } {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer({
    delimiter: ',',
    newline: '\n',
    ...options,
    onRecord: (fields) => records.push(fields),
  });
  if (pieceSize <= 0) tokenizer.push(text);
  else
    for (let i = 0; i < text.length; i += pieceSize) tokenizer.push(text.slice(i, i + pieceSize));
  tokenizer.end();
  return { records, tokenizer };
}

/** RFC 4180 writer, quoting only where needed (the property tests' oracle). */
function serialize(records: string[][], newline = '\n'): string {
  const quote = (f: string): string => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return records.map((r) => r.map(quote).join(',')).join(newline) + newline;
}

describe('CsvTokenizer', () => {
  it('splits plain lines on the fast path', () => {
    expect(tokenize('a,b,c\n1,2,3\n').records).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with delimiters, newlines and "" escapes', () => {
    expect(tokenize('x,"a,b","say ""hi""","l1\nl2"\n').records).toEqual([
      ['x', 'a,b', 'say "hi"', 'l1\nl2'],
    ]);
  });

  it('keeps empty fields, empty quoted fields and a trailing delimiter', () => {
    expect(tokenize(',,\n"",x,\n"a",\n').records).toEqual([
      ['', '', ''],
      ['', 'x', ''],
      ['a', ''],
    ]);
  });

  it('strips CR of CRLF on both paths but keeps a quoted CR', () => {
    expect(tokenize('a,b\r\n"x\r",y\r\n"z","w"\r\n', 0, { newline: '\r\n' }).records).toEqual([
      ['a', 'b'],
      ['x\r', 'y'],
      ['z', 'w'],
    ]);
  });

  it('reads CR-only line ends', () => {
    expect(tokenize('a,b\r1,"x\ry"\r2,z', 0, { newline: '\r' }).records).toEqual([
      ['a', 'b'],
      ['1', 'x\ry'],
      ['2', 'z'],
    ]);
  });

  it('counts blank lines between records but not trailing ones', () => {
    const { records, tokenizer } = tokenize('a\n\n\nb\n\n\n');
    expect(records).toEqual([['a'], ['b']]);
    expect(tokenizer.blankLines).toBe(2);
    expect(tokenizer.records).toBe(2);
  });

  it('treats a quote inside an unquoted field as a literal', () => {
    expect(tokenize('ab"c,d\n5" screen,x\n').records).toEqual([
      ['ab"c', 'd'],
      ['5" screen', 'x'],
    ]);
  });

  it('keeps text after a closing quote (lenient, like PapaParse)', () => {
    expect(tokenize('"a"b,c\n').records).toEqual([['ab', 'c']]);
  });

  it('reports an unterminated quote and keeps the rest of the input in its field', () => {
    const { records, tokenizer } = tokenize('h\nok\n"open\nmore,stuff\n');
    expect(records).toEqual([['h'], ['ok'], ['open\nmore,stuff\n']]);
    expect(tokenizer.unterminatedQuoteRecord).toBe(2);
  });

  it('does not report a quote that closes at the very end', () => {
    const { records, tokenizer } = tokenize('"a","b"');
    expect(records).toEqual([['a', 'b']]);
    expect(tokenizer.unterminatedQuoteRecord).toBe(-1);
  });

  it('emits a last line without newline', () => {
    expect(tokenize('a,b\n1,2').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles a quote-free line longer than 64K arriving in small pieces', () => {
    const long = 'v'.repeat(200_000);
    const { records } = tokenize(`${long},end\nnext,row\n`, 1000);
    expect(records).toEqual([
      [long, 'end'],
      ['next', 'row'],
    ]);
  });

  it('handles a 5 MB quoted field in 64 KB pieces', () => {
    const big = 'ab,"\n'.repeat(1024 * 1024);
    const { records } = tokenize(`1,"${big.replaceAll('"', '""')}",2\n`, 65536);
    expect(records).toHaveLength(1);
    expect(records[0][1]).toBe(big);
    expect(records[0][2]).toBe('2');
  });

  it('honours other delimiters and ignores commas then', () => {
    expect(tokenize('a;b,c\n"x;y";z\n', 0, { delimiter: ';' }).records).toEqual([
      ['a', 'b,c'],
      ['x;y', 'z'],
    ]);
  });

  it('round-trips random records for every piece size (property)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const atoms = ['a', 'bc', ',', '"', '\n', '\r\n', '\r', ' ', 'é', '😀', '""', '1.5'];
    for (let trial = 0; trial < 40; trial++) {
      const width = 1 + random(4);
      const records = Array.from({ length: 1 + random(12) }, () =>
        Array.from({ length: width }, () =>
          Array.from({ length: random(5) }, () => atoms[random(atoms.length)]).join(''),
        ),
      );
      // A record of one empty field is written as an empty line, which is skipped by design.
      const kept = records.filter((r) => !(r.length === 1 && r[0] === ''));
      const newline = trial % 2 ? '\r\n' : '\n';
      const text = serialize(kept, newline);
      for (const size of [0, 1, 2, 7, 64]) {
        expect(tokenize(text, size, { newline }).records).toEqual(kept);
      }
    }
  });
});
