/**
 * Which rows and columns a virtual table renders, and where. Browsers cap an element's height
 * (about 33.5M px in Chromium), so past MAX_SCROLL_PX the scroll position is scaled: the
 * scrollbar covers the whole dataset and rows near the viewport are placed relative to it.
 */
export const MAX_SCROLL_PX = 15_000_000;

/** The rows to render for a scroll position and where the first of them goes. */
export interface RowWindow {
  /** First row to render (inclusive) and the end (exclusive). */
  first: number;
  end: number;
  /** Total height of the scrollable content, px. */
  contentHeight: number;
  /** Top of row `first` in content coordinates, px; later rows follow at rowHeight steps. */
  firstTop: number;
}

/** Computes the rendered row range for `scrollTop` with `overscan` extra rows on each side. */
export function rowWindow(
  totalRows: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  overscan = 8,
): RowWindow {
  const fullHeight = totalRows * rowHeight;
  const contentHeight = Math.min(fullHeight, MAX_SCROLL_PX);
  const scrollRange = Math.max(0, contentHeight - viewportHeight);
  const fullRange = Math.max(0, fullHeight - viewportHeight);
  const clamped = Math.min(Math.max(0, scrollTop), scrollRange);
  // Virtual offset into the full-height table that this scroll position stands for.
  const virtualTop = scrollRange > 0 ? (clamped / scrollRange) * fullRange : 0;
  const visibleFirst = Math.floor(virtualTop / rowHeight);
  const first = Math.max(0, visibleFirst - overscan);
  const end = Math.min(totalRows, Math.ceil((virtualTop + viewportHeight) / rowHeight) + overscan);
  const firstTop = clamped + (first * rowHeight - virtualTop);
  return { first, end, contentHeight, firstTop };
}

/** The columns to render for a horizontal scroll position (fixed-width columns). */
export function columnWindow(
  totalColumns: number,
  scrollLeft: number,
  viewportWidth: number,
  columnWidth: number,
  overscan = 2,
): { first: number; end: number } {
  const first = Math.max(0, Math.floor(scrollLeft / columnWidth) - overscan);
  const end = Math.min(
    totalColumns,
    Math.ceil((scrollLeft + viewportWidth) / columnWidth) + overscan,
  );
  return { first, end };
}
