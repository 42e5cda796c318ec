import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { importCsv } from '../../../src/core/table/import-csv';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { columnTexts, importText, rowsOf, utf8, warningCodes } from './helpers';

async function importError(bytes: Uint8Array): Promise<CleanroomError> {
  const error = await importCsvFromBytes(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CleanroomError);
  return error as CleanroomError;
}

describe('importCsv: files that cannot be imported', () => {
  it('rejects a 0-byte file as empty', async () => {
    const error = await importError(new Uint8Array(0));
    expect(error.code).toBe('empty-file');
    expect(error.message).toMatch(/empty/);
  });

  it('rejects a whitespace-only file as empty', async () => {
    expect((await importError(utf8(' \n\t\r\n  \n'))).code).toBe('empty-file');
  });

  it('rejects a header with no data rows', async () => {
    const error = await importError(utf8('name,age,city\n'));
    expect(error.code).toBe('header-only');
    expect(error.message).toBe(
      'This file has a header row but no data rows. Choose a CSV file with at least one row of data.',
    );
  });

  it('rejects a PNG renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73]);
    const error = await importError(png);
    expect(error.code).toBe('binary-file');
    expect(error.message).toBe(
      'This file is not text: it looks like a PNG image. Choose a CSV file.',
    );
  });

  it('rejects an XLSX (ZIP) file and mostly binary bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect((await importError(zip)).message).toMatch(/Excel workbook/);
    const nul = utf8('a,b\n1,\u0000\u0000\u0001\u0000\n');
    const error = await importError(nul);
    expect(error.code).toBe('binary-file');
    expect(error.message).toBe(
      'This file is not text: it contains binary data. Choose a CSV file.',
    );
  });

  it('strips a few NUL bytes with a warning naming their lines', async () => {
    // The second line lies past the 64 KB sniffed before tokenizing starts.
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i},v${i}`);
    rows[4] = '4,v\u00004';
    rows[9000] = '9000\u0000,v9000\u0000';
    const result = await importText(`id,name\r\n${rows.join('\r\n')}\r\n`, { pieceSize: 1000 });
    expect(result.rows).toBe(10_000);
    expect(columnTexts(result, 1)[4]).toBe('v4');
    expect(columnTexts(result, 0)[9000]).toBe('9000');
    const warning = result.warnings.find((w) => w.code === 'nul-bytes');
    expect(warning?.count).toBe(3);
    expect(warning?.message).toMatch(/3 NUL characters .* removed, on lines 6, 9,002 of the file/);
  });

  it('turns a failing byte stream into unreadable-file', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield utf8('a,b\n1,2\n');
      throw new Error('NotReadableError');
    }
    const sink = { writeChunk: async () => undefined };
    await expect(
      importCsv(failing(), { datasetId: 'd', totalBytes: 100 }, sink),
    ).rejects.toMatchObject({
      code: 'unreadable-file',
    });
  });
});

describe('importCsv: shapes of files', () => {
  it('imports, flags and counts ragged rows (too many and too few fields)', async () => {
    const result = await importText('a,b,c\n1,2,3\n4,5\n6,7,8,9,10\n11,12,13\n14\n');
    expect(result.rows).toBe(5);
    expect(rowsOf(result)).toEqual([
      ['1', '2', '3'],
      ['4', '5', null],
      ['6', '7', '8'],
      ['11', '12', '13'],
      ['14', null, null],
    ]);
    const ragged = result.warnings.find((w) => w.code === 'ragged-rows');
    expect(ragged).toMatchObject({ count: 3, rows: [1, 2, 4] });
    expect(ragged?.message).toMatch(/2 with too few .* 1 with too many/);
    expect(result.columns[2].missingCount).toBe(2);
  });

  it('keeps the rest of the file in the cell of an unterminated quote', async () => {
    const result = await importText('id,note\n1,ok\n2,"open\n3,never closed\n');
    expect(result.rows).toBe(2);
    expect(columnTexts(result, 1)).toEqual(['ok', 'open\n3,never closed\n']);
    const warning = result.warnings.find((w) => w.code === 'unterminated-quote');
    expect(warning).toMatchObject({ count: 1, rows: [1] });
    expect(warning?.message).toMatch(/data row 2/);
  });

  it('imports one 5 MB field', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024 - 10) + ',"; \n';
    const text = `id,blob,n\n1,"${big.replaceAll('"', '""')}",7\n2,small,8\n`;
    const result = await importText(text, { pieceSize: 64 * 1024 });
    expect(result.rows).toBe(2);
    expect(columnTexts(result, 1)[0]).toBe(big);
    expect(columnTexts(result, 2)).toEqual(['7', '8']);
    expect(result.columns[1].maxLength).toBe(big.length);
    expect(warningCodes(result)).toContain('large-field');
  });

  it('imports 2,000 columns', async () => {
    const header = Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',');
    const rows = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 2000 }, (_, c) => String(r * c)).join(','),
    );
    const result = await importText(`${header}\n${rows.join('\n')}\n`);
    expect(result.columns).toHaveLength(2000);
    expect(result.rows).toBe(30);
    expect(result.chunkRows).toBe(1048);
    expect(result.chunks[0]).toHaveLength(2000);
    expect(result.columns[1999].name).toBe('c1999');
    expect(columnTexts(result, 1999)[29]).toBe(String(29 * 1999));
  });

  it('renames duplicate and empty header names and warns', async () => {
    const result = await importText('a,a,,b,a\n1,2,3,4,5\n');
    expect(result.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3', 'b', 'a_3']);
    expect(result.columns.map((c) => c.originalName)).toEqual(['a', 'a', '', 'b', 'a']);
    const warning = result.warnings.find((w) => w.code === 'renamed-headers');
    expect(warning?.count).toBe(3);
  });

  it('handles headers named __proto__ and constructor', async () => {
    const result = await importText('__proto__,constructor,toString\nx,y,z\nx,w,z\n');
    expect(result.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(rowsOf(result)).toEqual([
      ['x', 'y', 'z'],
      ['x', 'w', 'z'],
    ]);
    expect(result.columns[0].distinctCount).toBe(1);
    expect(warningCodes(result)).toEqual([]);
  });

  it('reads CR-only line ends', async () => {
    const result = await importText('a,b\r1,x\r2,"y\rz"\r3,w\r');
    expect(result.dialect.newline).toBe('\r');
    expect(rowsOf(result)).toEqual([
      ['1', 'x'],
      ['2', 'y\rz'],
      ['3', 'w'],
    ]);
  });

  it('does not count a trailing empty line as a row or a blank line', async () => {
    const result = await importText('a,b\n1,2\n3,4\n\n');
    expect(result.rows).toBe(2);
    expect(result.warnings).toEqual([]);
    const crlf = await importText('a,b\r\n1,2\r\n\r\n');
    expect(crlf.rows).toBe(1);
    expect(crlf.dialect.newline).toBe('\r\n');
    expect(rowsOf(crlf)).toEqual([['1', '2']]);
  });

  it('skips and counts blank lines between rows', async () => {
    const result = await importText('a,b\n1,2\n\n\n3,4\n');
    expect(result.rows).toBe(2);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'blank-lines', count: 2 })]);
  });

  it('names the columns of a file without a header row', async () => {
    const result = await importText('1,2.5,x\n2,3.5,y\n3,4.5,z\n');
    expect(result.dialect.hasHeader).toBe(false);
    expect(result.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(result.rows).toBe(3);
    expect(warningCodes(result)).toEqual(['no-header']);
  });
});

