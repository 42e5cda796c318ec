import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../src/core/table/import-csv';
import { bytesOf } from '../../../src/core/table/memory-import';
import { getDataset } from '../../../src/storage/datasets-repo';
import { beginImport } from '../../../src/storage/import-session';
import {
  appendOperation,
  listOperations,
  revertOperation,
  undo,
} from '../../../src/storage/ops-repo';
import { readRows, readVersionColumnChunk } from '../../../src/storage/version-reader';
import { column, dictStored, freshDb, importReady, numericStored } from './helpers';

const columns = [column(0, 'age', 'integer'), column(1, 'city', 'categorical')];
// 10 rows in chunks of 4: rows 0-3, 4-7, 8-9.
const ages = [
  [30, null, 'n/a', 41],
  [52, 18, 77, 64],
  [29, 33],
] as const;
const cities = [
  ['Oslo', 'Rome', null, 'Oslo'],
  ['Lima', 'Rome', 'Oslo', 'Kyiv'],
  ['Lima', null],
] as const;

async function dataset() {
  const db = freshDb();
  const chunks = ages.map((cells, c) => [
    numericStored('d', 0, c, [...cells]),
    dictStored('d', 1, c, [...cities[c]]),
  ]);
  const meta = await importReady(db, 'd', columns, chunks, 4);
  return { db, meta };
}

