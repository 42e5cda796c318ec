/** importCsv across chunk boundaries, type revision between chunks, and streaming behaviour. */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../src/core/table/import-csv';
import { bytesOf, importCsvFromBytes } from '../../../src/core/table/memory-import';
import { columnTexts, importText, rowsOf, utf8, warningCodes } from './helpers';

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

  it('fails with the error of the sink, writes nothing after it and leaves no write running', async () => {
    const written: number[] = [];
    let running = 0;
    const sink = {
      writeChunk: async (columns: { chunk: number }[]) => {
        running++;
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        if (columns[0].chunk === 1) throw new Error('disk full');
        written.push(columns[0].chunk);
      },
    };
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i * 2}`).join('\n');
    const run = importCsv(
      bytesOf('a,b\n', rows, '\n'),
      { datasetId: 'ds', totalBytes: 100, chunkRows: 2 },
      sink,
    );
    await expect(run).rejects.toThrow('disk full');
    expect(written).toEqual([0]);
    expect(running).toBe(0);
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
