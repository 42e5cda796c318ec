/**
 * Import → cleaned CSV with no operations gives back every cell as written, byte for byte (the
 * formula guard's leading `'` the only difference): through the app's path (chunked storage,
 * decoded chunk by chunk) and the CLI's (an in-memory frame), for every shipped sample and for
 * generated files in each way of writing values.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cleanedCsvPieces } from '../../../src/core/export/cleaned-csv';
import { frameVersionBand, singleBand } from '../../../src/core/export/frame-version';
import { frameFromStored } from '../../../src/core/table/frame';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { cleanedCsvBlob } from '../../../src/storage/cleaning-export';
import { beginImport } from '../../../src/storage/import-session';
import { cleanedCsv, load, logOf } from '../recipe/helpers';
import { freshDb } from '../storage/helpers';
import { roundTripFiles, type TestFile } from './round-trip-files';

const SAMPLES = 'public/samples';
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];

function cells(text: string, delimiter: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const out = parsed.data;
  // The final newline leaves one empty record behind.
  while (out.length && out[out.length - 1].length === 1 && out[out.length - 1][0] === '') out.pop();
  return out;
}

/** The cells that came back otherwise than written (the formula guard allowed), as messages. */
function differences(original: string[][], exported: string[][]): string[] {
  const out: string[] = [];
  if (original.length !== exported.length)
    out.push(`${exported.length} lines for ${original.length}`);
  original.forEach((row, r) => {
    row.forEach((cell, c) => {
      const back = exported[r]?.[c];
      const guarded = FORMULA_START.includes(cell[0]) && back === `'${cell}`;
      if (back !== cell && !guarded)
        out.push(`line ${r}, column ${c}: ${JSON.stringify(cell)} → ${JSON.stringify(back)}`);
    });
    if (exported[r] && exported[r].length !== row.length)
      out.push(`line ${r}: ${exported[r].length} fields for ${row.length}`);
  });
  return out.slice(0, 10);
}

async function viaFrame(bytes: Uint8Array, chunkRows: number) {
  const imported = await importCsvFromBytes(bytes, { chunkRows });
  const frame = frameFromStored(imported.columns, imported.dialect, imported.chunks);
  const pieces: string[] = [];
  const band = singleBand(frameVersionBand(frame, []));
  for await (const piece of cleanedCsvPieces(imported.columns, band)) pieces.push(piece);
  return { text: pieces.join(''), delimiter: imported.dialect.delimiter };
}

async function viaStorage(bytes: Uint8Array, chunkRows: number): Promise<string> {
  const db = freshDb();
  const memory = await importCsvFromBytes(bytes, { datasetId: 'd', chunkRows });
  const session = await beginImport(db, { id: 'd', name: 'd', fileName: 'd.csv', fileBytes: 1 });
  for (const chunk of memory.chunks) await session.writeChunk(chunk);
  const meta = await session.commit(memory, 1);
  const text = await (await cleanedCsvBlob(db, meta)).text();
  db.close();
  return text;
}

async function checkRoundTrip(file: TestFile, chunkRows: number): Promise<void> {
  const bytes = new TextEncoder().encode(file.text);
  const { text, delimiter } = await viaFrame(bytes, chunkRows);
  const original = cells(file.text, delimiter);
  expect(differences(original, cells(text, ',')), `${file.name} through a frame`).toEqual([]);
  const stored = await viaStorage(bytes, chunkRows);
  expect(differences(original, cells(stored, ',')), `${file.name} through storage`).toEqual([]);
}

describe('round trip: import, then export with no operations', () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv'));

  it('covers every shipped sample', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of samples) {
    it(`gives back every cell of the sample ${name}`, async () => {
      const text = readFileSync(`${SAMPLES}/${name}`, 'utf8');
      await checkRoundTrip({ name, text }, 1000);
    });
  }

  for (const file of roundTripFiles()) {
    it(`gives back every cell of ${file.name}, across chunks of 16 rows`, async () => {
      await checkRoundTrip(file, 16);
    });
  }

  it('gives back dates whose first chunk learnt another shape than the rest', async () => {
    // Chunk 0 (4 rows) is mostly text when written, so it is stored as text and read as dates
    // later, in its own shape; the other chunks learn theirs while parsing.
    const lines = ['when', 'x', '2026-12-01 10:00', '2026-12-02 11:00', '2026-12-03 12:00'];
    for (let i = 0; i < 76; i++)
      lines.push(`2027-01-${String((i % 28) + 1).padStart(2, '0')}T08:15:00Z`);
    await checkRoundTrip({ name: 'two-shapes.csv', text: `${lines.join('\n')}\n` }, 4);
  });

  it('finds a changed cell (the comparison is not blind)', () => {
    const a = [['x', '1.50']];
    expect(differences(a, [['x', '1.5']])).toEqual(['line 0, column 1: "1.50" → "1.5"']);
    expect(differences([['=1']], [["'=1"]])).toEqual([]);
  });
});

describe('edited cells', () => {
  it('are written in their column style: yes/no spelling, decimal comma, date shape', async () => {
    const lines = ['flag;amount;stamp'];
    for (let i = 0; i < 30; i++)
      lines.push(`${i % 2 ? 'Yes' : 'No'};${i},5;2026-12-${String(i + 1).padStart(2, '0')} 14:05`);
    const loaded = await load(`${lines.join('\n')}\n`);
    expect(loaded.columns.map((c) => c.type)).toEqual(['boolean', 'float', 'date']);
    const log = logOf(
      { kind: 'relabel', row: 0, column: 0, value: 'yes' },
      { kind: 'set-cell', row: 1, column: 1, value: '2.25' },
      { kind: 'set-cell', row: 2, column: 2, value: '2027-01-31T09:30:00Z' },
    );
    const rows = (await cleanedCsv(loaded, log)).text.split('\r\n').slice(1, 4);
    expect(rows).toEqual([
      'Yes,"0,5",2026-12-01 14:05',
      'Yes,"2,25",2026-12-02 14:05',
      'No,"2,5",2027-01-31 09:30',
    ]);
  });
});
