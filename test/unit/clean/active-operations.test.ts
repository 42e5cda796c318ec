import { describe, expect, it } from 'vitest';
import { activeOperations, activeSeqs } from '../../../src/core/clean/active-operations';
import type { Operation } from '../../../src/core/clean/operations';
import { logOf } from './helpers';

const edit = (row: number, value: string): Operation => ({
  kind: 'set-cell',
  row,
  column: 0,
  value,
});
const revert = (target: number): Operation => ({ kind: 'revert', target });
const seqs = (ops: { seq: number }[]) => ops.map((o) => o.seq);

describe('activeOperations', () => {
  it('keeps every op of a log without reverts, in seq order', () => {
    const log = logOf(edit(0, 'a'), edit(1, 'b'), { kind: 'exclude-row', row: 2 });
    expect(seqs(activeOperations(log))).toEqual([1, 2, 3]);
  });

  it('reverting a middle op keeps the later ones', () => {
    const log = logOf(edit(0, 'a'), edit(1, 'b'), edit(2, 'c'), revert(2));
    expect(seqs(activeOperations(log))).toEqual([1, 3]);
  });

  it('reverting a revert re-enables its target (redo), and a third revert disables it again', () => {
    const base = logOf(edit(0, 'a'), edit(1, 'b'), revert(1));
    expect(seqs(activeOperations(base))).toEqual([2]);
    const redone = logOf(edit(0, 'a'), edit(1, 'b'), revert(1), revert(3));
    expect(seqs(activeOperations(redone))).toEqual([1, 2]);
    const again = logOf(edit(0, 'a'), edit(1, 'b'), revert(1), revert(3), revert(4));
    expect(seqs(activeOperations(again))).toEqual([2]);
  });

  it('reports reverts as active entries but never as data ops', () => {
    const log = logOf(edit(0, 'a'), revert(1), revert(2));
    expect([...activeSeqs(log)].sort()).toEqual([1, 3]);
    expect(seqs(activeOperations(log))).toEqual([1]);
  });

  it('toggles: two live reverts of one op cancel out', () => {
    const log = logOf(edit(0, 'a'), revert(1), revert(1));
    expect(seqs(activeOperations(log))).toEqual([1]);
  });

  it('ignores malformed reverts pointing at themselves or forwards', () => {
    const log = logOf(edit(0, 'a'), revert(2), revert(9));
    expect(seqs(activeOperations(log))).toEqual([1]);
  });

  it('accepts a log out of seq order', () => {
    const log = logOf(edit(0, 'a'), edit(1, 'b'), revert(1)).reverse();
    expect(seqs(activeOperations(log))).toEqual([2]);
  });

  it('resolves thousands of ops in one pass: a bounded number of reads per entry', () => {
    const ops: Operation[] = [];
    for (let i = 0; i < 20_000; i++) ops.push(i % 4 === 3 ? revert(i) : edit(i, 'x'));
    // Count reads of log entries (work done), not milliseconds: a quadratic resolver would read
    // each entry once per revert, thousands of times.
    let reads = 0;
    const log = new Proxy(logOf(...ops), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const active = activeOperations(log);
    expect(active.length).toBe(10_000);
    expect(reads).toBeGreaterThanOrEqual(20_000);
    expect(reads).toBeLessThanOrEqual(6 * 20_000);
  });
});
