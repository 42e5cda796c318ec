import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { getDataset, listDatasets } from '../../../src/storage/datasets-repo';
import { beginImport } from '../../../src/storage/import-session';
import { QUOTA_MESSAGE } from '../../../src/storage/storage-errors';
import { column, dictStored, freshDb, installQuotaSwitch, numericStored, summary } from './helpers';

const columns = [column(0, 'age', 'integer'), column(1, 'city', 'categorical')];
const start = { id: 'ds1', name: 'People', fileName: 'people.csv', fileBytes: 999 };
const chunkOf = (chunk: number) => [
  numericStored('ds1', 0, chunk, [1, 2, null, 4]),
  dictStored('ds1', 1, chunk, ['a', 'b', 'a', null]),
];

describe('import session', () => {
  it('is invisible until commit, then listed as ready with the final meta', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    await session.writeChunk(chunkOf(1));
    expect(await listDatasets(db)).toEqual([]);
    expect(await getDataset(db, 'ds1')).toBeUndefined();
    expect((await db.datasets.get('ds1'))?.status).toBe('importing');

    const meta = await session.commit(summary(columns, 8, 4), 42.4);
    expect(meta).toMatchObject({
      id: 'ds1',
      status: 'ready',
      rows: 8,
      chunkRows: 4,
      chunkCount: 2,
      importMs: 42,
      fileName: 'people.csv',
    });
    expect(await listDatasets(db)).toEqual([meta]);
    expect(await db.datasets.get('ds1')).not.toHaveProperty('heartbeatAt');
    expect(await db.chunks.count()).toBe(4);
  });

  it('stores typed arrays as typed arrays', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    const stored = await db.chunks.get(['ds1', 0, 0]);
    expect(stored?.data.encoding === 'f64' && stored.data.values).toBeInstanceOf(Float64Array);
    expect(stored?.missing).toBeInstanceOf(Uint8Array);
  });

  it('abort leaves nothing behind and is idempotent; the session is closed after it', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    await session.writeChunk(chunkOf(1));
    await session.abort();
    await session.abort();
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
    await expect(session.writeChunk(chunkOf(2))).rejects.toMatchObject({ code: 'aborted' });
    await expect(session.commit(summary(columns, 8, 4), 1)).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('abort after commit keeps the dataset', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    await session.commit(summary(columns, 4, 4), 1);
    await session.abort();
    expect(await listDatasets(db)).toHaveLength(1);
  });

  it('refuses to commit when chunks are missing, and stays unlisted', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    await expect(session.commit(summary(columns, 8, 4), 1)).rejects.toMatchObject({
      code: 'internal',
    });
    expect(await listDatasets(db)).toEqual([]);
  });

  it('refuses an id that already exists instead of overwriting it', async () => {
    const db = freshDb();
    await beginImport(db, start);
    await expect(beginImport(db, start)).rejects.toThrow();
  });

  it('refuses chunks of another dataset', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await expect(session.writeChunk([numericStored('other', 0, 0, [1])])).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('stops writing once its record was removed (e.g. swept by another tab)', async () => {
    const db = freshDb();
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    await db.transaction('rw', db.datasets, db.chunks, async () => {
      await db.chunks.clear();
      await db.datasets.clear();
    });
    await expect(session.writeChunk(chunkOf(1))).rejects.toMatchObject({ code: 'aborted' });
    expect(await db.chunks.count()).toBe(0);
  });
});

describe('import session on a full disk', () => {
  it('maps QuotaExceededError from bulkPut to a quota-exceeded CleanroomError and removes everything', async () => {
    const db = freshDb();
    const quota = installQuotaSwitch(db);
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    quota.failWhen = (table, req) => table === 'chunks' && req.type === 'put';
    const error = await session.writeChunk(chunkOf(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CleanroomError);
    expect(error).toMatchObject({ code: 'quota-exceeded', message: QUOTA_MESSAGE });
    expect(quota.refused).toBe(1);
    quota.failWhen = null;
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
    await session.abort(); // what the worker does next: harmless
  });

  it('still cleans up when the one-transaction delete fails for quota too, deleting in ever smaller batches', async () => {
    const db = freshDb();
    const quota = installQuotaSwitch(db);
    const session = await beginImport(db, start);
    for (let chunk = 0; chunk < 6; chunk++) await session.writeChunk(chunkOf(chunk));
    expect(await db.chunks.count()).toBe(12);
    quota.failWhen = (table, req) =>
      table === 'chunks' &&
      (req.type === 'put' ||
        req.type === 'deleteRange' ||
        (req.type === 'delete' && req.keys.length > 3));
    await expect(session.writeChunk(chunkOf(6))).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect(quota.refused).toBeGreaterThanOrEqual(2);
    quota.failWhen = null;
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });

  it('maps quota on commit as well', async () => {
    const db = freshDb();
    const quota = installQuotaSwitch(db);
    const session = await beginImport(db, start);
    await session.writeChunk(chunkOf(0));
    quota.failWhen = (table) => table === 'datasets';
    await expect(session.commit(summary(columns, 4, 4), 1)).rejects.toMatchObject({
      code: 'quota-exceeded',
    });
    quota.failWhen = null;
    await session.abort();
    expect(await db.chunks.count()).toBe(0);
  });
});
