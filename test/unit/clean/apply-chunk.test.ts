import { describe, expect, it, vi } from 'vitest';
import { applyOperationsToChunk } from '../../../src/core/clean/apply-chunk';
import { ChunkDraft } from '../../../src/core/clean/chunk-draft';
import { indexOperations } from '../../../src/core/clean/op-index';
import type { Operation } from '../../../src/core/clean/operations';
import { rowFlags } from '../../../src/core/clean/row-flags';
import { bitIsSet } from '../../../src/core/table/types';
import { cellsOf, logOf, numericChunk, set, snapshot, stringChunk, transform } from './helpers';

describe('applyOperationsToChunk', () => {
  it('sets numeric cells by parsing the text, null making them missing', () => {
    const chunk = numericChunk('integer', [1, 2, null, 'x']);
    const out = applyOperationsToChunk(
      chunk,
      0,
      0,
      logOf(set(0, '10'), set(1, null), set(2, '7'), set(3, '4')),
    );
    expect(cellsOf(out)).toEqual([10, null, 7, 4]);
    expect(out.invalid.size).toBe(0);
    expect(Number.isNaN(out.numbers![1])).toBe(true);
  });

  it('keeps text that does not parse as an invalid cell rather than dropping it', () => {
    const out = applyOperationsToChunk(numericChunk('float', [1]), 0, 0, logOf(set(0, 'abc')));
    expect(cellsOf(out)).toEqual([{ invalid: 'abc' }]);
  });

  it('sets string cells through the dictionary, adding new values', () => {
    const chunk = stringChunk('categorical', ['a', 'b', null]);
    const out = applyOperationsToChunk(chunk, 0, 0, logOf(set(0, 'b'), set(2, 'c'), set(1, null)));
    expect(cellsOf(out)).toEqual(['b', null, 'c']);
    expect(out.dictionary).toEqual(['a', 'b', 'c']);
  });

  it('never mutates the source chunk', () => {
    const num = numericChunk('float', [1, null, 'bad', -999]);
    const str = stringChunk('text', [' a ', 'b', null, 'N/A']);
    const before = [snapshot(num), snapshot(str)];
    const ops = logOf(
      set(0, '5'),
      set(1, '6'),
      set(2, null),
      transform({ kind: 'replace-with-missing', values: ['-999', 'N/A'] }),
      transform({ kind: 'trim' }),
      transform({ kind: 'impute', strategy: 'constant', value: '0' }),
    );
    applyOperationsToChunk(num, 0, 0, ops);
    applyOperationsToChunk(str, 0, 0, ops);
    expect([snapshot(num), snapshot(str)]).toEqual(before);
  });

  it('returns a new chunk sharing untouched buffers (copy on write)', () => {
    const chunk = numericChunk('float', [1, 2, 3]);
    const untouched = applyOperationsToChunk(chunk, 0, 0, logOf(set(0, '9', 1)));
    expect(untouched).not.toBe(chunk);
    expect(untouched.numbers).toBe(chunk.numbers);
    const touched = applyOperationsToChunk(chunk, 0, 0, logOf(set(0, '9')));
    expect(touched.numbers).not.toBe(chunk.numbers);
    expect(touched.missing).toBe(chunk.missing); // no missing bit changed
  });

  it('applies only the ops of its own chunk, offset by chunkStartRow', () => {
    const ops = logOf(set(1, '100'), set(5, '500'), set(9, '900'));
    const first = applyOperationsToChunk(numericChunk('integer', [0, 0, 0, 0]), 0, 0, ops);
    const second = applyOperationsToChunk(numericChunk('integer', [0, 0, 0, 0]), 0, 4, ops);
    const third = applyOperationsToChunk(numericChunk('integer', [0, 0]), 0, 8, ops);
    expect(cellsOf(first)).toEqual([0, 100, 0, 0]);
    expect(cellsOf(second)).toEqual([0, 500, 0, 0]);
    expect(cellsOf(third)).toEqual([0, 900]);
  });

  it('replays transforms and edits in seq order: a later transform also sees edited cells', () => {
    const chunk = stringChunk('categorical', [' x ', 'y']);
    const editThenTrim = logOf(set(1, '  z  '), transform({ kind: 'trim' }));
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, editThenTrim))).toEqual(['x', 'z']);
    const trimThenEdit = logOf(transform({ kind: 'trim' }), set(1, '  z  '));
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, trimThenEdit))).toEqual(['x', '  z  ']);
  });

  it('a sentinel replacement made after an edit removes the edited sentinel; an edit after it wins', () => {
    const chunk = numericChunk('integer', [-999, 5]);
    const sentinel = transform({ kind: 'replace-with-missing', values: ['-999'] });
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, logOf(set(1, '-999'), sentinel)))).toEqual([
      null,
      null,
    ]);
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, logOf(sentinel, set(0, '3'))))).toEqual([
      3, 5,
    ]);
  });

  it('ignores reverted ops when given the raw log, including a reverted middle op', () => {
    const chunk = numericChunk('integer', [0, 0, 0]);
    const log = logOf(set(0, '1'), set(1, '2'), set(2, '3'), { kind: 'revert', target: 2 });
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, log))).toEqual([1, 0, 3]);
    const redo = [
      ...log,
      { datasetId: 'd', seq: 5, at: 0, op: { kind: 'revert', target: 4 } as Operation },
    ];
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, redo))).toEqual([1, 2, 3]);
  });

  it('treats relabel like a cell edit of the label column', () => {
    const chunk = stringChunk('categorical', ['cat', 'dog']);
    const out = applyOperationsToChunk(
      chunk,
      2,
      0,
      logOf({ kind: 'relabel', row: 0, column: 2, value: 'dog' }),
    );
    expect(cellsOf(out)).toEqual(['dog', 'dog']);
  });
});

