import { describe, expect, it } from 'vitest';
import { listDatasets } from '../../../src/storage/datasets-repo';
import {
  IMPORT_ALIVE_WITHOUT_LOCKS_MS,
  importLockName,
  isImportAliveViaLocks,
  sweepAbandonedImports,
} from '../../../src/storage/import-liveness';
import { beginImport } from '../../../src/storage/import-session';
import { column, freshDb, importReady, numericStored } from './helpers';

/** A LockManager stand-in whose query() reports the given held lock names. */
function fakeLocks(held: string[], pending: string[] = []): LockManager {
  return {
    query: async () => ({
      held: held.map((name) => ({ name, mode: 'exclusive' })),
      pending: pending.map((name) => ({ name, mode: 'exclusive' })),
    }),
    request: async () => undefined,
  } as unknown as LockManager;
}

describe('sweepAbandonedImports', () => {
  it('removes dead imports with their chunks, keeps live imports and ready datasets', async () => {
    const db = freshDb();
    await importReady(
      db,
      'ready',
      [column(0, 'x', 'float')],
      [[numericStored('ready', 0, 0, [1])]],
      4,
    );
    const dead = await beginImport(db, { id: 'dead', name: 'd', fileName: 'd.csv', fileBytes: 1 });
    await dead.writeChunk([numericStored('dead', 0, 0, [1, 2])]);
    const live = await beginImport(db, { id: 'live', name: 'l', fileName: 'l.csv', fileBytes: 1 });
    await live.writeChunk([numericStored('live', 0, 0, [1, 2])]);

    const asked: string[] = [];
    const removed = await sweepAbandonedImports(db, async (id) => {
      asked.push(id);
      return id === 'live';
    });
    expect(removed).toEqual(['dead']);
    expect(asked.sort()).toEqual(['dead', 'live']);
    expect(await db.datasets.get('dead')).toBeUndefined();
    expect(await db.chunks.where('datasetId').equals('dead').count()).toBe(0);
    expect(await db.chunks.where('datasetId').equals('live').count()).toBe(1);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['ready']);
    // The live import carries on and commits normally.
    await live.writeChunk([numericStored('live', 0, 1, [3])]);
  });

  it('works with the Web Locks check: the lock holder survives, the rest is swept', async () => {
    const db = freshDb();
    await beginImport(db, { id: 'a', name: 'a', fileName: 'a.csv', fileBytes: 1 });
    await beginImport(db, { id: 'b', name: 'b', fileName: 'b.csv', fileBytes: 1 });
    const locks = fakeLocks([importLockName('a'), 'unrelated']);
    const removed = await sweepAbandonedImports(db, (id, record) =>
      isImportAliveViaLocks(id, record, locks),
    );
    expect(removed).toEqual(['b']);
  });
});

describe('isImportAliveViaLocks', () => {
  const now = 10_000_000_000;
  const old = { createdAt: now - IMPORT_ALIVE_WITHOUT_LOCKS_MS - 1 };

  it('is alive exactly while its lock is held or requested', async () => {
    expect(await isImportAliveViaLocks('x', old, fakeLocks([importLockName('x')]), now)).toBe(true);
    expect(await isImportAliveViaLocks('x', old, fakeLocks([], [importLockName('x')]), now)).toBe(
      true,
    );
    expect(
      await isImportAliveViaLocks('x', { createdAt: now }, fakeLocks([importLockName('y')]), now),
    ).toBe(false);
  });

  it('without Web Locks keeps records younger than 10 minutes, judged by the last write', async () => {
    expect(await isImportAliveViaLocks('x', { createdAt: now - 60_000 }, undefined, now)).toBe(
      true,
    );
    expect(await isImportAliveViaLocks('x', old, undefined, now)).toBe(false);
    expect(
      await isImportAliveViaLocks('x', { ...old, heartbeatAt: now - 1_000 }, undefined, now),
    ).toBe(true);
    expect(await isImportAliveViaLocks('x', undefined, undefined, now)).toBe(true);
  });

  it('falls back to the age rule when query() fails', async () => {
    const broken = {
      query: async () => Promise.reject(new Error('SecurityError')),
    } as unknown as LockManager;
    expect(await isImportAliveViaLocks('x', { createdAt: now }, broken, now)).toBe(true);
    expect(await isImportAliveViaLocks('x', old, broken, now)).toBe(false);
  });
});
