import { describe, expect, it } from 'vitest';
import {
  deleteDataset,
  getDataset,
  listDatasets,
  readStoredChunk,
} from '../../../src/storage/datasets-repo';
import { appendOperation } from '../../../src/storage/ops-repo';
import {
  column,
  dictStored,
  freshDb,
  importReady,
  installQuotaSwitch,
  numericStored,
} from './helpers';

const columns = [column(0, 'n', 'float'), column(1, 's', 'text')];
const chunks = (id: string, count: number) =>
  Array.from({ length: count }, (_, c) => [
    numericStored(id, 0, c, [c, c + 0.5]),
    dictStored(id, 1, c, ['x', null]),
  ]);

describe('datasets repository', () => {
  it('lists ready datasets newest first', async () => {
    const db = freshDb();
    await importReady(db, 'old', columns, chunks('old', 1), 2, 1_000);
    await importReady(db, 'new', columns, chunks('new', 1), 2, 3_000);
    await importReady(db, 'mid', columns, chunks('mid', 1), 2, 2_000);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['new', 'mid', 'old']);
    expect((await getDataset(db, 'mid'))?.rows).toBe(2);
    expect(await getDataset(db, 'nope')).toBeUndefined();
  });

  it('reads a stored chunk back with its typed arrays', async () => {
    const db = freshDb();
    await importReady(db, 'd', columns, chunks('d', 2), 2);
    const stored = await readStoredChunk(db, 'd', 0, 1);
    expect(stored?.data.encoding).toBe('f64');
    expect(stored?.data.encoding === 'f64' && Array.from(stored.data.values)).toEqual([1, 1.5]);
    expect(await readStoredChunk(db, 'd', 0, 2)).toBeUndefined();
  });

  it('deletes the record, every chunk and every op, leaving other datasets alone', async () => {
    const db = freshDb();
    await importReady(db, 'a', columns, chunks('a', 3), 2);
    await importReady(db, 'b', columns, chunks('b', 2), 2);
    await appendOperation(db, 'a', { kind: 'exclude-row', row: 0 });
    await appendOperation(db, 'b', { kind: 'exclude-row', row: 0 });
    await deleteDataset(db, 'a');
    expect(await getDataset(db, 'a')).toBeUndefined();
    expect(await db.chunks.where('datasetId').equals('a').count()).toBe(0);
    expect(await db.ops.where('datasetId').equals('a').count()).toBe(0);
    expect(await db.chunks.count()).toBe(4);
    expect(await db.ops.count()).toBe(1);
    await deleteDataset(db, 'a'); // already gone: fine
  });

  it('falls back to batches when one big delete is refused for quota', async () => {
    const db = freshDb();
    const quota = installQuotaSwitch(db);
    await importReady(db, 'big', columns, chunks('big', 10), 2);
    quota.failWhen = (table, req) =>
      table === 'chunks' && req.type === 'delete' && req.keys.length > 8;
    await deleteDataset(db, 'big');
    expect(quota.refused).toBe(1);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });
});
