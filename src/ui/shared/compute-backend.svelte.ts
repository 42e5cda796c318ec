/**
 * The backend the compute badge names, shared by the badge and the Train tab: loaded from the
 * stored run records on page load, replaced when a run finishes here, so the badge says what the
 * run record says.
 */
import { newerShown, type ShownBackend } from '../../core/train/backend-cost';

/** Holds the shown backend; `offer` keeps the run over a calibration and the newer of two runs. */
export class ComputeBackendState {
  shown = $state.raw<ShownBackend | null>(null);
  loaded = $state(false);
  failed = $state<string | null>(null);

  /** A stored or just-finished source; a late page-load answer never hides a newer run. */
  offer(next: ShownBackend | null): void {
    this.shown = newerShown(this.shown, next);
  }

  /** A run finished in this page: its record's backend. */
  noteRun(run: { backend: string; createdAt: string }): void {
    this.offer({ backend: run.backend, at: run.createdAt, from: 'run' });
  }
}

/** The page's one instance. */
export const computeBackend = new ComputeBackendState();
