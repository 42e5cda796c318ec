import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { importCsv } from '../../../src/core/table/import-csv';
import { bytesOf, importCsvFromBytes } from '../../../src/core/table/memory-import';
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

  it('rejects an XLSX (ZIP) file and NUL-laden bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect((await importError(zip)).message).toMatch(/Excel workbook/);
    const nul = utf8('a,b\n1,\u0000\n');
    const error = await importError(nul);
    expect(error.code).toBe('binary-file');
    expect(error.message).toBe(
      'This file is not text: it contains binary data. Choose a CSV file.',
    );
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

describe('importCsv: chunk boundaries', () => {
  const text =
    'id,"quoted, name",note\r\n' +
    '1,"a ""b"", c","line1\r\nline2"\r\n' +
    '2,plain,"x"\r\n' +
    '\r\n' +
    '3,"","tab\there, ""q"""\r\n' +
    '4,"é€😀","multi\n\nline"\r\n' +
    '5,last,end';

  it('gives the same result for 1-byte, 7-byte and whole pieces', async () => {
    const bytes = utf8(text);
    const whole = await importCsvFromBytes(bytes, { pieceSize: bytes.length });
    expect(rowsOf(whole)).toEqual([
      ['1', 'a "b", c', 'line1\r\nline2'],
      ['2', 'plain', 'x'],
      ['3', null, 'tab\there, "q"'],
      ['4', 'é€😀', 'multi\n\nline'],
      ['5', 'last', 'end'],
    ]);
    expect(whole.columns[1].name).toBe('quoted, name');
    for (const pieceSize of [1, 2, 3, 7, 13]) {
      const pieces = await importCsvFromBytes(bytes, { pieceSize });
      expect(rowsOf(pieces)).toEqual(rowsOf(whole));
      expect(pieces.warnings).toEqual(whole.warnings);
      expect(pieces.columns).toEqual(whole.columns);
    }
  });

  it('matches whole-file parsing for random quoted content cut at random places', async () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1', '.'];
    for (let trial = 0; trial < 25; trial++) {
      const lines = ['h1,h2,h3'];
      for (let r = 0; r < 20; r++) {
        const fields = Array.from({ length: 3 }, () => {
          const content = Array.from({ length: random(6) }, () => alphabet[random(10)]).join('');
          return `"${content.replaceAll('"', '""')}"`;
        });
        lines.push(fields.join(','));
      }
      const bytes = utf8(lines.join('\n') + '\n');
      const whole = rowsOf(await importCsvFromBytes(bytes));
      expect(whole).toHaveLength(20);
      const cut = 1 + random(9);
      expect(rowsOf(await importCsvFromBytes(bytes, { pieceSize: cut }))).toEqual(whole);
    }
  });
});

describe('importCsv: types across chunks', () => {
  it('revises integer to float when a fraction appears in a later chunk', async () => {
    const lines = ['n,label'];
    for (let i = 0; i < 10; i++) lines.push(`${i},x${i % 2}`);
    lines.push('2.5,x0');
    const result = await importText(lines.join('\n'), { chunkRows: 4 });
    expect(result.columns[0].type).toBe('float');
    expect(result.chunkCount).toBe(3);
    expect(columnTexts(result, 0)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => String(i)),
      '2.5',
    ]);
    const warning = result.warnings.find((w) => w.code === 'type-revised');
    expect(warning?.message).toContain('n (integer → float)');
  });

  it('revises a numeric column to categorical when later chunks are mostly text', async () => {
    const values = [
      '1',
      '2',
      '3',
      '4',
      'red',
      'blue',
      'red',
      'green',
      'blue',
      'red',
      'red',
      'blue',
    ];
    const result = await importText(`v\n${values.join('\n')}\n`, { chunkRows: 4 });
    expect(result.columns[0].type).toBe('categorical');
    expect(result.chunks.map((c) => c[0].data.encoding)).toEqual(['f64', 'dict', 'dict']);
    expect(columnTexts(result, 0)).toEqual(values);
    expect(warningCodes(result)).toEqual(['type-revised']);
  });

  it('keeps Infinity, NaN and 1e309 as unparsed text in a numeric column', async () => {
    const values = Array.from({ length: 97 }, (_, i) => String(i + 0.5));
    values.push('Infinity', 'NaN', '1e309');
    const result = await importText(`x\n${values.join('\n')}\n`);
    expect(result.columns[0]).toMatchObject({ type: 'float', invalidCount: 3 });
    const chunk = result.chunks[0][0];
    expect(Array.from(chunk.unparsedRows)).toEqual([97, 98, 99]);
    expect(chunk.unparsedText).toEqual(['Infinity', 'NaN', '1e309']);
    expect(columnTexts(result, 0).slice(-4)).toEqual(['96.5', 'Infinity', 'NaN', '1e309']);
  });

  it('round-trips many small chunks through decodeColumnChunk and cellText', async () => {
    const lines = ['id,when,flag,score,city'];
    const expected: (string | null)[][] = [];
    for (let i = 1; i <= 50; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const city = ['Paris', 'Lyon', ''][i % 3];
      lines.push(`${i},2024-02-${day},${i % 2 ? 'yes' : 'no'},${i * 1.5},${city}`);
      expected.push([
        String(i),
        `2024-02-${day}`,
        i % 2 ? 'true' : 'false',
        String(i * 1.5),
        city || null,
      ]);
    }
    const result = await importText(lines.join('\n') + '\n', { chunkRows: 7 });
    expect(result.chunkCount).toBe(8);
    expect(result.columns.map((c) => c.type)).toEqual([
      'identifier',
      'date',
      'boolean',
      'float',
      'categorical',
    ]);
    expect(
      result.chunks.every((c) => c.length === 5 && c.every((col, i) => col.column === i)),
    ).toBe(true);
    expect(result.chunks.map((c) => c[0].rows)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    expect(rowsOf(result)).toEqual(expected);
    expect(result.columns[4]).toMatchObject({ missingCount: 17, distinctCount: 2 });
    // Seven rows are too few to call unique integers an identifier; fifty are not.
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'type-revised',
        message: expect.stringContaining('id (integer → identifier)'),
      }),
    ]);
    expect(result.chunks.map((c) => c.map((col) => col.data.encoding[0]).join(''))).toEqual(
      Array(8).fill('ffffd'),
    );
  });

  it('does not warn about types that stay the same across chunks', async () => {
    const lines = ['n,x,label'];
    for (let i = 0; i < 100; i++) lines.push(`${i % 10},${i / 4},${['a', 'b'][i % 2]}`);
    const result = await importText(lines.join('\n'), { chunkRows: 25 });
    expect(result.columns.map((c) => c.type)).toEqual(['integer', 'float', 'categorical']);
    expect(result.chunkCount).toBe(4);
    expect(result.warnings).toEqual([]);
  });
});

