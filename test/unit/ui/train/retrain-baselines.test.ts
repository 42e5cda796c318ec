import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../src/protocol/train-methods';
import { retrainBaselines, verdict } from '../../../../src/ui/train/retrain-baselines';

/** Just what the comparison reads of a run. */
const run = (runId: string, version: number, accuracy: number, target = 'species') =>
  ({
    runId,
    target,
    datasetVersion: version,
    validation: { task: 'classification', accuracy: { value: accuracy } },
  }) as unknown as RunSummary;

describe('retrainBaselines', () => {
  it('compares with the last run and with the model trained before cleaning', () => {
    // Newest first: a retrain at version 11 already happened; the first model was on version 0.
    const runs = [run('c', 11, 0.9), run('b', 4, 0.85), run('a', 0, 0.8), run('x', 0, 0.5, 'sex')];
    const { last, beforeCleaning } = retrainBaselines(runs, 'species');
    expect(last).toMatchObject({ runId: 'c', version: 11 });
    expect(beforeCleaning).toMatchObject({ runId: 'a', version: 0, value: 0.8 });
  });

  it('has no separate first model when the last run is the only one', () => {
    expect(retrainBaselines([run('a', 3, 0.8)], 'species')).toMatchObject({
      last: { runId: 'a' },
      beforeCleaning: null,
    });
    expect(retrainBaselines([run('a', 3, 0.8, 'sex')], 'species')).toEqual({
      last: null,
      beforeCleaning: null,
    });
  });

  it('words the change: accuracy up is better, RMSE down is better', () => {
    const acc = (value: number) => ({ runId: '', version: 0, metric: 'accuracy' as const, value });
    const rmse = (value: number) => ({ runId: '', version: 0, metric: 'RMSE' as const, value });
    expect(verdict(acc(0.8), acc(0.9))).toBe('better');
    expect(verdict(acc(0.8), acc(0.8))).toBe('no change');
    expect(verdict(rmse(2), rmse(1))).toBe('better');
    expect(verdict(rmse(1), rmse(2))).toBe('worse');
  });
});
