/**
 * The review queue, one flagged row at a time: the open row at `cursor` of the worker's open
 * queue, its evidence and current cell values. Each action goes through clean-actions (append,
 * note, update); the handled row leaves the open queue, so the next one slides into the cursor.
 */
import type { Operation } from '../../core/clean/operations';
import type { QueueItem, RowEvidence } from '../../protocol/priority-methods';
import { bulkStep, collectGroup, type BulkPlan } from './clean-bulk';
import {
  commitOperations,
  planAction,
  undoRedo,
  type CleanAction,
  type Committed,
} from './clean-actions';
import { describeOperation } from '../priority/priority-format';
import type { PrioritySession } from '../priority/priority-state.svelte';
import { priorityClient } from '../clients';

/** The Clean tab's review state over a ranking session. */
export class CleanState {
  mode = $state<'one' | 'table'>('one');
  cursor = $state(0);
  /** Open rows left in the queue. */
  open = $state(0);
  item = $state.raw<QueueItem | null>(null);
  evidence = $state.raw<RowEvidence | null>(null);
  /** Current display text of each column of the row (null = missing). */
  values = $state.raw<(string | null)[] | null>(null);
  excluded = $state(false);
  loading = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** An edit that does not fit its column: shown inline, nothing stored. */
  editError = $state<string | null>(null);
  /** The last thing done, in words. */
  last = $state<string | null>(null);
  bulk = $state.raw<BulkPlan | null>(null);
  /** Bumped after every change, so the table mode fetches its page again. */
  revision = $state(0);
  private request = 0;

  constructor(readonly session: PrioritySession) {}

  /** Loads the open row at `cursor` (clamped), its evidence and values. */
  async load(cursor = this.cursor): Promise<void> {
    const request = ++this.request;
    const id = this.session.dataset.id;
    this.loading = true;
    try {
      let page = await priorityClient().call('queue', {
        id,
        offset: Math.max(0, cursor),
        limit: 1,
      });
      if (page.items.length === 0 && page.total > 0) {
        page = await priorityClient().call('queue', { id, offset: page.total - 1, limit: 1 });
      }
      if (request !== this.request) return;
      this.open = page.total;
      this.cursor = page.items.length > 0 ? page.offset : 0;
      // Rows without evidence sort last (score 0): the review ends where they begin.
      const first = page.items[0] ?? null;
      const item = first && first.score > 0 && first.kind !== 'none' ? first : null;
      const [evidence, rows] = item
        ? await Promise.all([
            priorityClient().call('evidence', { id, row: item.row }),
            this.session.data.call('readRows', {
              id,
              start: item.row,
              count: 1,
              columns: this.session.dataset.columns.map((c) => c.index),
            }),
          ])
        : [null, null];
      if (request !== this.request) return;
      Object.assign(this, { item, evidence, editError: null, error: null });
      this.values = rows ? rows.cells.map((column: (string | null)[]) => column[0] ?? null) : null;
      this.excluded = rows ? rows.excluded[0] === 1 : false;
    } catch (error) {
      if (request === this.request) this.error = message(error);
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  /**
   * Runs one action on `item` (default: the current row); returns false when it was refused
   * (e.g. an edit that does not fit its column: nothing is stored).
   */
  async act(action: CleanAction, item: QueueItem | null = this.item): Promise<boolean> {
    if (!item || this.busy) return false;
    const planned = planAction(action, item, this.session.dataset);
    if (planned.error !== null) {
      if (action.kind === 'edit') this.editError = planned.error;
      else this.error = planned.error;
      return false;
    }
    const ops = planned.op ? [planned.op] : [];
    const skipped = action.kind === 'skip' ? [item.row] : [];
    const done = await this.commit(ops, skipped);
    if (done) this.last = planned.op ? this.describe(planned.op) : `Skipped row ${item.row}`;
    return done !== null;
  }

  /** Undo (or Redo) the latest step, from the log. */
  async undoRedo(which: 'undo' | 'redo'): Promise<void> {
    if (this.busy) return;
    await this.run(async () => {
      const done = await undoRedo(this.session.deps, this.session.dataset.id, which);
      this.last = done ? `${which === 'undo' ? 'Undid' : 'Redid'} a step` : `Nothing to ${which}`;
      return done;
    });
  }

  /** Collects the current row's group for a preview (how many rows the fix changes). */
  async previewBulk(): Promise<void> {
    const item = this.item;
    if (!item || this.busy) return;
    if (!item.suggestion) {
      this.error = 'This row has no suggested repair to apply to a group.';
      return;
    }
    this.busy = true;
    try {
      const counts = this.session.summary?.balance?.classes ?? null;
      this.bulk = await collectGroup(
        priorityClient(),
        this.session.dataset.id,
        item,
        undefined,
        counts,
      );
    } catch (error) {
      this.error = message(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Applies the previewed group fix; one that relabels more than 20 rows out of one class is
   * refused unless `confirmed` (the user ticked the confirmation).
   */
  async applyBulk(confirmed = false): Promise<void> {
    const plan = this.bulk;
    if (!plan || this.busy) return;
    if (plan.balance && plan.balance.emptied.length > 0) {
      this.error = 'A group fix may not leave a class without rows: relabel them one at a time.';
      return;
    }
    if (plan.needsConfirmation && !confirmed) {
      this.error = 'Confirm the change of class balance before relabelling this many rows.';
      return;
    }
    // One entry for the whole group: one history line, one Undo, one note to the ranking.
    const step = bulkStep(plan, this.session.dataset.columns);
    const done = await this.commit(step ? [step] : [], []);
    if (done && step)
      this.last = `Fixed ${plan.rows.length} rows in one step: ${this.describe(step)}`;
    this.bulk = null;
  }

  /** Moves the cursor by `step` open rows. */
  move(step: number): void {
    if (this.busy) return;
    void this.load(Math.max(0, Math.min(this.open - 1, this.cursor + step)));
  }

  private async commit(ops: Operation[], skipped: number[]): Promise<Committed | null> {
    return this.run(() =>
      commitOperations(this.session.deps, this.session.dataset.id, ops, skipped),
    );
  }

  private async run(task: () => Promise<Committed | null>): Promise<Committed | null> {
    this.busy = true;
    this.error = null;
    try {
      const done = await task();
      if (done) this.session.apply(done.update);
      this.revision++;
      await this.load(this.cursor);
      return done;
    } catch (error) {
      this.error = message(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  private describe(op: Operation): string {
    return describeOperation(op, this.session.dataset.columns);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
