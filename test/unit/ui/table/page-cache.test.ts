import { describe, expect, it } from 'vitest';
import type { RowPage } from '../../../../src/protocol/data-methods';
import { COLUMN_BLOCK, PAGE_ROWS, PageCache } from '../../../../src/ui/table/page-cache';

function page(start: number, columns: number[], count = PAGE_ROWS): RowPage {
  return {
    start,
    count,
    columns,
    cells: columns.map((c) =>
      Array.from({ length: count }, (_, r) => (r % 10 === 9 ? null : `${c}:${start + r}`)),
    ),
    invalid: columns.map(() => Uint8Array.from({ length: count }, (_, r) => (r === 3 ? 1 : 0))),
    excluded: new Uint8Array(count),
  };
}

describe('PageCache', () => {
  it('asks once for each missing page of the visible window', () => {
    const cache = new PageCache();
    const wanted = cache.missing(250, 520, 30, 40);
    expect(wanted).toEqual([
      { page: 0, block: 0 },
      { page: 0, block: 1 },
      { page: 1, block: 0 },
      { page: 1, block: 1 },
      { page: 2, block: 0 },
      { page: 2, block: 1 },
    ]);
    wanted.forEach((key) => cache.markPending(key));
    expect(cache.missing(250, 520, 30, 40)).toEqual([]);
  });

  it('serves cells from stored pages, with missing and invalid marks', () => {
    const cache = new PageCache();
    const columns = Array.from({ length: COLUMN_BLOCK }, (_, i) => COLUMN_BLOCK + i);
    cache.store({ page: 1, block: 1 }, page(PAGE_ROWS, columns));
    expect(cache.cell(PAGE_ROWS + 5, COLUMN_BLOCK + 2)).toEqual({
      text: `${COLUMN_BLOCK + 2}:${PAGE_ROWS + 5}`,
      invalid: false,
    });
    expect(cache.cell(PAGE_ROWS + 9, COLUMN_BLOCK)).toEqual({ text: null, invalid: false });
    expect(cache.cell(PAGE_ROWS + 3, COLUMN_BLOCK)).toMatchObject({ invalid: true });
    expect(cache.cell(0, 0)).toBeUndefined();
  });

  it('forgets a failed fetch so it can be asked again, and evicts the least recently used page', () => {
    const cache = new PageCache(2);
    cache.markPending({ page: 0, block: 0 });
    cache.store({ page: 0, block: 0 }, null);
    expect(cache.missing(0, 1, 0, 1)).toEqual([{ page: 0, block: 0 }]);
    cache.store({ page: 0, block: 0 }, page(0, [0]));
    cache.store({ page: 1, block: 0 }, page(PAGE_ROWS, [0]));
    cache.cell(0, 0); // page 0 is now the most recently used
    cache.store({ page: 2, block: 0 }, page(2 * PAGE_ROWS, [0]));
    expect(cache.cell(0, 0)).toBeDefined();
    expect(cache.cell(PAGE_ROWS, 0)).toBeUndefined();
  });

  it('returns undefined past the end of a short last page', () => {
    const cache = new PageCache();
    cache.store({ page: 0, block: 0 }, page(0, [0], 10));
    expect(cache.cell(12, 0)).toBeUndefined();
  });
});