describe('readVersionColumnChunk', () => {
  it('decodes the stored chunk and replays the active ops, leaving the stored record as it was', async () => {
    const { db, meta } = await dataset();
    await appendOperation(db, 'd', { kind: 'set-cell', row: 5, column: 0, value: '19' });
    await appendOperation(db, 'd', { kind: 'set-cell', row: 1, column: 0, value: '99' }); // other chunk
    await appendOperation(db, 'd', {
      kind: 'column-transform',
      column: 1,
      transform: { kind: 'map-categories', mapping: [['Rome', 'Roma']] },
    });
    const age = await readVersionColumnChunk(db, meta, 0, 1);
    expect(Array.from(age.numbers!)).toEqual([52, 19, 77, 64]);
    const city = await readVersionColumnChunk(db, meta, 1, 1);
    expect([0, 1, 2, 3].map((r) => city.dictionary![city.codes![r]])).toEqual([
      'Lima',
      'Roma',
      'Oslo',
      'Kyiv',
    ]);
    const stored = await db.chunks.get(['d', 0, 1]);
    expect(stored?.data.encoding === 'f64' && Array.from(stored.data.values)).toEqual([
      52, 18, 77, 64,
    ]);
  });

  it('uses the ops it is given instead of the stored log', async () => {
    const { db, meta } = await dataset();
    await appendOperation(db, 'd', { kind: 'set-cell', row: 0, column: 0, value: '1' });
    const source = await readVersionColumnChunk(db, meta, 0, 0, []);
    expect(source.numbers![0]).toBe(30);
  });

  it('refuses a column or chunk that does not exist', async () => {
    const { db, meta } = await dataset();
    await expect(readVersionColumnChunk(db, meta, 2, 0)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(readVersionColumnChunk(db, meta, 0, 3)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('readRows', () => {
  it('reads a page across chunk boundaries with cells, invalid, missing and row flags', async () => {
    const { db, meta } = await dataset();
    await appendOperation(db, 'd', { kind: 'exclude-row', row: 4 });
    await appendOperation(db, 'd', { kind: 'mark-reviewed', row: 8 });
    await appendOperation(db, 'd', { kind: 'set-cell', row: 9, column: 1, value: 'Quito' });
    const page = await readRows(db, meta, 2, 7, [1, 0]);
    expect(page).toMatchObject({ start: 2, count: 7, rows: 7, columns: [1, 0] });
    expect(page.cells[0]).toEqual([null, 'Oslo', 'Lima', 'Rome', 'Oslo', 'Kyiv', 'Lima']);
    expect(page.cells[1]).toEqual(['n/a', '41', '52', '18', '77', '64', '29']);
    expect(Array.from(page.invalid[1])).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(page.missing[0])).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(page.excluded)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(Array.from(page.reviewed)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    const end = await readRows(db, meta, 8, 5, [1]);
    expect(end.cells[0]).toEqual(['Lima', 'Quito']);
  });

  it('clamps the page to the dataset', async () => {
    const { db, meta } = await dataset();
    expect((await readRows(db, meta, 8, 100, [0])).count).toBe(2);
    expect((await readRows(db, meta, 50, 10, [0])).count).toBe(0);
    expect((await readRows(db, meta, -5, 2, [0])).cells[0]).toEqual(['30', null]);
  });

  it('follows the log as it changes: edits, a reverted middle op, undo', async () => {
    const { db, meta } = await dataset();
    const read = async () => (await readRows(db, meta, 0, 4, [0])).cells[0];
    expect(await read()).toEqual(['30', null, 'n/a', '41']);
    await appendOperation(db, 'd', { kind: 'set-cell', row: 2, column: 0, value: '45' });
    const middle = await appendOperation(db, 'd', {
      kind: 'column-transform',
      column: 0,
      transform: { kind: 'impute', strategy: 'median', value: '40' },
    });
    await appendOperation(db, 'd', { kind: 'set-cell', row: 0, column: 0, value: '31' });
    expect(await read()).toEqual(['31', '40', '45', '41']);
    await revertOperation(db, 'd', middle.seq);
    expect(await read()).toEqual(['31', null, '45', '41']);
    await undo(db, 'd'); // undoes the revert: the imputation is back
    expect(await read()).toEqual(['31', '40', '45', '41']);
    expect((await listOperations(db, 'd')).length).toBe(5);
  });

  it('refuses unknown columns', async () => {
    const { db, meta } = await dataset();
    await expect(readRows(db, meta, 0, 1, [0, 5])).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('import pipeline to version', () => {
  it('imports a CSV through the session and reads it back, then with edits', async () => {
    const db = freshDb();
    // Enough numbers that "abc" is an invalid integer rather than making the column text.
    const scores = Array.from({ length: 40 }, (_, i) =>
      i === 2 ? 'abc' : i === 1 ? '' : String(50 + i),
    );
    const csv = `name,score\n${scores.map((score, i) => `p${i},${score}`).join('\n')}\n`;
    const session = await beginImport(db, {
      id: 'csv',
      name: 'Scores',
      fileName: 'scores.csv',
      fileBytes: csv.length,
    });
    const outcome = await importCsv(
      bytesOf(csv),
      { datasetId: 'csv', totalBytes: csv.length },
      session,
    );
    await session.commit(outcome, 5);
    const meta = (await getDataset(db, 'csv'))!;
    expect(meta.rows).toBe(40);
    expect(meta.columns[1].type).toBe('integer');
    const before = await readRows(db, meta, 0, 4, [0, 1]);
    expect(before.cells).toEqual([
      ['p0', 'p1', 'p2', 'p3'],
      ['50', null, 'abc', '53'],
    ]);
    expect(Array.from(before.invalid[1])).toEqual([0, 0, 1, 0]);
    expect(Array.from(before.missing[1])).toEqual([0, 1, 0, 0]);

    await appendOperation(db, 'csv', { kind: 'set-cell', row: 2, column: 1, value: '77' });
    await expect(
      appendOperation(db, 'csv', { kind: 'set-cell', row: 1, column: 1, value: 'abc' }),
    ).rejects.toMatchObject({ code: 'invalid-operation' });
    const after = await readRows(db, meta, 0, 4, [1]);
    expect(after.cells[0]).toEqual(['50', null, '77', '53']);
    expect(Array.from(after.invalid[0])).toEqual([0, 0, 0, 0]);
  });
});
