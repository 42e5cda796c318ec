import { describe, expect, it } from 'vitest';
import { syntheticFix, syntheticSignals } from '../../../bench/rerank-signals';
import type { LoggedOperation, Operation } from '../../../src/core/clean/operations';
import { RankState } from '../../../src/core/impact/rank-state';
import { seededRandom } from '../../../src/core/stats/rng';
import { logger } from './rank-state-helpers';

/** Open rows with evidence, counted the slow way: the review shows exactly these. */
function flaggedOpenByScan(state: RankState): number {
  let n = 0;
  for (let r = 0; r < state.status.length; r++)
    if (state.status[r] === 'open' && state.item(r).score > 0) n++;
  return n;
}

describe('RankState openFlagged', () => {
  it('counts open rows with evidence, leaving out rows without any and rows excluded before', () => {
    const { signals } = syntheticSignals(600, 21);
    const excluded = new Uint8Array(600);
    const state0 = new RankState(signals);
    const flagged = state0.order[0];
    excluded[flagged] = 1;
    const state = new RankState(signals, { excluded });
    const open = state.status.filter((s) => s === 'open').length;
    const withEvidence = state.counters().openFlagged;
    // The synthetic ranking has rows without evidence, so the two counts differ.
    expect(withEvidence).toBeGreaterThan(0);
    expect(withEvidence).toBeLessThan(open);
    expect(withEvidence).toBe(flaggedOpenByScan(state));
    expect(state0.counters().openFlagged).toBe(withEvidence + 1);
  });

  it('drops by one per fix or OK on a flagged row and comes back on revert', () => {
    const { signals, shapley } = syntheticSignals(800, 3);
    const state = new RankState(signals, { shapley });
    const log = logger();
    const start = state.counters().openFlagged;
    const [first, second] = [state.order[0], state.order[1]];
    const exclude = log({ kind: 'exclude-row', row: first });
    expect(state.noteOperations([exclude]).counters.openFlagged).toBe(start - 1);
    const ok = log({ kind: 'mark-reviewed', row: second });
    const afterOk = state.noteOperations([ok]).counters.openFlagged;
    expect(afterOk).toBe(start - 2);
    expect(afterOk).toBe(flaggedOpenByScan(state));
    const undo = log({ kind: 'revert', target: exclude.seq, via: 'undo' });
    expect(state.noteOperations([undo]).counters.openFlagged).toBe(start - 1);
    const revertOk = log({ kind: 'revert', target: ok.seq });
    expect(state.noteOperations([revertOk]).counters.openFlagged).toBe(start);
  });

  it('equals a full count after every step of a long run of mixed fixes and reverts', () => {
    const { signals, shapley } = syntheticSignals(2000, 9);
    const state = new RankState(signals, { shapley });
    const log = logger();
    const random = seededRandom(11);
    const logged: LoggedOperation[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < 120; i++) {
      let op: Operation = syntheticFix(state.signals, random);
      if (i % 6 === 5 && logged.length)
        op = { kind: 'revert', target: logged[Math.floor(random() * logged.length)].seq };
      else if (i % 10 === 9) op = { kind: 'mark-reviewed', row: state.order[0] };
      const entry = log(op);
      logged.push(entry);
      const { counters } = state.noteOperations([entry], i % 13 === 12 ? [state.order[1]] : []);
      expect(counters.openFlagged).toBe(flaggedOpenByScan(state));
      seen.add(counters.openFlagged);
    }
    // The count moved during the run (it is not stuck at its start).
    expect(seen.size).toBeGreaterThan(5);
  });
});
