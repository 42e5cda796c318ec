import { describe, expect, it } from 'vitest';
import { historyCounts, withHistory } from '../../../src/core/clean/history-counts';
import type { DataOperation } from '../../../src/core/clean/operations';
import { logOf, transform } from './helpers';

const relabel = (row: number): DataOperation => ({ kind: 'relabel', row, column: 2, value: 'b' });

describe('historyCounts', () => {
  it('counts each row once, under its strongest active step', () => {
    const log = logOf(
      relabel(1),
      relabel(2),
      relabel(3),
      relabel(4),
      { kind: 'set-cell', row: 5, column: 0, value: '7' },
      { kind: 'set-cell', row: 1, column: 0, value: '7' },
      { kind: 'mark-reviewed', row: 6 },
      { kind: 'exclude-row', row: 2 },
      transform({ kind: 'trim' }, 1),
    );
    expect(historyCounts(log)).toEqual({ excluded: 1, relabelled: 3, fixed: 1, ok: 1 });
  });

  it('leaves out reverted steps and counts a group fix by its parts', () => {
    const log = logOf(
      relabel(1),
      { kind: 'revert', target: 1, via: 'undo' },
      {
        kind: 'batch',
        label: 'Relabel 2 rows',
        ops: [relabel(7), relabel(8)],
      },
    );
    expect(historyCounts(log)).toEqual({ excluded: 0, relabelled: 2, fixed: 0, ok: 0 });
  });
});

describe('withHistory', () => {
  const fresh = {
    reviewed: 2,
    fixed: 0,
    relabelled: 1,
    excluded: 0,
    ok: 0,
    skipped: 1,
    gainLeft: 0.1,
  };

  it('after a reload, the counters show the relabels the history holds, not 0', () => {
    // Four relabels, then a reload: the ranking made again (after seq 4) counts none of them;
    // since then one more relabel (seq 5) and one skip, which the ranking counted itself.
    const log = logOf(relabel(1), relabel(2), relabel(3), relabel(4), relabel(9));
    expect(withHistory(fresh, historyCounts(log, 4))).toEqual({
      ...fresh,
      relabelled: 5,
      reviewed: 6,
    });
  });

  it('counts a row handled before and again after the ranking once (the ranking has it)', () => {
    const log = logOf(relabel(1), relabel(2), { kind: 'exclude-row', row: 2 });
    expect(historyCounts(log, 2)).toEqual({ excluded: 0, relabelled: 1, fixed: 0, ok: 0 });
  });
});
