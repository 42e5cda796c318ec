/** One training run in the worker, from a frame in memory to a run summary and its live model. */
import * as tf from '@tensorflow/tfjs';
import type { EvaluationReport } from '../../src/core/evaluate/report';
import { createLedger, type RevealLedger } from '../../src/core/evaluate/reveal-budget';
import type { Frame } from '../../src/core/table/frame';
import type { DatasetMeta } from '../../src/core/table/types';
import { describeChoice, fitAndChoose } from '../../src/core/train/model-choice';
import { evaluatePrepared, runCandidates, type TrainResult } from '../../src/core/train/train';
import type { CallContext } from '../../src/protocol/server';
import type {
  RunSummary,
  TrainBackendInfo,
  TrainParams,
  TrainProgress,
} from '../../src/protocol/train-methods';
import { chooseBackend, type BackendStore } from './train-choose';
import { fitWithFallback, prepareRun } from './train-run';

/** A trained model kept in the worker for test reveals and export. */
export interface Live {
  summary: RunSummary;
  result: TrainResult;
  frame: Frame;
  ledger: RevealLedger;
  test: EvaluationReport | null;
}

/** Trains on `frame` as `params` say; `before` = tf.memory().numTensors when the run began. */
export async function trainOnce(
  frame: Frame,
  meta: DatasetMeta,
  version: number,
  params: TrainParams,
  infos: TrainBackendInfo[],
  started: number,
  before: number,
  ctx: CallContext<TrainProgress>,
  store?: BackendStore,
): Promise<Live> {
  const run = prepareRun(frame, params);
  const { chosen, note, measured, fallbacks } = await chooseBackend(
    infos,
    params.backend ?? 'auto',
    run,
    ctx.progress,
    store,
  );
  const auto = params.model.kind === 'auto';
  const { specs, weighted } = runCandidates(run, auto);
  type Fitted = Awaited<ReturnType<typeof fitWithFallback>>;
  const byModel = new Map<tf.LayersModel, Fitted>();
  const {
    kept,
    index,
    fitted: all,
  } = await fitAndChoose(
    specs,
    async (spec, i) => {
      if (specs.length > 1)
        ctx.progress({
          phase: 'candidate',
          message: `Training candidate ${i + 1} of ${specs.length}: ${spec.kind === 'mlp' ? `MLP (${spec.hidden.join(', ')})` : 'logistic regression'}${spec.classWeights === 'balanced' ? ', class-weighted' : ''}…`,
        });
      const fitted = await fitWithFallback({ ...run, spec }, chosen, {
        signal: ctx.signal,
        onEpoch: ctx.progress,
        onFallback: (message) => ctx.progress({ phase: 'fallback', message }),
        fallbacks,
        loseDeviceAfterEpoch: params.loseDeviceAfterEpoch,
      });
      byModel.set(fitted.model, fitted);
      return { model: fitted.model, fit: fitted.fit };
    },
    async (model) => {
      ctx.progress({ phase: 'evaluating', message: 'Evaluating on the validation split…' });
      return evaluatePrepared(model, run);
    },
  );
  const fitted = byModel.get(kept.model)!;
  const validation = kept.validation;
  const frameRows = (p: Int32Array) => Int32Array.from(p, (i) => run.target.rows[i]);
  const { rows: _r, values: _v, ...target } = run.target;
  const result: TrainResult = {
    model: fitted.model,
    spec: kept.spec,
    preprocessing: run.preprocessing,
    target,
    split: run.split,
    fit: fitted.fit,
    validation,
    choice: auto ? describeChoice(all, index, weighted) : null,
    warnings: run.warnings,
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
    spec: kept.spec,
    choice: result.choice,
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
    warnings: run.warnings,
    ledger,
    tensors: { before, after: tf.memory().numTensors - fitted.model.weights.length },
  };
  return { summary, result, frame, ledger, test: null };
}
