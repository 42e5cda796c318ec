/**
 * "Retrain now": trains through the Train tab's own session (same worker, same form, the run
 * shows up there too) on the dataset's current version, and compares it with the last run before
 * it on the validation split.
 */
import type { EvaluationReport } from '../../core/evaluate/report';
import type { RunSummary, StoredRun } from '../../protocol/train-methods';
import { trainSession } from './train-session';

/** A validation figure of a run: accuracy (higher is better) or RMSE (lower is better). */
export interface RunFigure {
  runId: string;
  /** Operation count of the dataset version it was trained on. */
  version: number;
  metric: 'accuracy' | 'RMSE';
  value: number;
}

/** The figure a run is compared by. */
export function runFigure(run: RunSummary | StoredRun): RunFigure {
  const report: EvaluationReport = run.validation;
  return report.task === 'classification'
    ? {
        runId: run.runId,
        version: run.datasetVersion,
        metric: 'accuracy',
        value: report.accuracy.value,
      }
    : { runId: run.runId, version: run.datasetVersion, metric: 'RMSE', value: report.rmse.value };
}

/** The retrain action's state: the new run's figure against the previous run's. */
export class RetrainCompare {
  running = $state(false);
  error = $state<string | null>(null);
  before = $state.raw<RunFigure | null>(null);
  after = $state.raw<RunFigure | null>(null);

  /** Trains `target` on dataset `datasetId` with the Train tab's settings. */
  async run(datasetId: string, target: string): Promise<void> {
    const train = trainSession(datasetId, target);
    if (train.running) {
      this.error = 'A training is already running on the Train tab.';
      return;
    }
    Object.assign(this, { running: true, error: null, after: null });
    try {
      const previous = (await train.client.call('listRuns', { datasetId }))[0] ?? null;
      this.before = previous && previous.target === target ? runFigure(previous) : null;
      train.form.target = target;
      await train.train();
      if (train.run) this.after = runFigure(train.run);
      else this.error = train.error ?? 'Training did not finish.';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.running = false;
    }
  }
}
