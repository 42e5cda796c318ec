/**
 * The ranking of one dataset as the Priority and Clean tabs share it. The ranking itself stays in
 * the priority worker; the page holds its summary (counters, curve), one page of the queue and
 * one page of validation suggestions. One session per dataset for the page's life, so leaving a
 * tab and coming back keeps the choices and the running call.
 */
import { historyCounts, type HistoryCounts } from '../../core/clean/history-counts';
import type { DatasetMeta } from '../../core/table/types';
import type { Client } from '../../protocol/client';
import type { DataMethods } from '../../protocol/data-methods';
import type {
  PrioritySummary,
  PriorityUpdate,
  QueueKind,
  QueuePage,
  ValidationChoice,
  ValidationSuggestion,
} from '../../protocol/priority-methods';
import { notifyOpsChanged } from '../shared/ops-feed.svelte';
import { noteNewOperations, type CleanDeps } from './heard-operations';
import { targetChoice } from '../shared/target.svelte';
import { rankedNow, remadeNote } from './ranking-note';
import { priorityClient } from '../clients';
import { AnalysisRun } from '../shared/analysis-run.svelte';

/** Queue rows per page of the Priority table. */
export const QUEUE_PAGE = 25;
/** Validation suggestions listed at once. */
export const SUGGESTION_PAGE = 10;

/** One dataset's ranking session. */
export class PrioritySession {
  validation = $state<ValidationChoice>({ kind: 'held-out' });
  /** The reference the shown ranking was made with (the picker may have moved on since). */
  private rankedWith: ValidationChoice | null = null;
  readonly ranking = new AnalysisRun<PrioritySummary>();
  /** The last summary, with counters and curve kept current by each update. */
  summary = $state.raw<PrioritySummary | null>(null);
  offset = $state(0);
  /** Queue filters of the Priority table: one kind of evidence, open rows only. */
  filter = $state<{ kind: QueueKind | null; openOnly: boolean }>({ kind: null, openOnly: false });
  page = $state.raw<QueuePage | null>(null);
  pageError = $state<string | null>(null);
  suggestions = $state.raw<{ total: number; items: ValidationSuggestion[] } | null>(null);
  suggestionError = $state<string | null>(null);
  /**
   * Rows the log handled before the ranking was made, by outcome (the ranking counts the steps
   * since): added to its counters, the Clean counters agree with the history.
   */
  history = $state.raw<HistoryCounts | null>(null);
  /** The last log seq the shown ranking was made after. */
  private rankedAfterSeq = 0;
  /** Set when the ranking shown was made again by itself after a reload (says so, and when). */
  remadeNote = $state<string | null>(null);
  /** Log seqs of this dataset the ranking has heard of (see heard-operations). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly heard = new Set<number>();
  private request = 0;

  constructor(
    readonly dataset: DatasetMeta,
    readonly data: Client<DataMethods>,
  ) {}

  /** What review actions need: both clients, the heard set and the cross-tab notice. */
  get deps(): CleanDeps & { heard: Set<number> } {
    return {
      data: this.data,
      priority: priorityClient(),
      heard: this.heard,
      afterAppend: (datasetId) => notifyOpsChanged(datasetId),
    };
  }

  /**
   * Picks up a ranking the worker still holds (after a tab switch); after a reload (the worker
   * keeps rankings in memory only) makes the last stored one again at once, with a note. False
   * when there is none.
   */
  async restore(): Promise<boolean> {
    if (this.summary || this.ranking.running) return this.summary !== null;
    try {
      const held = await priorityClient().call('summary', { id: this.dataset.id });
      if (held) {
        this.summary = held;
        await this.catchUp();
        await this.loadPage(0);
        return true;
      }
      return await this.remake();
    } catch {
      return false;
    }
  }

  /** Makes the stored ranking again (target and reference as chosen then); false when none. */
  private async remake(): Promise<boolean> {
    const { ranking } = await this.data.call('getSettings', { id: this.dataset.id });
    if (!ranking || !this.dataset.columns.some((c) => c.name === ranking.target)) return false;
    if (this.summary || this.ranking.running) return this.summary !== null;
    this.validation = ranking.validation;
    if (!targetChoice.get(this.dataset.id)) targetChoice.set(this.dataset.id, ranking.target);
    const steps = (await this.data.call('listOperations', { id: this.dataset.id })).length;
    await this.rank(ranking.target);
    if (!this.summary) return false;
    this.remadeNote = remadeNote(ranking.rankedAt, steps);
    return true;
  }

