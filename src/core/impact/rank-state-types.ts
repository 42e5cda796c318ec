/** What the incremental ranking (rank-state.ts) reports and takes: row status, counters, options. */
import type { RankedRow } from './combine';
import type { ClassReference, Curve } from './curve';
import type { ShapleyResult } from './knn-shapley';

/** Where a row stands after the operations logged on it since ranking. */
export type RowStatus = 'open' | 'fixed' | 'relabelled' | 'excluded' | 'ok' | 'skipped';

/** Handled-row counts and the gain still open. */
export interface RankCounters {
  reviewed: number;
  fixed: number;
  relabelled: number;
  excluded: number;
  ok: number;
  skipped: number;
  /**
   * Open rows with evidence (score > 0): the rows the review will still show, since it stops at
   * the first row without any.
   */
  openFlagged: number;
  gainLeft: number;
}

/** What one update did. */
export interface RankUpdate {
  counters: RankCounters;
  curve: Curve;
  moved: number;
  ms: number;
}

export interface RankStateOptions {
  /** Sequence of the last operation already in the ranked version (later ones are news). */
  baseSeq?: number;
  /** The Shapley detail: lets a relabel to another class recompute the row's label evidence. */
  shapley?: ShapleyResult | null;
  /** Accuracy of the reference before any fix (the curve's start). */
  start?: number;
  /** Rows excluded before ranking: never in the open queue, never counted. */
  excluded?: Uint8Array | null;
  /**
   * The ranking as combineSignals ordered it from these signals (rankRows' rows), so the rows need
   * not be scored again; scored here when absent.
   */
  rows?: readonly RankedRow[];
  /** pWrong factor per false alarm of a detector on a column, for the other rows it flagged. */
  falseAlarmFactor?: number;
  /** The reference per class: adds a balanced-accuracy curve (needs `shapley` for relabels). */
  classReference?: ClassReference | null;
}
