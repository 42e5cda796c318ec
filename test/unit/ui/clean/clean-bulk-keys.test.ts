import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../src/protocol/client';
import type {
  PriorityMethods,
  QueueItem,
  QueueQuery,
} from '../../../../src/protocol/priority-methods';
import { BULK_PAGE, bulkKey, collectGroup } from '../../../../src/ui/clean/clean-bulk';
import { markedBar } from '../../../../src/ui/clean/clean-distribution';
import { commandForKey, SHORTCUTS } from '../../../../src/ui/clean/clean-keys';

const base = { rank: 0, score: 0.5, reason: 'r', gain: 0.001, status: 'open' as const };
const sentinel = (row: number, order = false): QueueItem => ({
  ...base,
  row,
  kind: 'cell',
  column: 2,
  suggestion: {
    kind: 'column-transform',
    column: 2,
    transform: (order
      ? { values: ['-999'], kind: 'replace-with-missing' }
      : { kind: 'replace-with-missing', values: ['-999'] }) as never,
  },
});
const relabel = (row: number, value: string): QueueItem => ({
  ...base,
  row,
  kind: 'label',
  column: 0,
  suggestion: { kind: 'relabel', row, column: 0, value },
});

describe('bulk groups', () => {
  it('groups equal column transforms (key order aside) and relabels to the same class', () => {
    expect(bulkKey(sentinel(1))).toBe(bulkKey(sentinel(2, true)));
    expect(bulkKey(relabel(1, 'Adelie'))).toBe(bulkKey(relabel(9, 'Adelie')));
    expect(bulkKey(relabel(1, 'Adelie'))).not.toBe(bulkKey(relabel(1, 'Gentoo')));
    expect(bulkKey({ ...relabel(1, 'A'), suggestion: null })).toBeNull();
  });

  it('pages the open queue and plans one transform, or one op per row', async () => {
    // 1,200 open label rows: every third suggests Gentoo; the rest Adelie.
    const items = Array.from({ length: 1200 }, (_, i) =>
      relabel(i, i % 3 === 0 ? 'Gentoo' : 'Adelie'),
    );
    const queries: QueueQuery[] = [];
    const client = {
      call: async (_m: string, q: QueueQuery) => {
        queries.push(q);
        return {
          offset: q.offset,
          total: items.length,
          items: items.slice(q.offset, q.offset + q.limit),
        };
      },
      close() {},
    } as unknown as Client<PriorityMethods>;
    const plan = await collectGroup(client, 'd', items[3]);
    expect(plan?.rows).toHaveLength(400);
    expect(plan?.ops).toHaveLength(400);
    expect(plan?.columnWide).toBe(false);
    expect(queries.map((q) => q.offset)).toEqual([0, BULK_PAGE, 2 * BULK_PAGE]);
    expect(queries.every((q) => q.status === 'open' && q.kind === 'label' && q.column === 0)).toBe(
      true,
    );

    const cells = [sentinel(4), sentinel(8), { ...sentinel(9), column: 3 }];
    const cellClient = {
      call: async (_m: string, q: QueueQuery) => ({
        offset: q.offset,
        total: 3,
        items: cells.slice(q.offset),
      }),
      close() {},
    } as unknown as Client<PriorityMethods>;
    const transform = await collectGroup(cellClient, 'd', cells[0]);
    expect(transform?.rows).toEqual([4, 8, 9]);
    expect(transform?.ops).toEqual([cells[0].suggestion]);
    expect(transform?.columnWide).toBe(true);
  });
});

describe('shortcuts', () => {
  const key = (k: string, shiftKey = false) => ({
    key: k,
    shiftKey,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
  });

  it('maps every listed key to a command', () => {
    expect(commandForKey(key('a'))).toEqual({ kind: 'accept' });
    expect(commandForKey(key('u'))).toEqual({ kind: 'undo' });
    expect(commandForKey(key('U', true))).toEqual({ kind: 'redo' });
    expect(commandForKey(key('3'))).toEqual({ kind: 'pick-class', index: 2 });
    expect(commandForKey(key('j'))?.kind).toBe('next');
    for (const s of SHORTCUTS) {
      const first = s.keys.split(/[ /–]/)[0].replace('Shift+', '');
      expect(commandForKey(key(first, s.keys.startsWith('Shift')))).not.toBeNull();
    }
  });

  it('ignores modified and unknown keys', () => {
    expect(commandForKey({ ...key('a'), ctrlKey: true })).toBeNull();
    expect(commandForKey(key('A', true))).toBeNull();
    expect(commandForKey(key('0'))).toBeNull();
    expect(commandForKey(key('q'))).toBeNull();
  });
});

describe('markedBar', () => {
  it('finds the bin or top value holding the row value', () => {
    const bins: Array<[number, number, number]> = [
      [0, 10, 3],
      [10, 20, 5],
      [20, 30, 1],
    ];
    expect(markedBar({ column: 1, value: '15', bins, top: null })).toBe(1);
    expect(markedBar({ column: 1, value: '30', bins, top: null })).toBe(2);
    expect(markedBar({ column: 1, value: '31', bins, top: null })).toBe(-1);
    expect(markedBar({ column: 1, value: null, bins, top: null })).toBe(-1);
    expect(
      markedBar({
        column: 0,
        value: 'b',
        bins: null,
        top: [
          ['a', 4],
          ['b', 2],
        ],
      }),
    ).toBe(1);
  });
});
