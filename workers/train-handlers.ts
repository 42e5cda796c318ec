/** The train worker's methods over core + storage; one trained model is kept for reveal and export. */
import * as tf from '@tensorflow/tfjs';
import { CleanroomError } from '../src/core/errors';
import { buildDriftReference } from '../src/core/evaluate/drift';
import type { EvaluationReport } from '../src/core/evaluate/report';
import { createLedger, recordReveal, type RevealLedger } from '../src/core/evaluate/reveal-budget';
import { exportBundle } from '../src/core/export/bundle';
import { buildModelCard } from '../src/core/export/model-card';
import { evaluateRows, revealTest, type TrainResult } from '../src/core/train/train';
import type { Frame } from '../src/core/table/frame';
import { withTransfer } from '../src/protocol/rpc';
import type { Handlers } from '../src/protocol/server';
import type { RunSummary, TrainBackendInfo, TrainMethods } from '../src/protocol/train-methods';
import { getDataset } from '../src/storage/datasets-repo';
import type { CleanroomDb } from '../src/storage/db';
import { listOperations } from '../src/storage/ops-repo';
import { readFrame } from '../src/storage/read-frame';
import { listRuns, saveModel, saveRun, updateRun } from '../src/storage/runs-repo';
import { listBackends } from './train-backends';
import { chooseBackend } from './train-choose';
import { predictWithZip } from './train-predict';
import { fitWithFallback, prepareRun } from './train-run';

interface Live {
  summary: RunSummary;
  result: TrainResult;
  frame: Frame;
  ledger: RevealLedger;
  test: EvaluationReport | null;
}

/** Creates the handlers; `db` is the worker's own connection. */
export function createTrainHandlers(db: CleanroomDb): Handlers<TrainMethods> {
  let live: Live | null = null;
  let backends: Promise<TrainBackendInfo[]> | null = null;
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

    async train(params, { signal, progress }) {
      const started = performance.now();
      if (live) live.result.model.dispose();
      live = null;
      const before = tf.memory().numTensors;
      progress({ phase: 'reading', message: 'Reading the dataset version…' });
      const meta = await getDataset(db, params.id);
      if (!meta) throw new CleanroomError('not-found', 'This dataset no longer exists.');
      const version = (await listOperations(db, params.id)).length;
      const frame = await readFrame(db, meta);
      const run = prepareRun(frame, params);
      const { chosen, note, measured, fallbacks } = await chooseBackend(
        await known(),
        params.backend ?? 'auto',
        run,
        progress,
      );
      const fitted = await fitWithFallback(run, chosen, {
        signal,
        onEpoch: progress,
        onFallback: (message) => progress({ phase: 'fallback', message }),
        fallbacks,
        loseDeviceAfterEpoch: params.loseDeviceAfterEpoch,
      });
      progress({ phase: 'evaluating', message: 'Evaluating on the validation split…' });
      const validation = await evaluateRows(
        fitted.model,
        run.preprocessing,
        frame,
        run.target,
        run.split.validation,
      ).catch((error: unknown) => {
        fitted.model.dispose();
        throw error;
      });
      const frameRows = (p: Int32Array) => Int32Array.from(p, (i) => run.target.rows[i]);
      const { rows: _r, values: _v, ...target } = run.target;
      const result: TrainResult = {
        model: fitted.model,
        spec: run.spec,
        preprocessing: run.preprocessing,
        target,
        split: run.split,
        fit: fitted.fit,
        validation,
        rows: {
          train: frameRows(run.split.train),
          validation: frameRows(run.split.validation),
          test: frameRows(run.split.test),
        },
      };
      const ledger = createLedger(result.rows.test.length);
      const summary: RunSummary = {
        runId: crypto.randomUUID(),
        datasetId: meta.id,
        datasetName: meta.name,
        datasetVersion: version,
        createdAt: new Date().toISOString(),
        target: target.name,
        task: target.task,
        classes: target.classes,
        spec: run.spec,
        backend: fitted.backend,
        backendNote: [note, ...fitted.notes].join('; '),
        backends: measured,
        durationMs: performance.now() - started,
        curves: fitted.curves,
        bestEpoch: fitted.fit.bestEpoch,
        stoppedEarly: fitted.fit.stoppedEarly,
        validation,
        rows: {
          train: result.rows.train.length,
          validation: result.rows.validation.length,
          test: result.rows.test.length,
        },
        missingTarget: target.missingCount,
        features: run.preprocessing.features.map((f) => f.column),
        excluded: run.preprocessing.excluded,
        ledger,
        tensors: { before, after: tf.memory().numTensors - fitted.model.weights.length },
      };
      live = { summary, result, frame, ledger, test: null };
      await saveRun(db, { ...summary, test: null });
      return summary;
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
      await saveModel(db, {
        runId,
        datasetId: run.summary.datasetId,
        createdAt: new Date().toISOString(),
        fileName,
        zip: zip.slice(),
      });
      return withTransfer({ zip, fileName }, [zip.buffer as ArrayBuffer]);
    },

    listRuns: ({ datasetId }) => listRuns(db, datasetId),

    async predictDataset({ id, zip }) {
      const meta = await getDataset(db, id);
      if (!meta) throw new CleanroomError('not-found', 'This dataset no longer exists.');
      const out = await predictWithZip(zip, await readFrame(db, meta), meta.name);
      return withTransfer(out, [out.csv.buffer as ArrayBuffer]);
    },
  };
}
