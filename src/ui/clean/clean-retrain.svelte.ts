/**
 * "Retrain now": trains through the Train tab's own session (same worker, same form, the run
 * shows up there too) on the dataset's current version, and compares it on the validation split
 * with the last run before it and with the model trained before cleaning.
 */
import { retrainBaselines, runFigure, type RunFigure } from '../train/retrain-baselines';
import { trainSession } from '../train/train-session';

export { verdict, type RunFigure } from '../train/retrain-baselines';

/** The retrain action's state: the new run's figure against the last run and the first model. */
export class RetrainCompare {
  running = $state(false);
  error = $state<string | null>(null);
  before = $state.raw<RunFigure | null>(null);
  beforeCleaning = $state.raw<RunFigure | null>(null);
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
      const baselines = retrainBaselines(
        await train.client.call('listRuns', { datasetId }),
        target,
      );
      this.before = baselines.last;
      this.beforeCleaning = baselines.beforeCleaning;
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