describe('rowFlags', () => {
  it('sets excluded and reviewed bits for its own rows only', () => {
    const log = logOf(
      { kind: 'exclude-row', row: 3 },
      { kind: 'exclude-row', row: 10 },
      { kind: 'mark-reviewed', row: 11 },
      { kind: 'exclude-row', row: 11 },
      { kind: 'revert', target: 4 },
      { kind: 'exclude-row', row: 20 },
    );
    const { excluded, reviewed } = rowFlags(log, 8, 8);
    expect(excluded.length).toBe(1);
    const rows = (bits: Uint8Array) => [...Array(8).keys()].filter((i) => bitIsSet(bits, i));
    expect(rows(excluded)).toEqual([2]);
    expect(rows(reviewed)).toEqual([3]);
  });
});

describe('work done', () => {
  it('replays thousands of ops onto 64k-row chunks without scanning per row', () => {
    const rows = 65_536;
    const ops: Operation[] = [];
    for (let i = 0; i < 5_000; i++) ops.push(set((i * 977) % (rows * 16), String(i), i % 20));
    for (let c = 0; c < 20; c++)
      ops.push(transform({ kind: 'replace-with-missing', values: ['-1'] }, c));
    const index = indexOperations(logOf(...ops));
    // Count reads of the indexed edit lists and cell writes (work done), not milliseconds.
    let reads = 0;
    for (const [column, edits] of index.cells) {
      index.cells.set(
        column,
        new Proxy(edits, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
      );
    }
    const setCell = vi.spyOn(ChunkDraft.prototype, 'setCell');
    const source = numericChunk(
      'integer',
      Array.from({ length: rows }, (_, i) => i % 100),
    );
    let edited = 0;
    for (let chunk = 0; chunk < 16; chunk++) {
      for (let column = 0; column < 20; column++) {
        const out = applyOperationsToChunk(source, column, chunk * rows, index);
        if (out.numbers !== source.numbers) edited++;
      }
      rowFlags(index, chunk * rows, rows);
    }
    expect(edited).toBe(16 * 20);
    // Every edit written exactly once, in the one chunk that holds its row.
    expect(setCell).toHaveBeenCalledTimes(5_000);
    setCell.mockRestore();
    // Each (chunk, column) pays two binary searches (≤ 2 × 9 reads over 250 edits) plus its own
    // edits; a scan of the column's edits per chunk would read 320 × 250 = 80,000.
    expect(reads).toBeLessThanOrEqual(16 * 20 * 2 * 9 + 5_000);
  });
});