describe('importCsv: encodings', () => {
  const text = 'name,city\nJosé,Zürich\nChloé,Besançon\n';
  const expected = [
    ['José', 'Zürich'],
    ['Chloé', 'Besançon'],
  ];

  function utf16(le: boolean): Uint8Array {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  }

  it('reads UTF-16 LE with BOM', async () => {
    const result = await importCsvFromBytes(utf16(true), { pieceSize: 5 });
    expect(result.dialect).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(rowsOf(result)).toEqual(expected);
  });

  it('reads UTF-16 BE with BOM', async () => {
    const result = await importCsvFromBytes(utf16(false), { pieceSize: 3 });
    expect(result.dialect).toMatchObject({ encoding: 'utf-16be', bom: true });
    expect(rowsOf(result)).toEqual(expected);
  });

  it('reads UTF-8 with BOM without keeping the BOM in the first name', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const result = await importCsvFromBytes(bytes);
    expect(result.dialect).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(result.columns[0].name).toBe('name');
    expect(rowsOf(result)).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('reads a Latin-1 file (café as byte 0xE9) as Windows-1252', async () => {
    const bytes = Uint8Array.from('drink,price\ncaf\xe9,2\nth\xe9,3\n', (ch) => ch.charCodeAt(0));
    const result = await importCsvFromBytes(bytes);
    expect(result.dialect.encoding).toBe('windows-1252');
    expect(columnTexts(result, 0)).toEqual(['café', 'thé']);
    expect(warningCodes(result)).toEqual(['encoding-fallback']);
  });

  it('falls back without mojibake when the bytes stop being UTF-8 after 64 KB', async () => {
    const ascii = Array.from({ length: 7000 }, (_, i) => `row${i},${i}\n`).join('');
    const head = utf8(`name,n\n${ascii}`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const tail = Uint8Array.from('caf\xe9,1\nna\xefve,2\n', (ch) => ch.charCodeAt(0));
    const bytes = new Uint8Array([...head, ...tail, ...utf8('€uro,3\n')]);
    const result = await importCsvFromBytes(bytes, { pieceSize: 4096 });
    expect(result.dialect.encoding).toBe('utf-8');
    expect(columnTexts(result, 0).slice(-3)).toEqual(['café', 'naïve', '€uro']);
    const warning = result.warnings.find((w) => w.code === 'encoding-fallback');
    expect(warning).toMatchObject({ count: 2 });
    expect(warning?.message).toContain(`byte ${(head.length + 3).toLocaleString('en-US')}`);
  });
});

describe('importCsv: dialects', () => {
  it('reads decimal commas with a ; delimiter', async () => {
    const result = await importText('item;price;qty\na;1.234,5;3\nb;3,14;4\nc;-0,5;5\n');
    expect(result.dialect).toMatchObject({ delimiter: ';', decimalComma: true });
    expect(result.columns[1].type).toBe('float');
    const chunk = result.chunks[0][1];
    expect(chunk.data.encoding).toBe('f64');
    expect(Array.from((chunk.data as { values: Float64Array }).values)).toEqual([
      1234.5, 3.14, -0.5,
    ]);
    expect(columnTexts(result, 1)).toEqual(['1234.5', '3.14', '-0.5']);
  });

  it('reads tab-delimited files', async () => {
    const result = await importText('a\tb\tc\n1\tx, y\t2\n3\tz\t4\n');
    expect(result.dialect.delimiter).toBe('\t');
    expect(rowsOf(result)).toEqual([
      ['1', 'x, y', '2'],
      ['3', 'z', '4'],
    ]);
  });

  it('reads pipe-delimited files', async () => {
    const result = await importText('a|b\n1|x,y;z\n2|w\n');
    expect(result.dialect.delimiter).toBe('|');
    expect(rowsOf(result)).toEqual([
      ['1', 'x,y;z'],
      ['2', 'w'],
    ]);
  });
});
