/** The train worker's methods over core + storage; one trained model is kept for reveal and export. */
import * as tf from '@tensorflow/tfjs';
import { CleanroomError } from '../../src/core/errors';
import { buildDriftReference } from '../../src/core/evaluate/drift';
import { recordReveal } from '../../src/core/evaluate/reveal-budget';
import { exportBundle } from '../../src/core/export/bundle';
import { buildModelCard } from '../../src/core/export/model-card';
import { revealTest } from '../../src/core/train/train';
import { withTransfer } from '../../src/protocol/rpc';
import type { Handlers } from '../../src/protocol/server';
import type { TrainBackendInfo, TrainMethods } from '../../src/protocol/train-methods';
import { getDataset } from '../../src/storage/datasets-repo';
import type { CleanroomDb } from '../../src/storage/db';
import { listOperations } from '../../src/storage/ops-repo';
import { readFrame } from '../../src/storage/read-frame';
import { getModel, listRuns, saveModel, saveRun, updateRun } from '../../src/storage/runs-repo';
import { getBackendChoice, putBackendChoice } from '../../src/storage/backend-choice-repo';
import type { RunSummary } from '../../src/protocol/train-methods';
import { listBackends } from '../shared/tf-backend';
import type { BackendStore } from './train-choose';
import { trainOnce, type Live } from './train-once';
import { predictWithZip } from './train-predict';
import { searchTrials } from './train-search';

/**
 * Runs a storage write for `summary`; when storage is full, returns the summary marked unsaved
 * (the model stays in memory, to download or to save again) instead of failing the whole run.
 */
async function keepUnsaved(summary: RunSummary, write: () => Promise<void>): Promise<RunSummary> {
  try {
    await write();
    return summary;
  } catch (error) {
    if (error instanceof CleanroomError && error.code === 'quota-exceeded')
      return { ...summary, unsaved: error.message };
    throw error;
  }
}

/** Creates the handlers; `db` is the worker's own connection. */
export function createTrainHandlers(db: CleanroomDb): Handlers<TrainMethods> {
  let live: Live | null = null;
  let backends: Promise<TrainBackendInfo[]> | null = null;
  const backendStore: BackendStore = {
    get: (key) => getBackendChoice(db, key),
    put: async (record) => {
      await putBackendChoice(db, record);
    },
  };
  const known = () => (backends ??= listBackends());
  const need = (runId: string): Live => {
    if (!live || live.summary.runId !== runId)
      throw new CleanroomError(
        'not-found',
        'This model is no longer in memory (a newer run replaced it, or the page was reloaded). Train it again to export it.',
      );
    return live;
  };

  return {
    listBackends: () => known(),

    async train(params, ctx) {
      const { progress } = ctx;
      const started = performance.now();
      // Probing switches tf between backends; touching tf before it ends throws "backend not
      // initialized" (a Train click right after the tab opens).
      const backends = await known();
      if (live) live.result.model.dispose();
      live = null;
      const before = tf.memory().numTensors;
      progress({ phase: 'reading', message: 'Reading the dataset version…' });
      const meta = await getDataset(db, params.id);
      if (!meta) throw new CleanroomError('not-found', 'This dataset no longer exists.');
      const version = (await listOperations(db, params.id)).length;
      const frame = await readFrame(db, meta);
      const trained = await trainOnce(
        frame,
        meta,
        version,
        params,
        backends,
        started,
        before,
        ctx,
        backendStore,
      );
      live = trained;
      return keepUnsaved(trained.summary, () => saveRun(db, { ...trained.summary, test: null }));
    },

    async search(params, ctx) {
      await known();
      if (live) live.result.model.dispose();
      live = null;
      const meta = await getDataset(db, params.id);
      if (!meta) throw new CleanroomError('not-found', 'This dataset no longer exists.');
      const version = (await listOperations(db, params.id)).length;
      const frame = await readFrame(db, meta);
      const unsaved = new Map<string, string>();
      const out = await searchTrials(frame, meta, version, params, await known(), ctx, (run) =>
        keepUnsaved(run.summary, () => saveRun(db, { ...run.summary, test: null })).then((s) => {
          if (s.unsaved) unsaved.set(s.runId, s.unsaved);
        }),
      );
      live = out.best;
      const why = unsaved.get(out.best.summary.runId);
      return {
        trials: out.trials,
        best: why ? { ...out.best.summary, unsaved: why } : out.best.summary,
      };
    },

    async revealTest({ runId, what }) {
      const run = need(runId);
      const report = await revealTest(run.frame, run.result);
      run.ledger = recordReveal(run.ledger, what).ledger;
      run.test = report;
      await updateRun(db, runId, { ledger: run.ledger, test: report });
      return { report, ledger: run.ledger };
    },

    async exportModel({ runId, gates, gateResults, gatesPass }) {
      const run = need(runId);
      const card = buildModelCard(run.result, {
        backend: run.summary.backend,
        datasetId: run.summary.datasetId,
        datasetVersion: `${run.summary.datasetId}@${run.summary.datasetVersion}`,
        test: run.test,
        testReveals: run.ledger,
        gates:
          gates.length && gateResults
            ? { split: 'validation', pass: gatesPass, results: gateResults }
            : null,
      });
      const zip = await exportBundle(run.result.model, {
        preprocessing: run.result.preprocessing,
        card,
        reference: buildDriftReference(run.frame, run.result.preprocessing, run.result.rows.train),
      });
      const safe = `${run.summary.datasetName}-${run.summary.target}`.replace(/[^\w.-]+/g, '_');
      const fileName = `${safe}-model.zip`;
      // Keeping a copy is a convenience: a full storage must not stop the download itself.
      await keepUnsaved(run.summary, async () => {
        await saveModel(db, {
          runId,
          datasetId: run.summary.datasetId,
          createdAt: new Date().toISOString(),
          fileName,
          zip: zip.slice(),
        });
        await updateRun(db, runId, { exportedAt: new Date().toISOString() });
      });
      return withTransfer({ zip, fileName }, [zip.buffer as ArrayBuffer]);
    },

    listRuns: ({ datasetId }) => listRuns(db, datasetId),

    async saveRun({ runId }) {
      const run = need(runId);
      await saveRun(db, { ...run.summary, ledger: run.ledger, test: run.test });
    },

    async getModelZip({ runId }) {
      const stored = await getModel(db, runId);
      if (!stored)
        throw new CleanroomError('not-found', 'No exported model is stored for this run.');
      return withTransfer({ zip: stored.zip, fileName: stored.fileName }, [
        stored.zip.buffer as ArrayBuffer,
      ]);
    },

    async predictDataset({ id, zip }) {
      await known();
      const meta = await getDataset(db, id);
      if (!meta) throw new CleanroomError('not-found', 'This dataset no longer exists.');
      const out = await predictWithZip(zip, await readFrame(db, meta), meta.name);
      return withTransfer(out, [out.csv.buffer as ArrayBuffer]);
    },
  };
}
