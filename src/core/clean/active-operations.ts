/**
 * Which entries of an operation log are in effect. A `revert` toggles its target, so an entry is
 * active when an even number of active reverts point at it (none, or a revert that was itself
 * reverted = redo). Reverts only point backwards, so one pass from the newest entry decides all.
 */
import { unpackBatches, type DataEntry } from './batch';
import type { LoggedOperation } from './operations';

/** Sequence numbers of every active log entry, reverts included (a history view greys the rest). */
export function activeSeqs(log: readonly LoggedOperation[]): Set<number> {
  const sorted = bySeq(log);
  // seq → number of active reverts pointing at it, filled before the target is reached.
  const hits = new Map<number, number>();
  const active = new Set<number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const entry = sorted[i];
    if ((hits.get(entry.seq) ?? 0) % 2 === 1) continue;
    active.add(entry.seq);
    const op = entry.op;
    // A revert pointing at itself or forwards is malformed (validateOperation rejects it): ignore.
    if (op.kind === 'revert' && op.target < entry.seq) {
      hits.set(op.target, (hits.get(op.target) ?? 0) + 1);
    }
  }
  return active;
}

/**
 * The data operations in effect, in seq order; reverts themselves are never included, and an
 * active batch comes as its parts, in order, each with the batch's seq.
 */
export function activeOperations(log: readonly LoggedOperation[]): DataEntry[] {
  const active = activeSeqs(log);
  const kept = bySeq(log).filter((entry) => entry.op.kind !== 'revert' && active.has(entry.seq));
  return unpackBatches(kept) as DataEntry[];
}

/** True when the log holds a revert, i.e. it must be resolved before its ops can be replayed. */
export function hasReverts(log: readonly LoggedOperation[]): boolean {
  return log.some((entry) => entry.op.kind === 'revert');
}

/** The log in ascending seq order; returns the input when it already is (the usual case). */
export function bySeq(log: readonly LoggedOperation[]): readonly LoggedOperation[] {
  for (let i = 1; i < log.length; i++) {
    if (log[i - 1].seq > log[i].seq) return [...log].sort((a, b) => a.seq - b.seq);
  }
  return log;
}