describe('importCsv: streaming behaviour', () => {
  it('stops with an aborted error when the signal fires', async () => {
    const controller = new AbortController();
    const lines = Array.from({ length: 200 }, (_, i) => `${i},v${i}`).join('\n');
    let written = 0;
    const sink = {
      writeChunk: async () => {
        written++;
        if (written === 2) controller.abort();
      },
    };
    const run = importCsv(
      bytesOf('a,b\n', lines, '\n'),
      { datasetId: 'd', totalBytes: 0, signal: controller.signal, chunkRows: 10 },
      sink,
    );
    await expect(run).rejects.toMatchObject({ name: 'CleanroomError', code: 'aborted' });
    expect(written).toBe(2);
  });

  it('reports a stream that throws an AbortError as aborted, not unreadable', async () => {
    async function* cancelled(): AsyncGenerator<Uint8Array> {
      yield utf8('a,b\n1,2\n');
      throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    }
    const sink = { writeChunk: async () => undefined };
    await expect(
      importCsv(cancelled(), { datasetId: 'd', totalBytes: 9 }, sink),
    ).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const sink = { writeChunk: async () => undefined };
    await expect(
      importCsv(
        bytesOf('a\n1\n'),
        { datasetId: 'd', totalBytes: 4, signal: controller.signal },
        sink,
      ),
    ).rejects.toMatchObject({ code: 'aborted' });
  });

  it('awaits the sink for each chunk, in order, with the dataset id', async () => {
    const seen: string[] = [];
    let busy = false;
    const sink = {
      writeChunk: async (columns: { chunk: number; column: number; datasetId: string }[]) => {
        expect(busy).toBe(false);
        busy = true;
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(columns.map((c) => `${c.datasetId}:${c.chunk}:${c.column}`).join(' '));
        busy = false;
      },
    };
    const outcome = await importCsv(
      bytesOf('a,b\n1,2\n', '3,4\n5,6\n'),
      { datasetId: 'ds', totalBytes: 20, chunkRows: 2 },
      sink,
    );
    expect(seen).toEqual(['ds:0:0 ds:0:1', 'ds:1:0 ds:1:1']);
    expect(outcome).toMatchObject({ rows: 3, chunkCount: 2, chunkRows: 2 });
    expect(outcome.storedBytes).toBeGreaterThan(0);
  });

  it('reports progress with bytes and rows, ending at the total', async () => {
    const reports: { bytesRead: number; rows: number }[] = [];
    const text = 'a,b\n1,2\n3,4\n';
    await importCsvFromBytes(utf8(text), { onProgress: (p) => reports.push(p), pieceSize: 4 });
    expect(reports.at(-1)).toMatchObject({
      bytesRead: text.length,
      totalBytes: text.length,
      rows: 2,
    });
  });
});
