/**
 * Fitting as the worker does it: the core fit loop plus per-epoch metrics for the live view,
 * weight snapshots after each finished epoch, and a fallback that resumes from the last snapshot
 * on another backend when a GPU backend fails mid-training (device loss).
 */
import * as tf from '@tensorflow/tfjs';
import { CleanroomError } from '../../src/core/errors';
import { fitModel, type FitReport } from '../../src/core/train/fit-model';
import { buildModel } from '../../src/core/train/model-spec';
import { balancedWeights } from '../../src/core/train/train';
import type { EpochProgress } from '../../src/protocol/train-methods';
import { loseWebGpuDevice, useBackend, type BackendName } from '../shared/tf-backend';
import { metricOf } from './train-metric';
import type { PreparedRun } from './train-prepare';

export { prepareRun, type PreparedRun } from './train-prepare';

type Snapshot = { epoch: number; weights: { values: Float32Array; shape: number[] }[] };

/** Callbacks of a fit. */
export interface FitCallbacks {
  signal: AbortSignal;
  onEpoch: (progress: EpochProgress) => void;
  onFallback: (message: string) => void;
  /** Backends to fall back to, in order, after the current one fails. */
  fallbacks: BackendName[];
  loseDeviceAfterEpoch?: number;
}

/** Fits on `backend` (already set); on a GPU failure resumes from the last epoch elsewhere. */
export async function fitWithFallback(
  run: PreparedRun,
  backend: BackendName,
  cb: FitCallbacks,
): Promise<{
  model: tf.LayersModel;
  fit: FitReport;
  curves: EpochProgress[];
  backend: string;
  notes: string[];
}> {
  const started = performance.now();
  const logs: EpochProgress[] = [];
  const notes: string[] = [];
  const pending: Promise<unknown>[] = [];
  let snapshot = null as Snapshot | null;
  let current = backend;
  let done = 0;
  let lost = false;
  const epochMs: number[] = [];
  const fallbacks = [...cb.fallbacks];
  for (;;) {
    const model = buildModel(
      run.spec,
      run.preprocessing.inputNames.length,
      run.target.task,
      run.classCount,
    );
    if (snapshot) {
      // setWeights copies into the model's variables; the temporaries are ours to free.
      const weights = snapshot.weights.map((w) => tf.tensor(w.values, w.shape));
      model.setWeights(weights);
      tf.dispose(weights);
    }
    const offset = done;
    const gpu = current === 'webgpu' || current === 'webgl';
    try {
      const fit = await fitModel(
        model,
        { ...run.spec, epochs: run.spec.epochs - offset, seed: run.spec.seed + offset },
        run.target.task,
        run.classCount,
        run.train,
        run.validation,
        {
          signal: cb.signal,
          classWeights:
            run.spec.classWeights === 'balanced'
              ? balancedWeights(run.train.y, run.classCount)
              : undefined,
          onEpoch: (log) => {
            const epoch = offset + log.epoch;
            done = epoch;
            if (gpu) {
              const clones = model.getWeights().map((w) => w.clone());
              pending.push(
                Promise.all(clones.map((c) => c.data() as Promise<Float32Array>)).then(
                  (values) => {
                    snapshot = {
                      epoch,
                      weights: values.map((v, i) => ({ values: v, shape: clones[i].shape })),
                    };
                    tf.dispose(clones);
                  },
                  () => tf.dispose(clones),
                ),
              );
            }
            const both = [metricOf(model, run, run.train), metricOf(model, run, run.validation)];
            const at = logs.length;
            epochMs[at] = log.ms;
            logs.push({
              phase: 'epoch',
              epoch,
              epochs: run.spec.epochs,
              loss: log.loss,
              valLoss: log.valLoss,
              metric: NaN,
              valMetric: NaN,
              elapsedMs: 0,
              etaMs: 0,
              backend: current,
            });
            pending.push(
              Promise.all(both)
                .catch(() => [NaN, NaN])
                .then(([metric, valMetric]) => {
                  const elapsedMs = performance.now() - started;
                  const etaMs = (elapsedMs / epoch) * (run.spec.epochs - epoch);
                  logs[at] = { ...logs[at], metric, valMetric, elapsedMs, etaMs };
                  cb.onEpoch(logs[at]);
                }),
            );
            if (cb.loseDeviceAfterEpoch === epoch && !lost)
              // After this epoch's snapshot and metrics are read, as a real loss between epochs.
              void Promise.allSettled(pending).then(() => (lost = loseWebGpuDevice()));
          },
        },
      );
      await Promise.allSettled(pending);
      const bestEpoch = offset + fit.bestEpoch;
      return {
        model,
        fit: {
          epochs: logs.map((l, i) => ({
            epoch: l.epoch,
            loss: l.loss,
            valLoss: l.valLoss,
            ms: epochMs[i],
          })),
          bestEpoch,
          stoppedEarly: logs.length < run.spec.epochs,
        },
        curves: logs,
        backend: current,
        notes,
      };
    } catch (error) {
      await Promise.allSettled(pending);
      try {
        model.dispose();
      } catch {
        // The device is gone; its buffers went with it.
      }
      const recoverable = gpu && !(error instanceof CleanroomError) && !cb.signal.aborted;
      if (!recoverable) throw error;
      const why = error instanceof Error ? error.message : String(error);
      let next: BackendName | undefined;
      while ((next = fallbacks.shift()) && !(await useBackend(next)));
      if (!next) throw error;
      done = snapshot?.epoch ?? 0;
      logs.splice(done);
      epochMs.splice(done);
      const note = `${current} failed after epoch ${done} (${why}); continued on ${next} from epoch ${done + 1}.`;
      notes.push(note);
      cb.onFallback(note);
      current = next;
    }
  }
}
