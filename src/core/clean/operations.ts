/**
 * Operations of the append-only log. The current version of a dataset is its immutable source
 * with the active operations replayed in order. Undo, redo and reverting a middle step are
 * themselves `revert` operations, so nothing is ever overwritten. A `batch` is one entry holding
 * several data operations, so a group fix is one step of the history.
 */

/** A column-wide change. */
export type ColumnTransform =
  /** Cells whose text equals one of `values` become missing (sentinels such as -999, "N/A"). */
  | { kind: 'replace-with-missing'; values: string[] }
  /** Leading and trailing whitespace removed from string cells. */
  | { kind: 'trim' }
  /** Category `from` becomes `to` (typo fixes, merging variants). */
  | { kind: 'map-categories'; mapping: Array<[from: string, to: string]> }
  /** Missing cells get `value`; `strategy` records how it was chosen when the op was made. */
  | { kind: 'impute'; strategy: 'median' | 'mean' | 'mode' | 'constant'; value: string };

/** One change to data or review state; `row` is the 0-based source row, `column` its index. */
export type DataOperation =
  /** `value` is the cell's new text, parsed as the column's type; null makes the cell missing. */
  | { kind: 'set-cell'; row: number; column: number; value: string | null }
  /** A new label for the row's target column. */
  | { kind: 'relabel'; row: number; column: number; value: string }
  | { kind: 'exclude-row'; row: number }
  /** The row was looked at and is fine (a false alarm); changes no value. */
  | { kind: 'mark-reviewed'; row: number }
  | { kind: 'column-transform'; column: number; transform: ColumnTransform };

/** One entry of the log. */
export type Operation =
  | DataOperation
  /**
   * Several changes made as one step (a group fix): one history line, undone, redone and
   * reverted as a whole. `ops` apply in order; `label` is the step in words, row count included.
   */
  | { kind: 'batch'; label: string; ops: DataOperation[] }
  /**
   * Toggles the op with sequence number `target`: reverting a revert restores the op (redo).
   * `via` marks reverts made by the Undo and Redo commands (absent: the user reverted a step by
   * hand); undo-redo.ts needs it to rebuild the undo and redo stacks from the log alone.
   */
  | { kind: 'revert'; target: number; via?: 'undo' | 'redo' };

/** An operation as stored in the log. */
export interface LoggedOperation {
  datasetId: string;
  /** 1-based, dense, increasing per dataset. */
  seq: number;
  /** Epoch milliseconds. */
  at: number;
  op: Operation;
}
