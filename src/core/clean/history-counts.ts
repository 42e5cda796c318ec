/**
 * How many rows the operation log has handled, by what was done to them: the figures a review
 * shows must agree with the history, including steps logged before the ranking was made (or
 * before a reload, when the ranking is made again).
 */
import { activeOperations } from './active-operations';
import type { LoggedOperation } from './operations';

/** Rows per outcome; a row counts once, under its strongest active operation. */
export interface HistoryCounts {
  excluded: number;
  relabelled: number;
  fixed: number;
  ok: number;
}

/**
 * Counts rows by their active row operations, in the ranking's order of precedence (rowEffects):
 * excluded over relabelled over a fixed cell over marked OK. Column transforms are column steps,
 * not row fixes, and are not counted; reverted steps are not counted. With `upToSeq`, only rows
 * whose active row steps were all logged at or before it (a ranking made then counts the rest).
 */
export function historyCounts(log: readonly LoggedOperation[], upToSeq = Infinity): HistoryCounts {
  const strongest = new Map<number, number>();
  const later = new Set<number>();
  for (const { seq, op } of activeOperations(log)) {
    if (op.kind === 'column-transform') continue;
    if (seq > upToSeq) later.add(op.row);
    strongest.set(op.row, Math.max(strongest.get(op.row) ?? 0, LEVEL[op.kind]));
  }
  const counts: HistoryCounts = { excluded: 0, relabelled: 0, fixed: 0, ok: 0 };
  for (const [row, level] of strongest) if (!later.has(row)) counts[OUTCOME[level]]++;
  return counts;
}

/**
 * A ranking's counters (steps logged since it was made) plus the rows handled before it, so the
 * figures agree with the history also when the ranking was made after fixes (after a reload).
 */
export function withHistory<T extends HistoryCounts & { reviewed: number }>(
  counters: T,
  before: HistoryCounts,
): T {
  return {
    ...counters,
    excluded: counters.excluded + before.excluded,
    relabelled: counters.relabelled + before.relabelled,
    fixed: counters.fixed + before.fixed,
    ok: counters.ok + before.ok,
    reviewed: counters.reviewed + before.excluded + before.relabelled + before.fixed + before.ok,
  };
}

/** Precedence of the row operations (higher wins), and the outcome each level counts as. */
const LEVEL = { 'mark-reviewed': 0, 'set-cell': 1, relabel: 2, 'exclude-row': 3 } as const;
const OUTCOME = ['ok', 'fixed', 'relabelled', 'excluded'] as const;
