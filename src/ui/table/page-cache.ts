import type { RowPage } from '../../protocol/data-methods';

/** Rows per page fetched from the worker and columns per block: a page is rows × a column block. */
export const PAGE_ROWS = 256;
export const COLUMN_BLOCK = 32;

/** One cell as the table shows it. */
export interface CellView {
  text: string | null;
  invalid: boolean;
}

/** A page's address: row page index and column block index. */
export interface PageKey {
  page: number;
  block: number;
}

const keyOf = (page: number, block: number) => `${page}:${block}`;

/**
 * Pages of rows received from the worker, least recently used dropped first, so scrolling a
 * million rows keeps memory flat.
 */
export class PageCache {
  private readonly pages = new Map<string, RowPage>();
  private readonly pending = new Set<string>();

  constructor(private readonly capacity = 48) {}

  /** The pages covering rows [firstRow, endRow) × columns [firstCol, endCol) that are neither cached nor being fetched. */
  missing(firstRow: number, endRow: number, firstCol: number, endCol: number): PageKey[] {
    const keys: PageKey[] = [];
    if (endRow <= firstRow || endCol <= firstCol) return keys;
    for (
      let page = Math.floor(firstRow / PAGE_ROWS);
      page <= Math.floor((endRow - 1) / PAGE_ROWS);
      page++
    ) {
      for (
        let block = Math.floor(firstCol / COLUMN_BLOCK);
        block <= Math.floor((endCol - 1) / COLUMN_BLOCK);
        block++
      ) {
        const key = keyOf(page, block);
        if (!this.pages.has(key) && !this.pending.has(key)) keys.push({ page, block });
      }
    }
    return keys;
  }

  /** Marks a page as being fetched so it is not asked for twice. */
  markPending({ page, block }: PageKey): void {
    this.pending.add(keyOf(page, block));
  }

  /** Stores a fetched page (or forgets a failed fetch when `rows` is null). */
  store({ page, block }: PageKey, rows: RowPage | null): void {
    const key = keyOf(page, block);
    this.pending.delete(key);
    if (!rows) return;
    this.pages.set(key, rows);
    while (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value!);
  }

  /** The cell at (row, column), or undefined while its page is not loaded. */
  cell(row: number, column: number): CellView | undefined {
    const key = keyOf(Math.floor(row / PAGE_ROWS), Math.floor(column / COLUMN_BLOCK));
    const page = this.pages.get(key);
    if (!page) return undefined;
    // Refresh recency: Map iteration order is insertion order.
    this.pages.delete(key);
    this.pages.set(key, page);
    const c = column - page.columns[0];
    const r = row - page.start;
    if (r >= page.count || c < 0 || c >= page.columns.length) return undefined;
    return { text: page.cells[c][r], invalid: page.invalid[c][r] === 1 };
  }

  /** Drops everything (after the data changed). */
  clear(): void {
    this.pages.clear();
    this.pending.clear();
  }
}
