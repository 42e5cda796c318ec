/**
 * The Train tab's state outlives the tab: switching to Table and back keeps the form, the live
 * model (for reveal and export) and a running training. One session is kept, for the dataset
 * whose Train tab was opened last; opening another dataset's tab ends the previous worker.
 */
import { spawnWorker } from '../clients';
import { TrainState } from './train-state.svelte';

let session: TrainState | null = null;

/** The Train state of `datasetId` (created with its own train worker on first use). */
export function trainSession(datasetId: string, defaultTarget: string): TrainState {
  if (session?.datasetId === datasetId) return session;
  session?.cancel();
  session?.client.close();
  session = new TrainState(spawnWorker('train'), datasetId);
  session.form.target = defaultTarget;
  void session.start();
  return session;
}
