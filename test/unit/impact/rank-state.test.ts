import { describe, expect, it } from 'vitest';
import { syntheticFix, syntheticSignals } from '../../../bench/rerank-signals';
import type { LoggedOperation, Operation } from '../../../src/core/clean/operations';
import { combineSignals, compareRanked, scoreRow } from '../../../src/core/impact/combine';
import { accuracyAfter } from '../../../src/core/impact/curve';
import type { CellEvidence } from '../../../src/core/impact/cell-signal';
import { RankState } from '../../../src/core/impact/rank-state';
import { repairs } from '../../../src/core/impact/rank-state-ops';
import { seededRandom } from '../../../src/core/stats/rng';
import { logger, snapshot } from './rank-state-helpers';

/** The order and items a full rescore of the state's current signals gives. */
function fromScratch(state: RankState) {
  const n = state.signals.values.length;
  const rows = Array.from({ length: n }, (_, r) => scoreRow(state.signals, r, state.scale));
  return { items: rows, order: [...rows].sort(compareRanked).map((x) => x.row) };
}

describe('RankState', () => {
  it('keeps the order equal to a full rescore after a long run of mixed fixes and reverts', () => {
    const { signals, shapley } = syntheticSignals(3000, 2);
    const state = new RankState(signals, { shapley });
    const log = logger();
    const random = seededRandom(5);
    const logged: LoggedOperation[] = [];
    let bigMoves = 0;
    for (let i = 0; i < 150; i++) {
      let op: Operation = syntheticFix(state.signals, random);
      if (i % 7 === 6 && logged.length) {
        op = { kind: 'revert', target: logged[Math.floor(random() * logged.length)].seq };
      } else if (i % 25 === 24) {
        op = {
          kind: 'column-transform',
          column: 1,
          transform: { kind: 'impute', strategy: 'median', value: '0' },
        };
      }
      const entry = log(op);
      logged.push(entry);
      const update = state.noteOperations([entry]);
      if (update.moved > 64) bigMoves++;
    }
    const expected = fromScratch(state);
    expect([...state.order]).toEqual(expected.order);
    for (let r = 0; r < 3000; r++) expect(state.item(r)).toEqual(expected.items[r]);
    const curve = state.curve();
    expect(state.counters().gainLeft).toBeCloseTo(curve.ours.at(-1)![1] - curve.start, 12);
    // The run went through the merge path (a false alarm reaches a whole detector group) too.
    expect(bigMoves).toBeGreaterThan(0);
  });

  it('takes the ranking combineSignals made as its starting order, unchanged', () => {
    const { signals, shapley } = syntheticSignals(2000, 12);
    const given = new RankState(signals, { shapley, rows: combineSignals(signals) });
    expect(snapshot(given)).toEqual(snapshot(new RankState(signals, { shapley })));
  });

  it('restores every row after an operation is reverted, and again after a redo', () => {
    const { signals, shapley } = syntheticSignals(500, 3);
    const state = new RankState(signals, { shapley });
    const initial = snapshot(state);
    const log = logger();
    const row = state.order[0];
    const fix = log({ kind: 'mark-reviewed', row });
    state.noteOperations([fix]);
    const afterFix = snapshot(state);
    expect(afterFix.status[row]).toBe('ok');
    const undo = log({ kind: 'revert', target: fix.seq, via: 'undo' });
    expect(state.noteOperations([undo]).counters.reviewed).toBe(0);
    expect(snapshot(state)).toEqual(initial);
    state.noteOperations([log({ kind: 'revert', target: undo.seq, via: 'redo' })]);
    expect(snapshot(state)).toEqual(afterFix);
  });

  it('clears label evidence on a relabel to the suggested class, recomputes it for another', () => {
    const { signals, shapley } = syntheticSignals(400, 4);
    const state = new RankState(signals, { shapley });
    const log = logger();
    const r = signals.labels.findIndex(
      (l, i) => l && l.suggested !== signals.given[i] && l.gain > 0,
    );
    const l = signals.labels[r]!;
    const before = state.curve().start;
    const update = state.noteOperations([
      log({ kind: 'relabel', row: r, column: signals.target, value: signals.classes[l.suggested] }),
    ]);
    expect(state.signals.labels[r]).toBeNull();
    expect(state.status[r]).toBe('relabelled');
    expect(update.counters.relabelled).toBe(1);
    expect(update.curve.start).toBeCloseTo(accuracyAfter(before, l.gain), 12);
    // Another class than the suggestion: the evidence now measures from that class.
    const other = (l.suggested + 1) % signals.classes.length;
    const s = new RankState(signals, { shapley });
    s.noteOperations([
      log({ kind: 'relabel', row: r, column: signals.target, value: signals.classes[other] }),
    ]);
    expect(s.signals.given[r]).toBe(other);
    expect(s.signals.labels[r]?.suggested).toBe(l.suggested);
    expect(s.signals.labels[r]?.gain).toBeCloseTo(
      shapley.affinity[r * 4 + l.suggested] - shapley.affinity[r * 4 + other],
      12,
    );
  });

  it('clears cell evidence only when the flagged column is set', () => {
    const { signals } = syntheticSignals(400, 6);
    const state = new RankState(signals);
    const log = logger();
    const r = signals.cells.findIndex((c) => c !== null);
    const column = signals.cells[r]!.finding.column!;
    state.noteOperations([log({ kind: 'set-cell', row: r, column: (column + 1) % 6, value: '1' })]);
    expect(state.signals.cells[r]).toBe(signals.cells[r]);
    state.noteOperations([log({ kind: 'set-cell', row: r, column, value: '1' })]);
    expect(state.signals.cells[r]).toBeNull();
    expect(state.status[r]).toBe('fixed');
  });

  it('lowers the same detector on the same column for other rows after a false alarm', () => {
    const { signals } = syntheticSignals(2000, 7);
    const state = new RankState(signals);
    const r = signals.cells.findIndex((c) => c !== null);
    const { detector, column } = signals.cells[r]!.finding;
    const same = (c: (typeof signals.cells)[number]) =>
      c !== null && c.finding.detector === detector && c.finding.column === column;
    const peers = signals.cells.flatMap((c, i) => (i !== r && same(c) ? [i] : []));
    const others = signals.cells.flatMap((c, i) => (c && !same(c) ? [i] : []));
    expect(peers.length).toBeGreaterThan(5);
    state.noteOperations([logger()({ kind: 'mark-reviewed', row: r })]);
    for (const p of peers)
      expect(state.signals.cells[p]!.pWrong).toBeCloseTo(signals.cells[p]!.pWrong * 0.7, 12);
    for (const o of others) expect(state.signals.cells[o]).toBe(signals.cells[o]);
    expect(state.status[r]).toBe('ok');
  });

  it('takes excluded and skipped rows out of the open queue and ignores repeated ops', () => {
    const { signals } = syntheticSignals(300, 8);
    const state = new RankState(signals);
    const log = logger();
    const exclude = log({ kind: 'exclude-row', row: 10 });
    state.noteOperations([exclude], [11]);
    const again = state.noteOperations([exclude, log({ kind: 'exclude-row', row: 300 })], [-1]);
    expect(again.counters).toMatchObject({ reviewed: 2, excluded: 1, skipped: 1 });
    expect(again.moved).toBe(0);
    const open = state.curve().ours.at(-1)![0];
    expect(open).toBe(298);
  });

  it('repairs the cells a column-wide transform addresses', () => {
    const { signals } = syntheticSignals(1000, 9);
    const state = new RankState(signals);
    state.noteOperations([
      logger()({
        kind: 'column-transform',
        column: 2,
        transform: { kind: 'impute', strategy: 'median', value: '3' },
      }),
    ]);
    let repairedRows = 0;
    signals.cells.forEach((c, r) => {
      const repaired = c?.finding.column === 2 && c.finding.detector === 'missing';
      if (repaired) repairedRows++;
      expect(state.signals.cells[r]).toBe(repaired ? null : c);
      expect(state.status[r]).toBe(repaired ? 'fixed' : 'open');
    });
    expect(repairedRows).toBeGreaterThan(3);
    expect(state.counters().fixed).toBe(repairedRows);
  });

  it('matches a sentinel replacement to the cells flagged with that sentinel only', () => {
    const flag = (row: number, value: string): CellEvidence => ({
      pWrong: 0.9,
      gain: 0.5,
      shift: 3,
      measured: true,
      finding: {
        row,
        column: 0,
        detector: 'disguised-missing',
        score: 0.9,
        reason: `${value} is a code`,
        suggestion: {
          kind: 'column-transform',
          column: 0,
          transform: { kind: 'replace-with-missing', values: [value] },
        },
      },
    });
    const cell = flag(0, '-999');
    expect(repairs({ kind: 'replace-with-missing', values: ['-999', 'n/a'] }, cell)).toBe(true);
    expect(repairs({ kind: 'replace-with-missing', values: ['99999'] }, cell)).toBe(false);
    expect(repairs({ kind: 'trim' }, cell)).toBe(false);
    const { signals } = syntheticSignals(10, 1);
    signals.cells = signals.cells.map((_, r) => flag(r, r % 2 ? '-999' : '99999'));
    const state = new RankState(signals);
    state.noteOperations([logger()(cell.finding.suggestion!)]);
    expect(state.status.filter((s) => s === 'fixed')).toHaveLength(5);
    expect(state.status[1]).toBe('fixed');
  });
});
