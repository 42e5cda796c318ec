import type { DetectSummary, FindingsPage } from '../../protocol/analysis-methods';
import { opsVersion } from '../shared/ops-feed.svelte';
import { analysisClient } from '../clients';
import { AnalysisRun } from '../shared/analysis-run.svelte';

/** Findings per page of the Issues table. */
export const PAGE_SIZE = 50;

/**
 * The last summary per dataset (and the target it ran with), so a tab switch does not rerun, with
 * the dataset's ops-feed counter when that detection started (see `changedSince`).
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, read on mount only
const lastRun = new Map<string, { summary: DetectSummary; feed: number }>();

/** The Issues tab's state: a detection run, filters and the current page of findings. */
export class IssuesState {
  readonly detect = new AnalysisRun<DetectSummary>();
  detector = $state<string | null>(null);
  /** Column index, -1 for row-level findings, null for all. */
  column = $state<number | null>(null);
  offset = $state(0);
  page = $state.raw<FindingsPage | null>(null);
  pageError = $state<string | null>(null);
  /** opsVersion(id) when the shown findings' detection started. */
  private feed = $state(0);
  private request = 0;

  constructor(private readonly id: string) {}

  /** Shows the summary kept from an earlier run with `target`, if any; true when there was one. */
  restore(target: string | null): boolean {
    const kept = lastRun.get(this.id);
    if (!kept || kept.summary.target !== target) return false;
    this.detect.result = kept.summary;
    this.feed = kept.feed;
    void this.loadPage();
    return true;
  }

  /** Runs every detector with `target` (null: the label detector explains it needs one). */
  async run(target: string | null): Promise<void> {
    this.page = null;
    this.pageError = null;
    lastRun.delete(this.id);
    // Read before the call: an operation appended while detecting may be missing from the result.
    const feed = opsVersion(this.id);
    await this.detect.run((signal, onProgress) =>
      analysisClient().call('detect', { id: this.id, target }, { signal, onProgress }),
    );
    // A cancel past the grace period restarts the worker, which forgets every held result.
    if (this.detect.cancelled) lastRun.clear();
    const summary = this.detect.result;
    if (summary) {
      this.feed = feed;
      lastRun.set(this.id, { summary, feed });
      // A new result may lack the filtered detector or column: start from everything.
      this.detector = null;
      this.column = null;
      this.offset = 0;
      await this.loadPage();
    }
  }

  /**
   * Operations appended to the dataset (here or in another tab) since the shown findings were
   * detected: they describe an older version. Reactive (reads the ops feed).
   */
  get changedSince(): number {
    return this.detect.result ? opsVersion(this.id) - this.feed : 0;
  }

  /** Sets the filters and goes back to the first page. */
  filter(detector: string | null, column: number | null): void {
    this.detector = detector;
    this.column = column;
    this.offset = 0;
    void this.loadPage();
  }

  /** Moves to the page starting at `offset`. */
  goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    void this.loadPage();
  }

  /** Fetches the current page; an older answer arriving late is dropped. */
  async loadPage(): Promise<void> {
    const request = ++this.request;
    const query = {
      id: this.id,
      offset: this.offset,
      limit: PAGE_SIZE,
      detector: this.detector,
      column: this.column,
    };
    try {
      const page = await analysisClient().call('findings', query);
      if (request !== this.request) return;
      this.page = page;
      this.pageError = null;
    } catch (error) {
      if (request !== this.request) return;
      this.pageError = error instanceof Error ? error.message : String(error);
    }
  }
}
