/**
 * What the priority worker keeps per ranked dataset: the live ranking, the encoded splits and the
 * Shapley detail (for evidence), the frame (for distributions), and the summary it last gave.
 */
import type { Frame } from '../src/core/table/frame';
import { knnUtility } from '../src/core/impact/curve';
import { holdoutSplit, rowsWhere } from '../src/core/impact/holdout';
import type { RankResult } from '../src/core/impact/rank';
import { RankState } from '../src/core/impact/rank-state';
import type { Reference } from '../src/core/impact/row-evidence';
import type { QueueItem, QueueQuery, QueuePage } from '../src/protocol/priority-methods';
import type { ValidationReview } from '../src/core/impact/validation-review';
import type { PrioritySummary } from '../src/protocol/priority-methods';

/** rankRows' defaults for the held-out split (the evidence must use the same parts). */
const HOLDOUT_SHARE = 0.2;
const HOLDOUT_SEED = 1;

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
  const { data, shapley, signals } = result;
  if (data.val && data.valLabels) {
    const kept = rowsWhere(data.valLabels, (y) => y >= 0);
    const reference = matrixOf(data.val, kept, data.valLabels);
    const state = new RankState(signals, {
      rows: result.rows,
      baseSeq,
      shapley,
      start: knnUtility(shapley.values),
      excluded: frame.excluded,
    });
    return { state, referenceOf: () => reference };
  }
  const labelled = rowsWhere(data.trainLabels, (y) => y >= 0);
  const [fit, held] = holdoutSplit(data.trainLabels, labelled, HOLDOUT_SHARE, HOLDOUT_SEED);
  const fitRef = matrixOf(data.train, held, data.trainLabels);
  const heldRef = matrixOf(data.train, fit, data.trainLabels);
  const inHeld = new Uint8Array(frame.rows);
  held.forEach((r) => (inHeld[r] = 1));
  const state = new RankState(signals, {
    rows: result.rows,
    baseSeq,
    shapley,
    start: knnUtility(shapley.values, [fit, held]),
    excluded: frame.excluded,
  });
  return { state, referenceOf: (row) => (inHeld[row] ? heldRef : fitRef) };
}

function matrixOf(
  m: { x: Float32Array; width: number },
  rows: Int32Array,
  labels: Int32Array,
): Reference {
  const x = new Float32Array(rows.length * m.width);
  rows.forEach((r, i) => x.set(m.x.subarray(r * m.width, (r + 1) * m.width), i * m.width));
  return {
    matrix: { x, rows: rows.length, width: m.width },
    rows,
    labels: Int32Array.from(rows, (r) => labels[r]),
  };
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
  };
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
