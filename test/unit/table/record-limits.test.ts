import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { CsvTokenizer } from '../../../src/core/table/csv-tokenizer';
import { importCsv } from '../../../src/core/table/import-csv';
import type { RecordLimits } from '../../../src/core/table/record-limits';
import { importText, rowsOf } from './helpers';

/** Tokenizes `text` in pieces of `pieceSize`, returning the records or the error thrown. */
function tokenize(
  text: string,
  limits: Partial<RecordLimits>,
  pieceSize = text.length,
): string[][] | CleanroomError {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer({ delimiter: ',', limits, onRecord: (r) => records.push(r) });
  try {
    for (let i = 0; i < text.length; i += pieceSize) tokenizer.push(text.slice(i, i + pieceSize));
    tokenizer.end();
  } catch (error) {
    if (error instanceof CleanroomError) return error;
    throw error;
  }
  return records;
}

const messageOf = (result: string[][] | CleanroomError): string =>
  result instanceof CleanroomError ? result.message : 'no error';

describe('record limits', () => {
  it('refuses a record longer than maxRecordChars, naming its line, in any piece size', () => {
    const text = `a,b\n1,2\n${'x'.repeat(500)}\n3,4\n`;
    for (const size of [7, 100, 100_000]) {
      const result = tokenize(text, { maxRecordChars: 400 }, size);
      expect(result).toBeInstanceOf(CleanroomError);
      expect((result as CleanroomError).code).toBe('over-limit');
      expect(messageOf(result)).toMatch(/line 3 is longer than 400 characters/);
      expect(messageOf(result)).not.toContain('\n');
    }
  });

  it('keeps a record exactly at the limit', () => {
    expect(tokenize(`${'x'.repeat(400)}\n`, { maxRecordChars: 400 }, 64)).toEqual([
      ['x'.repeat(400)],
    ]);
  });

  it('refuses a never-closed quote once the record passes the limit, naming where it started', () => {
    const text = `h\nok\n\n"open\n${'y\n'.repeat(300)}`;
    const result = tokenize(text, { maxRecordChars: 100 }, 16);
    expect(messageOf(result)).toMatch(
      /record starting on line 4 .*quote opened there is never closed/,
    );
  });

  it('counts lines inside quotes and all three line ends when naming a line', () => {
    const text = `a,b\r\n"x\ny",1\rz,2\n${'w,'.repeat(20)}\n`;
    expect(messageOf(tokenize(text, { maxColumns: 10 }))).toMatch(/line 5 has more than 10 fields/);
  });

  it('refuses a line with more fields than maxColumns on both paths', () => {
    expect(messageOf(tokenize(`${'1,'.repeat(50)}\n`, { maxColumns: 50 }))).toMatch(
      /line 1 has more than 50 fields/,
    );
    expect(messageOf(tokenize(`"q",${'1,'.repeat(50)}\n`, { maxColumns: 50 }))).toMatch(
      /line 1 has more than 50 fields/,
    );
    expect(tokenize(`${'1,'.repeat(49)}1\n`, { maxColumns: 50 })).toHaveLength(1);
  });

  it('stops an endless line after reading little more than the limit (bounded memory)', async () => {
    let fed = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      const piece = new TextEncoder().encode('z'.repeat(1 << 16));
      for (;;) {
        fed += piece.length;
        yield piece;
      }
    }
    const limits = { maxRecordChars: 1 << 20 };
    const run = importCsv(
      endless(),
      { datasetId: 'x', totalBytes: 0, limits },
      {
        writeChunk: async () => undefined,
      },
    );
    await expect(run).rejects.toThrow(/line 1 is longer than 1,048,576 characters/);
    expect(fed).toBeLessThanOrEqual((1 << 20) + (1 << 17));
  });

  it('applies the default limits in an import and lets them be raised', async () => {
    const wide = `${Array.from({ length: 20 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(19)}1\n`;
    await expect(importText(wide, { limits: { maxColumns: 10 } })).rejects.toThrow(
      /line 1 has more than 10 fields/,
    );
    expect((await importText(wide, { limits: { maxColumns: 20 } })).columns).toHaveLength(20);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => tokenize('a\n', { maxColumns: 0 })).toThrow(/positive integer/);
  });
});

describe('mixed line ends', () => {
  it('ends a record at CRLF, LF and a lone CR alike, outside quotes only', () => {
    const text = 'a,b\r\n1,x\n2,y\r3,"q\rr"\r\n4,"s\nt"\r';
    for (const size of [1, 2, 3, 5, 100]) {
      expect(tokenize(text, {}, size)).toEqual([
        ['a', 'b'],
        ['1', 'x'],
        ['2', 'y'],
        ['3', 'q\rr'],
        ['4', 's\nt'],
      ]);
    }
  });

  it('imports 200 rows from a file mixing the three line ends (no merged rows)', async () => {
    const ends = ['\r\n', '\n', '\r'];
    const lines = ['id,x,label', ...Array.from({ length: 200 }, (_, i) => `${i},${i / 7},A`)];
    const text = lines.map((l, i) => l + ends[i % 3]).join('');
    const result = await importText(text, { pieceSize: 97 });
    expect(result.rows).toBe(200);
    expect(rowsOf(result).every((r) => r[2] === 'A')).toBe(true);
    expect(result.warnings.map((w) => w.code)).not.toContain('ragged-rows');
  });
});
