/** State of the Train tab: the form, the running call, the last run, its reveals and gates. */
import { DEFAULT_PRIVACY_K } from '../../core/evaluate/private-summary';
import { isAbortError } from '../../core/errors';
import { evaluateGates, parseGates, type GateResult } from '../../core/evaluate/gates';
import type { EvaluationReport } from '../../core/evaluate/report';
import type { RevealLedger } from '../../core/evaluate/reveal-budget';
import type { Client } from '../../protocol/client';
import type {
  EpochProgress,
  RunSummary,
  SearchTrial,
  StoredRun,
  TrainBackendInfo,
  TrainMethods,
  TrainParams,
} from '../../protocol/train-methods';
import { computeBackend } from '../shared/compute-backend.svelte';
import { downloadBytes } from '../shared/download';
import { trainParams, type TrainForm } from './train-params';

export type { TrainForm } from './train-params';

/** The gate outcome shown before export; `error` when the criteria text does not parse. */
export interface GateState {
  pass: boolean;
  results: GateResult[];
  error: string | null;
}

/** The Train tab's state over a train-worker client. */
export class TrainState {
  form = $state<TrainForm>({
    target: '',
    task: 'auto',
    kind: 'auto',
    hidden: '16',
    activation: 'relu',
    dropout: 0,
    l2: 1e-4,
    learningRate: 0.01,
    epochs: 20,
    batchSize: 32,
    seed: 42,
    backend: 'auto',
    balanced: false,
    privacyK: DEFAULT_PRIVACY_K,
  });
  backends = $state.raw<TrainBackendInfo[]>([]);
  running = $state(false);
  phase = $state<string | null>(null);
  curves = $state.raw<EpochProgress[]>([]);
  run = $state.raw<RunSummary | null>(null);
  runs = $state.raw<StoredRun[]>([]);
  error = $state<string | null>(null);
  /** Empty until the user writes gates: a model is not failed against gates nobody set. */
  gatesText = $state('');
  test = $state.raw<EvaluationReport | null>(null);
  ledger = $state.raw<RevealLedger | null>(null);
  exporting = $state(false);
  trials = $state.raw<SearchTrial[]>([]);
  private controller: AbortController | null = null;

  constructor(
    readonly client: Client<TrainMethods>,
    readonly datasetId: string,
  ) {}

  /** Gates parsed and checked against the validation report. */
  get gates(): GateState | null {
    if (!this.run) return null;
    try {
      const gates = parseGates(this.gatesText);
      return { ...evaluateGates(this.run.validation, gates), error: null };
    } catch (error) {
      return { pass: false, results: [], error: message(error) };
    }
  }

  /** Loads available backends and stored runs. */
  async start(): Promise<void> {
    try {
      [this.backends, this.runs] = await Promise.all([
        this.client.call('listBackends', {}),
        this.client.call('listRuns', { datasetId: this.datasetId }),
      ]);
    } catch (error) {
      this.error = message(error);
    }
  }

  /** The train call's parameters from the form. */
  params(extra: { loseDeviceAfterEpoch?: number } = {}): TrainParams {
    return trainParams(this.form, this.datasetId, extra);
  }

  /** Trains with the form's settings (or searches `trials` draws), streaming epochs into `curves`. */
  async train(extra: { loseDeviceAfterEpoch?: number } = {}, trials = 0): Promise<void> {
    this.controller = new AbortController();
    Object.assign(this, { running: true, error: null, curves: [], run: null, test: null });
    this.ledger = null;
    if (trials > 0) this.trials = [];
    const options = {
      signal: this.controller.signal,
      onProgress: (p: TrainMethods['search']['progress']) => {
        if (p.phase === 'trial') this.trials = [...this.trials, p.trial];
        else if (p.phase === 'epoch') {
          this.curves = p.epoch === 1 ? [p] : [...this.curves, p];
          // A fallback note and the candidate being trained stay up; other phase notes end here.
          if (this.phase && !/continued on|^Training candidate/.test(this.phase)) this.phase = null;
        } else this.phase = p.message;
      },
    };
    try {
      const run =
        trials > 0
          ? (await this.client.call('search', { ...this.params(extra), trials }, options)).best
          : await this.client.call('train', this.params(extra), options);
      this.run = run;
      computeBackend.noteRun(run);
      this.curves = run.curves;
      this.ledger = run.ledger;
      this.runs = await this.client.call('listRuns', { datasetId: this.datasetId });
    } catch (error) {
      // Only the user's own cancel is a cancel; any other abort (a failed write, a dead worker)
      // is reported as what it is.
      const cancelled = isAbortError(error) && this.controller?.signal.aborted === true;
      this.error = cancelled ? 'Training cancelled.' : message(error);
    } finally {
      this.running = false;
      this.phase = null;
      this.controller = null;
    }
  }

  /** Stores the run kept in memory after storage was full; clears the warning once it is saved. */
  async retrySave(): Promise<void> {
    const run = this.run;
    if (!run?.unsaved) return;
    try {
      await this.client.call('saveRun', { runId: run.runId });
      this.run = { ...run, unsaved: undefined };
      this.runs = await this.client.call('listRuns', { datasetId: this.datasetId });
    } catch (error) {
      this.run = { ...run, unsaved: message(error) };
    }
  }

  /** Stops the running training (between epochs; the worker is ended if it does not stop). */
  cancel(): void {
    this.controller?.abort();
  }

  /** Reveals test metrics (counted in the ledger). */
  async reveal(): Promise<void> {
    if (!this.run) return;
    try {
      const out = await this.client.call('revealTest', {
        runId: this.run.runId,
        what: 'Train tab: reveal test metrics',
      });
      this.test = out.report;
      this.ledger = out.ledger;
      // The runs table counts this reveal too.
      this.runs = await this.client.call('listRuns', { datasetId: this.datasetId });
    } catch (error) {
      this.error = message(error);
    }
  }

  /** Builds the bundle in the worker and downloads it through a Blob URL (no network). */
  async exportZip(): Promise<void> {
    const run = this.run;
    const gates = this.gates;
    if (!run) return;
    this.exporting = true;
    try {
      const out = await this.client.call('exportModel', {
        runId: run.runId,
        gates: gates?.error ? [] : gates ? gates.results.map((r) => r.gate) : [],
        gateResults: gates && !gates.error && gates.results.length ? gates.results : null,
        gatesPass: gates?.pass ?? false,
      });
      downloadBytes(out.zip, out.fileName, 'application/zip');
      this.runs = await this.client.call('listRuns', { datasetId: this.datasetId });
    } catch (error) {
      this.error = message(error);
    } finally {
      this.exporting = false;
    }
  }
}

/** Downloads the bundle a run exported earlier (kept in IndexedDB). */
export async function downloadStored(state: TrainState, runId: string): Promise<void> {
  try {
    const out = await state.client.call('getModelZip', { runId });
    downloadBytes(out.zip, out.fileName, 'application/zip');
  } catch (error) {
    state.error = message(error);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
