import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../../src/protocol/train-methods';
import {
  getModel,
  listRuns,
  removeRuns,
  saveModel,
  saveRun,
  updateRun,
} from '../../../src/storage/runs-repo';
import { removeDataset } from '../../../src/storage/remove-dataset';
import { freshDb } from './helpers';

const run = (runId: string, datasetId: string, createdAt: string): StoredRun =>
  ({ runId, datasetId, createdAt, ledger: { reveals: [] }, test: null }) as unknown as StoredRun;

describe('runs repo (schema version 2)', () => {
  it('stores runs per dataset, newest first, and updates reveals', async () => {
    const db = freshDb();
    await saveRun(db, run('a', 'd1', '2026-01-01T00:00:00Z'));
    await saveRun(db, run('b', 'd1', '2026-01-02T00:00:00Z'));
    await saveRun(db, run('c', 'd2', '2026-01-03T00:00:00Z'));
    expect((await listRuns(db, 'd1')).map((r) => r.runId)).toEqual(['b', 'a']);
    await updateRun(db, 'a', {
      test: null,
      ledger: { reveals: [{ at: 'x', what: 'y' }] } as never,
    });
    expect((await listRuns(db, 'd1'))[1].ledger.reveals).toHaveLength(1);
    db.close();
  });

  it('keeps exported bundles and removes them with the dataset', async () => {
    const db = freshDb();
    await saveRun(db, run('a', 'd1', '2026-01-01T00:00:00Z'));
    const zip = Uint8Array.of(1, 2, 3);
    await saveModel(db, { runId: 'a', datasetId: 'd1', createdAt: 'now', fileName: 'm.zip', zip });
    expect(Array.from((await getModel(db, 'a'))!.zip)).toEqual([1, 2, 3]);
    await removeRuns(db, 'd1');
    expect(await listRuns(db, 'd1')).toEqual([]);
    expect(await getModel(db, 'a')).toBeUndefined();
    db.close();
  });

  it('opens the version 1 tables unchanged', async () => {
    const db = freshDb();
    await db.open();
    // Version 3 added backend calibrations (issue 12) and per-dataset settings (issue 11); the
    // earlier tables are as they were.
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['backendChoices', 'chunks', 'datasets', 'models', 'ops', 'runs', 'settings'].sort(),
    );
    db.close();
  });
});

describe('deleting a dataset', () => {
  it('also deletes its training runs and exported models, and nothing of other datasets', async () => {
    const db = freshDb();
    await saveRun(db, run('a', 'd1', '2026-01-01T00:00:00Z'));
    await saveRun(db, run('b', 'd2', '2026-01-01T00:00:00Z'));
    const zip = Uint8Array.of(1);
    await saveModel(db, { runId: 'a', datasetId: 'd1', createdAt: 'now', fileName: 'm.zip', zip });
    await saveModel(db, { runId: 'b', datasetId: 'd2', createdAt: 'now', fileName: 'n.zip', zip });
    await removeDataset(db, 'd1');
    expect(await listRuns(db, 'd1')).toEqual([]);
    expect(await getModel(db, 'a')).toBeUndefined();
    expect((await listRuns(db, 'd2')).map((r) => r.runId)).toEqual(['b']);
    expect(await getModel(db, 'b')).toBeDefined();
    db.close();
  });
});
