import { describe, expect, it } from 'vitest';
import { syntheticSignals } from '../../../bench/rerank-signals';
import type { DataOperation, Operation } from '../../../src/core/clean/operations';
import { RankState } from '../../../src/core/impact/rank-state';
import { logger, snapshot as shown } from './rank-state-helpers';

/** The ranking as shown, with its counters. */
const snapshot = (state: RankState) => ({ ...shown(state), counters: state.counters() });

/** Rows with label evidence, relabelled to their suggested class: a bulk fix's parts. */
function relabels(signals: ReturnType<typeof syntheticSignals>['signals'], n: number) {
  const ops: DataOperation[] = [];
  signals.labels.forEach((l, row) => {
    if (l && l.gain > 0 && ops.length < n)
      ops.push({
        kind: 'relabel',
        row,
        column: signals.target,
        value: signals.classes[l.suggested],
      });
  });
  return ops;
}

describe('RankState and batches', () => {
  it('takes in a batch as all its parts at once, as if each had been logged alone', () => {
    const { signals, shapley } = syntheticSignals(800, 21);
    const parts = relabels(signals, 12);
    expect(parts).toHaveLength(12);
    const batched = new RankState(signals, { shapley });
    const update = batched.noteOperations([
      logger()({ kind: 'batch', label: 'Relabel 12 rows', ops: parts }),
    ]);
    expect(update.counters.relabelled).toBe(12);
    for (const op of parts) expect(batched.status[(op as { row: number }).row]).toBe('relabelled');

    const oneByOne = new RankState(signals, { shapley });
    const log = logger();
    for (const op of parts) oneByOne.noteOperations([log(op)]);
    expect(snapshot(batched)).toEqual(snapshot(oneByOne));
  });

  it('restores every row of a batch reverted from the middle of the log, keeping later fixes', () => {
    const { signals, shapley } = syntheticSignals(800, 22);
    const parts = relabels(signals, 10);
    const inBatch = new Set(parts.map((op) => (op as { row: number }).row));
    const later = signals.labels.findIndex((l, r) => l === null && !inBatch.has(r));
    const laterFix: Operation = { kind: 'exclude-row', row: later };

    const state = new RankState(signals, { shapley });
    const log = logger();
    const earlier = signals.labels.findIndex((l, r) => r !== later && !inBatch.has(r));
    const first = log({ kind: 'mark-reviewed', row: earlier });
    const group = log({ kind: 'batch', label: 'group', ops: parts });
    state.noteOperations([first, group, log(laterFix)]);
    state.noteOperations([log({ kind: 'revert', target: group.seq })]);

    // The same log without the batch, heard by a fresh ranking.
    const expected = new RankState(signals, { shapley });
    const plain = logger();
    expected.noteOperations([plain(first.op), plain(laterFix)]);
    expect(snapshot(state)).toEqual(snapshot(expected));
    for (const r of inBatch) expect(state.status[r]).toBe('open');
    expect(state.status[later]).toBe('excluded');
    expect(state.status[earlier]).toBe('ok');
  });

  it('undoes a batch as one step and redoes it whole', () => {
    const { signals, shapley } = syntheticSignals(600, 23);
    const state = new RankState(signals, { shapley });
    const initial = snapshot(state);
    const log = logger();
    const group = log({ kind: 'batch', label: 'group', ops: relabels(signals, 8) });
    state.noteOperations([group]);
    const fixed = snapshot(state);
    expect(fixed.counters.relabelled).toBe(8);
    const undo = log({ kind: 'revert', target: group.seq, via: 'undo' });
    expect(state.noteOperations([undo]).counters.reviewed).toBe(0);
    expect(snapshot(state)).toEqual(initial);
    state.noteOperations([log({ kind: 'revert', target: undo.seq, via: 'redo' })]);
    expect(snapshot(state)).toEqual(fixed);
  });
});
