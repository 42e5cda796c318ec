import { isAbortError } from '../../core/errors';
import type { AnalysisProgress } from '../../protocol/analysis-methods';

/** A long worker call: its progress, result, error, and a cancel that aborts its signal. */
export class AnalysisRun<T> {
  result = $state.raw<T | null>(null);
  progress = $state.raw<AnalysisProgress | null>(null);
  running = $state(false);
  /** True between a cancel and the call settling (the worker may need its grace period). */
  cancelling = $state(false);
  cancelled = $state(false);
  error = $state<string | null>(null);
  private controller: AbortController | null = null;

  /**
   * Runs `task`, clearing the previous result first. A newer run supersedes a running one without
   * cancelling it (see `detach`): its outcome is dropped; the worker finishes it first.
   */
  async run(
    task: (signal: AbortSignal, onProgress: (p: AnalysisProgress) => void) => Promise<T>,
  ): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const current = () => this.controller === controller;
    Object.assign(this, { running: true, cancelling: false, cancelled: false, error: null });
    this.result = null;
    this.progress = null;
    try {
      const result = await task(controller.signal, (p) => current() && (this.progress = p));
      if (current()) this.result = result;
    } catch (error) {
      if (!current()) return;
      if (isAbortError(error)) this.cancelled = true;
      else this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (current()) {
        this.running = false;
        this.cancelling = false;
        this.controller = null;
      }
    }
  }

  /** Asks the worker to stop; the client terminates it if it does not stop within its grace. */
  cancel(): void {
    if (!this.controller) return;
    this.cancelling = true;
    this.controller.abort();
  }

  /**
   * Drops the call's outcome when the view goes away, without cancelling it: a cancel that the
   * worker cannot see (it is inside a synchronous step) ends with the worker terminated, which
   * would also fail the call the next tab makes.
   */
  detach(): void {
    this.controller = null;
  }
}
