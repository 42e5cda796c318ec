import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { activeOperations } from '../../../src/core/clean/active-operations';
import { CleanroomError } from '../../../src/core/errors';
import { CleanroomDb } from '../../../src/storage/db';
import { beginImport } from '../../../src/storage/import-session';
import {
  appendOperation,
  listOperations,
  readUndoRedoState,
  redo,
  revertOperation,
  undo,
} from '../../../src/storage/ops-repo';
import { column, dictStored, freshDb, importReady, numericStored } from './helpers';

const columns = [column(0, 'age', 'integer'), column(1, 'city', 'categorical')];

async function ready(db = freshDb()) {
  await importReady(
    db,
    'd',
    columns,
    [[numericStored('d', 0, 0, [1, 2, 3]), dictStored('d', 1, 0, ['a', 'b', 'c'])]],
    4,
  );
  return db;
}
const activeSeqs = async (db: CleanroomDb) =>
  activeOperations(await listOperations(db, 'd')).map((o) => o.seq);

describe('ops repository', () => {
  it('assigns dense seqs from 1 and lists in seq order', async () => {
    const db = await ready();
    const first = await appendOperation(db, 'd', {
      kind: 'set-cell',
      row: 0,
      column: 0,
      value: '40',
    });
    const second = await appendOperation(db, 'd', { kind: 'exclude-row', row: 2 });
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(first).toMatchObject({ datasetId: 'd', op: { kind: 'set-cell', value: '40' } });
    expect(typeof first.at).toBe('number');
    expect((await listOperations(db, 'd')).map((o) => o.seq)).toEqual([1, 2]);
  });

  it('never hands out one seq twice, even to concurrent appends from two connections (tabs)', async () => {
    const factory = new IDBFactory();
    const tabA = new CleanroomDb({ name: 'shared', indexedDB: factory, IDBKeyRange });
    const tabB = new CleanroomDb({ name: 'shared', indexedDB: factory, IDBKeyRange });
    await ready(tabA);
    const appends = Array.from({ length: 30 }, (_, i) =>
      appendOperation(i % 2 ? tabA : tabB, 'd', { kind: 'mark-reviewed', row: i % 3 }),
    );
    const seqs = (await Promise.all(appends)).map((o) => o.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('refuses invalid ops with a readable reason and stores nothing', async () => {
    const db = await ready();
    const error = await appendOperation(db, 'd', {
      kind: 'set-cell',
      row: 0,
      column: 0,
      value: 'abc',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CleanroomError);
    expect(error.code).toBe('invalid-operation');
    expect(error.message).toMatch(/“abc” is not a number/);
    await expect(appendOperation(db, 'd', { kind: 'exclude-row', row: 3 })).rejects.toThrow(
      /Row 3 does not exist/,
    );
    await expect(
      appendOperation(db, 'd', { kind: 'relabel', row: 0, column: 2, value: 'x' }),
    ).rejects.toThrow(/no column 2/);
    await expect(revertOperation(db, 'd', 1)).rejects.toThrow(/no step #1/);
    expect(await listOperations(db, 'd')).toEqual([]);
  });

  it('refuses ops on a missing or still-importing dataset', async () => {
    const db = await ready();
    await beginImport(db, { id: 'busy', name: 'b', fileName: 'b.csv', fileBytes: 1 });
    await expect(
      appendOperation(db, 'busy', { kind: 'exclude-row', row: 0 }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      appendOperation(db, 'nope', { kind: 'exclude-row', row: 0 }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reverts a middle op and redoes it by reverting the revert', async () => {
    const db = await ready();
    for (const row of [0, 1, 2]) await appendOperation(db, 'd', { kind: 'exclude-row', row });
    const revert = await revertOperation(db, 'd', 2);
    expect(revert.op).toEqual({ kind: 'revert', target: 2 });
    expect(await activeSeqs(db)).toEqual([1, 3]);
    await revertOperation(db, 'd', revert.seq);
    expect(await activeSeqs(db)).toEqual([1, 2, 3]);
  });

  it('undo and redo walk the history and report what is available', async () => {
    const db = await ready();
    expect(await undo(db, 'd')).toBeNull();
    for (const row of [0, 1]) await appendOperation(db, 'd', { kind: 'exclude-row', row });
    expect((await undo(db, 'd'))?.op).toEqual({ kind: 'revert', target: 2, via: 'undo' });
    expect(await undo(db, 'd')).not.toBeNull();
    expect(await activeSeqs(db)).toEqual([]);
    expect(await undo(db, 'd')).toBeNull();
    expect(await readUndoRedoState(db, 'd')).toEqual({ undo: null, redo: 4 });
    await redo(db, 'd');
    expect(await activeSeqs(db)).toEqual([1]);
    await appendOperation(db, 'd', { kind: 'mark-reviewed', row: 2 });
    expect(await redo(db, 'd')).toBeNull(); // something new was done since
    expect(await activeSeqs(db)).toEqual([1, 6]);
  });

  it('two tabs pressing Undo at once undo two different steps', async () => {
    const factory = new IDBFactory();
    const tabA = new CleanroomDb({ name: 'shared', indexedDB: factory, IDBKeyRange });
    const tabB = new CleanroomDb({ name: 'shared', indexedDB: factory, IDBKeyRange });
    await ready(tabA);
    for (const row of [0, 1, 2]) await appendOperation(tabA, 'd', { kind: 'exclude-row', row });
    const [a, b] = await Promise.all([undo(tabA, 'd'), undo(tabB, 'd')]);
    const targets = [a, b].map((o) => (o?.op.kind === 'revert' ? o.op.target : null)).sort();
    expect(targets).toEqual([2, 3]);
    expect(await activeSeqs(tabA)).toEqual([1]);
  });
});
