import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, columnWindow, rowWindow } from '../../../../src/ui/table/virtual-window';

describe('rowWindow', () => {
  it('renders the visible rows plus overscan, placed at their natural offsets', () => {
    const w = rowWindow(1000, 280, 560, 28, 5);
    expect(w).toEqual({ first: 5, end: 35, contentHeight: 28_000, firstTop: 140 });
  });

  it('clamps at the top and the bottom', () => {
    expect(rowWindow(100, 0, 280, 28, 4)).toMatchObject({ first: 0, end: 14 });
    const bottom = rowWindow(100, 10_000, 280, 28, 4);
    expect(bottom.end).toBe(100);
    expect(bottom.firstTop + (bottom.end - bottom.first) * 28).toBe(2800);
  });

  it('scales past the browser height limit so the last row is reachable', () => {
    const rows = 2_000_000;
    const w = rowWindow(rows, MAX_SCROLL_PX, 560, 28, 0);
    expect(w.contentHeight).toBe(MAX_SCROLL_PX);
    expect(w.end).toBe(rows);
    // The last row's bottom sits exactly at the bottom of the viewport.
    expect(w.firstTop + (w.end - w.first) * 28).toBeCloseTo(MAX_SCROLL_PX, 6);
    const middle = rowWindow(rows, (MAX_SCROLL_PX - 560) / 2, 560, 28, 0);
    expect(middle.first).toBeGreaterThan(rows / 2 - 20);
    expect(middle.first).toBeLessThan(rows / 2);
  });

  it('renders nothing for an empty dataset', () => {
    expect(rowWindow(0, 0, 500, 28)).toMatchObject({ first: 0, end: 0, contentHeight: 0 });
  });
});

describe('columnWindow', () => {
  it('renders only the columns in view (2,000 columns stay cheap)', () => {
    expect(columnWindow(2000, 16_000, 800, 160, 2)).toEqual({ first: 98, end: 107 });
    expect(columnWindow(3, 0, 800, 160, 2)).toEqual({ first: 0, end: 3 });
  });
});
