/** What "Retrain now" compares a new model with, and how it words the comparison. */
import type { EvaluationReport } from '../../core/evaluate/report';
import type { RunSummary, StoredRun } from '../../protocol/train-methods';

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

/**
 * What a retrain is compared with, from the dataset's runs (newest first) for `target`: the last
 * run, and the model trained before cleaning (the newest run on the earliest version trained on;
 * null when that is the last run itself).
 */
export function retrainBaselines(
  runs: readonly (RunSummary | StoredRun)[],
  target: string,
): { last: RunFigure | null; beforeCleaning: RunFigure | null } {
  const same = runs.filter((r) => r.target === target);
  if (same.length === 0) return { last: null, beforeCleaning: null };
  const earliest = Math.min(...same.map((r) => r.datasetVersion));
  const first = same.find((r) => r.datasetVersion === earliest)!;
  return {
    last: runFigure(same[0]),
    beforeCleaning: first === same[0] ? null : runFigure(first),
  };
}

/** "better", "worse" or "no change" of `after` against `before` (accuracy up, RMSE down). */
export function verdict(before: RunFigure, after: RunFigure): string {
  const better =
    after.metric === 'accuracy' ? after.value - before.value : before.value - after.value;
  if (Math.abs(better) < 1e-9) return 'no change';
  return better > 0 ? 'better' : 'worse';
}
