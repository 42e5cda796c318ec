import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteDataset } from '../../../src/storage/datasets-repo';
import { CleanroomDb } from '../../../src/storage/db';
import { getSettings, updateSettings } from '../../../src/storage/settings-repo';
import { column, freshDb, importReady, numericStored } from './helpers';

const columns = [column(0, 'n', 'float')];

describe('dataset settings', () => {
  it('start blank, merge changes and survive reopening the database', async () => {
    const indexedDB = new IDBFactory();
    const open = () => new CleanroomDb({ name: 'settings', indexedDB, IDBKeyRange });
    const db = open();
    expect(await getSettings(db, 'a')).toEqual({ datasetId: 'a', target: null, ranking: null });
    await updateSettings(db, 'a', { target: 'species' });
    const ranking = {
      target: 'species',
      validation: { kind: 'held-out' as const },
      rankedAt: '2026-01-01T00:00:00.000Z',
    };
    await updateSettings(db, 'a', { ranking });
    db.close();
    const again = open();
    expect(await getSettings(again, 'a')).toEqual({ datasetId: 'a', target: 'species', ranking });
    expect((await getSettings(again, 'b')).target).toBeNull();
  });

  it('go with their dataset when it is deleted', async () => {
    const db = freshDb();
    await importReady(db, 'a', columns, [[numericStored('a', 0, 0, [1])]], 1);
    await importReady(db, 'b', columns, [[numericStored('b', 0, 0, [1])]], 1);
    await updateSettings(db, 'a', { target: 'n' });
    await updateSettings(db, 'b', { target: 'n' });
    await deleteDataset(db, 'a');
    expect((await getSettings(db, 'a')).target).toBeNull();
    expect((await getSettings(db, 'b')).target).toBe('n');
  });

  it('upgrade a version-2 database without losing its records', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores({
      datasets: 'id, status, createdAt',
      chunks: '[datasetId+column+chunk], datasetId',
      ops: '[datasetId+seq], datasetId',
    });
    old.version(2).stores({ runs: 'runId, datasetId, createdAt', models: 'runId, datasetId' });
    await old.table('datasets').put({ id: 'kept', status: 'ready', createdAt: 1 });
    await old
      .table('ops')
      .put({ datasetId: 'kept', seq: 1, at: 1, op: { kind: 'exclude-row', row: 0 } });
    old.close();
    const db = new CleanroomDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    expect((await db.datasets.get('kept'))?.status).toBe('ready');
    expect(await db.ops.count()).toBe(1);
    expect((await updateSettings(db, 'kept', { target: 'n' })).target).toBe('n');
    expect(db.verno).toBe(3);
  });
});
