/**
 * A full storage outside an import, on every write path (the operation log, training runs and
 * their updates, exported models, per-dataset settings): each says "Storage is full" and what was
 * not saved, never a raw QuotaExceededError; a trained run stays in memory, can be exported, and
 * saved again. A backend calibration is a cache: with storage full it is skipped.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Transfer } from '../../../src/protocol/rpc';
import type { StoredRun } from '../../../src/protocol/train-methods';
import {
  appendOperation,
  appendOperations,
  listOperations,
  redo,
  revertOperation,
  undo,
} from '../../../src/storage/ops-repo';
import { getBackendChoice, putBackendChoice } from '../../../src/storage/backend-choice-repo';
import { listRuns, saveModel, saveRun, updateRun } from '../../../src/storage/runs-repo';
import { getSettings, updateSettings } from '../../../src/storage/settings-repo';
import { createTrainHandlers } from '../../../workers/train/train-handlers';
import {
  column,
  freshDb,
  importReady,
  installQuotaSwitch,
  numericStored,
  dictStored,
} from '../storage/helpers';
import { binaryTask } from '../train/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const FULL = /^Storage is full: .* could not be saved\. Delete datasets or runs/;

async function readyDataset() {
  const db = freshDb();
  const quota = installQuotaSwitch(db);
  const frame = binaryTask(120);
  const columns = frame.columns.map((c, i) =>
    column(i, c.meta.name, c.kind === 'number' ? 'float' : 'categorical'),
  );
  const chunk = frame.columns.map((c, i) =>
    c.kind === 'number'
      ? numericStored(
          'd',
          i,
          0,
          Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)),
        )
      : dictStored('d', i, 0, c.values as (string | null)[]),
  );
  await importReady(db, 'd', columns, [chunk], 120);
  return { db, quota };
}

describe('storage full outside an import', () => {
  it('every operation-log write says storage is full and stores nothing', async () => {
    const { db, quota } = await readyDataset();
    const edit = { kind: 'exclude-row', row: 1 } as const;
    await appendOperation(db, 'd', edit);
    await undo(db, 'd');
    quota.failWhen = (table) => table === 'ops';
    for (const write of [
      () => appendOperation(db, 'd', { kind: 'exclude-row', row: 2 }),
      () => appendOperations(db, 'd', [{ kind: 'exclude-row', row: 3 }]),
      () => redo(db, 'd'),
      () => revertOperation(db, 'd', 1),
    ]) {
      await expect(write()).rejects.toMatchObject({
        code: 'quota-exceeded',
        message: expect.stringMatching(FULL),
      });
    }
    quota.failWhen = null;
    expect(await listOperations(db, 'd')).toHaveLength(2);
    await appendOperation(db, 'd', { kind: 'exclude-row', row: 2 });
    expect(await listOperations(db, 'd')).toHaveLength(3);
    db.close();
  });

  it('run, run update and exported-model writes say storage is full', async () => {
    const { db, quota } = await readyDataset();
    quota.failWhen = (table) => table === 'runs' || table === 'models';
    const run = { runId: 'r', datasetId: 'd', createdAt: 'now' } as unknown as StoredRun;
    await expect(saveRun(db, run)).rejects.toThrow(
      /Storage is full: the training run could not be saved/,
    );
    await expect(updateRun(db, 'r', { test: null })).rejects.toThrow(FULL);
    const model = {
      runId: 'r',
      datasetId: 'd',
      createdAt: 'now',
      fileName: 'm.zip',
      zip: Uint8Array.of(1),
    };
    await expect(saveModel(db, model)).rejects.toThrow(/the exported model could not be saved/);
    db.close();
  });

  it('a trained run that cannot be stored stays in memory: exported, then saved again', async () => {
    const { db, quota } = await readyDataset();
    const handlers = createTrainHandlers(db);
    const ctx = { signal: new AbortController().signal, progress: () => undefined };
    quota.failWhen = (table) => table === 'runs' || table === 'models';
    const summary = await handlers.train(
      {
        id: 'd',
        target: 'label',
        seed: 1,
        backend: 'cpu',
        model: { kind: 'logistic', epochs: 2, batchSize: 32, learningRate: 0.05 },
      },
      ctx,
    );
    expect(summary.unsaved).toMatch(/Storage is full: the training run could not be saved/);
    expect(await listRuns(db, 'd')).toEqual([]);
    const exported = await handlers.exportModel(
      { runId: summary.runId, gates: [], gateResults: null, gatesPass: true },
      ctx,
    );
    // The download goes through though no copy could be kept (a transferred result).
    expect(exported).toBeInstanceOf(Transfer);
    expect((exported as unknown as Transfer<{ zip: Uint8Array }>).value.zip.length).toBeGreaterThan(
      100,
    );
    quota.failWhen = null;
    await handlers.saveRun({ runId: summary.runId }, ctx);
    expect((await listRuns(db, 'd')).map((r) => r.runId)).toEqual([summary.runId]);
    db.close();
  }, 60_000);
});

describe('storage full on the settings and backend-choice writes', () => {
  it('settings say storage is full and keep what was stored', async () => {
    const { db, quota } = await readyDataset();
    await updateSettings(db, 'd', { target: 'label' });
    quota.failWhen = (table) => table === 'settings';
    await expect(updateSettings(db, 'd', { target: 'x' })).rejects.toMatchObject({
      code: 'quota-exceeded',
      message: expect.stringMatching(/^Storage is full: the dataset's settings/),
    });
    quota.failWhen = null;
    expect((await getSettings(db, 'd')).target).toBe('label');
    db.close();
  });

  it('a backend calibration is a cache: with storage full it is skipped, not an error', async () => {
    const { db, quota } = await readyDataset();
    quota.failWhen = (table) => table === 'backendChoices';
    const record = { key: 'k', chosen: 'cpu', infos: [], measuredAt: 'now' } as const;
    expect(await putBackendChoice(db, { ...record, infos: [] })).toBe(false);
    expect(quota.refused).toBeGreaterThan(0);
    quota.failWhen = null;
    expect(await putBackendChoice(db, { ...record, infos: [] })).toBe(true);
    expect((await getBackendChoice(db, 'k'))?.chosen).toBe('cpu');
    db.close();
  });
});
