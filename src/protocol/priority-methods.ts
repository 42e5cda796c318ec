import type { LoggedOperation, Operation } from '../core/clean/operations';
import type { ClassBalance } from '../core/impact/class-balance';
import type { Curve } from '../core/impact/curve';
import type { RankCounters, RowStatus } from '../core/impact/rank-state-types';

/**
 * The priority worker's contract: rank a dataset's rows by how much fixing them should win back
 * validation accuracy, page the ranked queue, explain one row, and re-rank incrementally after
 * each operation the user makes. The ranking stays in the worker; pages cross.
 */

/** Progress of a long call: `phase` names the step ("read", "KNN-Shapley", "detectors", ...). */
export interface PriorityProgress {
  phase: string;
  done: number;
  total: number;
}

/** What a ranking is measured against. */
export type ValidationChoice =
  /** Another imported dataset with the same columns (its current version, fixes applied). */
  | { kind: 'dataset'; id: string }
  /** A seeded held-out share of the dataset's own rows (the UI says so). */
  | { kind: 'held-out' };

export interface RankParams {
  id: string;
  target: string;
  validation: ValidationChoice;
  /** Neighbours of the KNN utility (default 10). */
  k?: number;
}

/** Where a queue item stands, from the operations logged on its row since ranking. */
export type QueueStatus = RowStatus;

/** Which signal put the row where it is. */
export type QueueKind = 'missing-target' | 'label' | 'cell' | 'none';

/** One row of the ranked queue. */
export interface QueueItem {
  /** 0-based data row. */
  row: number;
  /** 0-based place in the current order (after re-ranks). */
  rank: number;
  /** Priority, 0..1: P(wrong) × estimated gain. */
  score: number;
  kind: QueueKind;
  /** One sentence a person understands. */
  reason: string;
  /** Estimated validation-accuracy gain of the suggested fix, as a fraction (0.004 = 0.4 points). */
  gain: number;
  /** The column the evidence is about (the target for label evidence), or null. */
  column: number | null;
  /** The suggested repair as an operation of the log, or null. */
  suggestion: Operation | null;
  status: QueueStatus;
  /** The row's class now (after relabels), null when its target is empty; absent if unknown. */
  label?: string | null;
}

export interface QueueQuery {
  id: string;
  offset: number;
  limit: number;
  /** 'open' lists rows not yet handled (default); 'all' every row in priority order. */
  status?: 'open' | 'all';
  /** Only rows whose evidence is of this kind. */
  kind?: QueueKind | null;
  /** Only rows whose evidence is about this column (QueueItem.column); a worker may ignore it. */
  column?: number | null;
}

export interface QueuePage {
  offset: number;
  /** Rows matching the query. */
  total: number;
  items: QueueItem[];
}

/**
 * Estimated validation accuracy (fraction) after each number of reviewed rows: `start`, the
 * accuracy now; `ours`, points [rows reviewed, estimated accuracy] following our order; `random`,
 * the same for a random order (its expectation). The core's type, as it crosses.
 */
export type CleaningCurve = Curve;

/**
 * Handled-row counts since ranking (`reviewed`: any status but open), `openFlagged` (open rows
 * with evidence, the ones the review still shows) and `gainLeft`, the sum of the estimated gains
 * of the open rows (fraction of validation accuracy). The core's type.
 */
export type PriorityCounters = RankCounters;

export interface PrioritySummary {
  id: string;
  target: string;
  reference: {
    kind: 'dataset' | 'held-out';
    /** Name of the validation dataset, when there is one. */
    name: string | null;
    /** Validation rows used. */
    rows: number;
    /** Of those, rows a person reviewed (trusted). */
    reviewed: number;
  };
  /** Rows ranked. */
  rows: number;
  /** Rows with any evidence (score above zero). */
  flagged: number;
  /** Choices and warnings worth saying. */
  notes: string[];
  counters: PriorityCounters;
  curve: CleaningCurve;
  /**
   * Rows, open flagged rows and label flags per class, with warnings (flags mostly on one class,
   * a rare or tiny class, a class the reference lacks); kept current by each update.
   */
  balance: PriorityBalance;
  /** TF.js backend the distances ran on. */
  backend: string;
  ms: number;
}

/** Why one row is where it is: the evidence a reviewer needs to decide. */
export interface RowEvidence {
  row: number;
  item: QueueItem;
  /** Nearest rows of the reference split, nearest first. */
  neighbours: Array<{ row: number; label: string; distance: number }>;
  /** Classes ordered by estimated probability for this row (for relabelling), or null. */
  classes: Array<{ label: string; p: number }> | null;
  /** The flagged column's distribution with this row's value marked, or null. */
  distribution: {
    column: number;
    value: string | null;
    /** Numeric: bins [from, to, count]; categorical: the top values [value, count]. */
    bins: Array<[number, number, number]> | null;
    top: Array<[string, number]> | null;
  } | null;
}

/** Per-class rows and flags against the class shares. The core's type. */
export type PriorityBalance = ClassBalance;

/** What an operation did to the ranking. */
export interface PriorityUpdate {
  counters: PriorityCounters;
  curve: CleaningCurve;
  /** The class balance after it (absent from an update that did not compute it). */
  balance?: PriorityBalance;
  /** Rows whose place changed. */
  moved: number;
  /** Worker-side time of the re-rank. */
  ms: number;
}

/** A validation row worth checking before trusting the split. */
export interface ValidationSuggestion {
  row: number;
  score: number;
  reason: string;
  /** Suggested label for the validation row, when its label looks wrong. */
  suggestion: Operation | null;
}

export type PriorityMethods = {
  rank: { params: RankParams; result: PrioritySummary; progress: PriorityProgress };
  queue: { params: QueueQuery; result: QueuePage; progress: never };
  evidence: { params: { id: string; row: number }; result: RowEvidence; progress: never };
  /**
   * Tells the ranking about operations logged on the ranked dataset since it last heard (the
   * user's fixes, reverts, undos); `skipped` rows are passed over without an operation.
   */
  noteOperations: {
    params: { id: string; ops: LoggedOperation[]; skipped?: number[] };
    result: PriorityUpdate;
    progress: never;
  };
  /** Validation rows most worth reviewing first (needs a validation dataset). */
  validationSuggestions: {
    params: { id: string; offset: number; limit: number };
    result: { total: number; items: ValidationSuggestion[] };
    progress: never;
  };
  /** The summary of the ranking held for `id`, or null when none is (e.g. the worker restarted). */
  summary: { params: { id: string }; result: PrioritySummary | null; progress: never };
};
