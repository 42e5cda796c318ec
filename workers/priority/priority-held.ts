/**
 * What the priority worker keeps per ranked dataset: the live ranking, the encoded splits and the
 * Shapley detail (for evidence), the frame (for distributions), and the summary it last gave.
 */
import type { Frame } from '../../src/core/table/frame';
import { classBalance, type ClassBalance } from '../../src/core/impact/class-balance';
import { classReference, knnUtility } from '../../src/core/impact/curve';
import { referenceOfRows } from '../../src/core/impact/cell-counterfactual';
import type { RankResult } from '../../src/core/impact/rank';
import { RankState } from '../../src/core/impact/rank-state';
import type { Reference } from '../../src/core/impact/row-evidence';
import type { QueueItem, QueueQuery, QueuePage } from '../../src/protocol/priority-methods';
import type { ValidationReview } from '../../src/core/impact/validation-review';
import type { PrioritySummary } from '../../src/protocol/priority-methods';

export interface HeldRanking {
  state: RankState;
  result: RankResult;
  frame: Frame;
  /** The validation dataset's id and frame, or null for the held-out reference. */
  validation: { id: string; frame: Frame } | null;
  /** Reference rows per training row (the held-out case has two parts, each the other's). */
  referenceOf: (row: number) => Reference;
  summary: PrioritySummary;
  /** Validation rows to check first, computed on first request. */
  review: Promise<ValidationReview> | null;
}

/** The ranking's live state and the reference rows its rows were valued against. */
export function holdRanking(
  result: RankResult,
  frame: Frame,
  baseSeq: number,
): { state: RankState; referenceOf: (row: number) => Reference } {
  const { shapley, signals, references } = result;
  // The references rankRows valued against (a capped sample where the split was large): with a
  // held-out split, two parts of the training rows, each the other's.
  const held = references.map((ref): Reference => ({
    matrix: ref.val,
    rows: ref.source ?? Int32Array.from(ref.valLabels.keys()),
    labels: ref.valLabels,
  }));
  const of = referenceOfRows(frame.rows, references);
  const state = new RankState(signals, {
    rows: result.rows,
    baseSeq,
    shapley,
    start: knnUtility(shapley.values, references.length > 1 ? references.map((r) => r.rows) : null),
    excluded: frame.excluded,
    classReference: classReference(references, signals.given, signals.classes.length),
  });
  // A row valued against no reference (excluded, or without a label) is shown the first one.
  return { state, referenceOf: (row) => held[Math.max(0, of[row] ?? 0)] };
}

/** One queue item from the live ranking. */
export function queueItem(state: RankState, row: number, rank: number): QueueItem {
  const r = state.item(row);
  return {
    row,
    rank,
    score: r.score,
    kind: r.kind,
    reason: r.reason,
    gain: r.gain,
    column: r.column,
    suggestion: r.suggestion,
    status: state.status[row],
    label: state.signals.classes[state.signals.given[row]] ?? null,
  };
}

/**
 * The class balance of the live ranking: classes as they are now (after relabels), rows excluded
 * before or since ranking left out, flags counted on open rows only, reference rows per class.
 */
export function liveBalance(state: RankState, result: RankResult, frame: Frame): ClassBalance {
  const { classes, given } = state.signals;
  const n = given.length;
  const out = Uint8Array.from({ length: n }, (_, r) =>
    frame.excluded[r] || state.status[r] === 'excluded' ? 1 : 0,
  );
  // One line object reused for every row: this runs after each fix, on up to millions of rows.
  function* lines() {
    const line = { row: 0, kind: 'none', score: 0 };
    for (let row = 0; row < n; row++) {
      const item = state.item(row);
      line.row = row;
      line.kind = item.kind;
      line.score = state.status[row] === 'open' ? item.score : 0;
      yield line;
    }
  }
  const reference = new Array<number>(classes.length).fill(0);
  for (const ref of result.references)
    for (const y of ref.valLabels) if (y >= 0 && y < classes.length) reference[y]++;
  return classBalance(classes, given, lines(), out, reference);
}

/** A page of the queue, in the current order, filtered by status and kind. */
export function queuePage(state: RankState, query: QueueQuery): QueuePage {
  const open = (query.status ?? 'open') === 'open';
  const kind = query.kind ?? null;
  const column = query.column ?? null;
  const items: QueueItem[] = [];
  const offset = Math.max(0, Math.floor(query.offset));
  const limit = Math.max(0, Math.floor(query.limit));
  let total = 0;
  state.order.forEach((row, rank) => {
    if (open && state.status[row] !== 'open') return;
    const item = state.item(row);
    if (kind !== null && item.kind !== kind) return;
    if (column !== null && item.column !== column) return;
    if (total >= offset && items.length < limit) items.push(queueItem(state, row, rank));
    total++;
  });
  return { offset, total, items };
}