  /** Re-reads the log and counts the rows it handled before the ranking (see historyCounts). */
  async refreshHistory(): Promise<void> {
    try {
      const log = await this.data.call('listOperations', { id: this.dataset.id });
      this.history = historyCounts(log, this.rankedAfterSeq);
    } catch {
      // The counters keep their last figures; the next change tries again.
    }
  }

  /** Ranks the dataset for `target` against the chosen reference. */
  async rank(target: string): Promise<void> {
    const id = this.dataset.id;
    this.page = null;
    this.suggestions = null;
    const seen = await this.data.call('listOperations', { id }).catch(() => []);
    const validation = $state.snapshot(this.validation);
    await this.ranking.run((signal, onProgress) =>
      priorityClient().call('rank', { id, target, validation }, { signal, onProgress }),
    );
    const summary = this.ranking.result;
    if (!summary) return;
    this.remadeNote = null;
    // Kept per dataset, so a reload can make this ranking again (see restore).
    void this.data
      .call('updateSettings', {
        id,
        changes: { ranking: { target, validation, rankedAt: rankedNow() } },
      })
      .catch(() => {});
    this.rankedWith = validation;
    this.heard.clear();
    for (const entry of seen) this.heard.add(entry.seq);
    this.rankedAfterSeq = seen.reduce((last, entry) => Math.max(last, entry.seq), 0);
    this.summary = summary;
    await this.catchUp();
    await this.loadPage(0);
    if (summary.reference.kind === 'dataset') await this.loadSuggestions();
  }

  /** Counters and curve from an update; the shown page is fetched again (rows moved). */
  apply(update: PriorityUpdate | null): void {
    void this.refreshHistory();
    if (!update || !this.summary) return;
    this.summary = {
      ...this.summary,
      counters: update.counters,
      curve: update.curve,
      balance: update.balance ?? this.summary.balance,
    };
    void this.loadPage(this.offset);
  }

  /** Notes operations logged elsewhere (History panel, another tab) since the ranking heard. */
  async catchUp(): Promise<void> {
    if (!this.summary) return;
    try {
      this.apply(await noteNewOperations(this.deps, this.dataset.id));
    } catch (error) {
      this.pageError = message(error);
    }
  }

  /** Fetches the queue page at `offset` (every row in priority order); late answers are dropped. */
  async loadPage(offset: number): Promise<void> {
    const request = ++this.request;
    this.offset = Math.max(0, offset);
    try {
      const page = await priorityClient().call('queue', {
        id: this.dataset.id,
        offset: this.offset,
        limit: QUEUE_PAGE,
        status: this.filter.openOnly ? 'open' : 'all',
        kind: this.filter.kind,
      });
      if (request !== this.request) return;
      this.page = page;
      this.pageError = null;
    } catch (error) {
      if (request === this.request) this.pageError = message(error);
    }
  }

  /** Fetches the validation rows most worth reviewing first. */
  async loadSuggestions(): Promise<void> {
    try {
      this.suggestions = await priorityClient().call('validationSuggestions', {
        id: this.dataset.id,
        offset: 0,
        limit: SUGGESTION_PAGE,
      });
      this.suggestionError = null;
    } catch (error) {
      this.suggestionError = message(error);
    }
  }

  /**
   * Reviews one validation row: its suggested label (accept) or a mark-reviewed (ok), logged on
   * the VALIDATION dataset; then ranks again, since the reference changed.
   */
  async reviewValidation(item: ValidationSuggestion, how: 'accept' | 'ok'): Promise<void> {
    const choice = this.summary ? this.rankedWith : null;
    if (!choice || choice.kind !== 'dataset' || !this.summary) return;
    const op = how === 'accept' && item.suggestion ? item.suggestion : null;
    try {
      await this.data.call('appendOperation', {
        id: choice.id,
        op: op ?? { kind: 'mark-reviewed', row: item.row },
      });
      notifyOpsChanged(choice.id);
    } catch (error) {
      this.suggestionError = message(error);
      return;
    }
    // Ranks against the dataset just reviewed, even if the picker was moved meanwhile.
    this.validation = choice;
    await this.rank(this.summary.target);
  }
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, not rendered state
const sessions = new Map<string, PrioritySession>();

/** The ranking session of `dataset` (created on first use, kept for the page's life). */
export function prioritySession(dataset: DatasetMeta, data: Client<DataMethods>): PrioritySession {
  let session = sessions.get(dataset.id);
  if (!session) {
    session = new PrioritySession(dataset, data);
    sessions.set(dataset.id, session);
  }
  return session;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
