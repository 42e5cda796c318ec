import { describe, expect, it } from 'vitest';
import { histogramSpec, topValuesSpec } from '../../src/ui/charts/uplot-bars';

/** The label axis of a top-values chart: its width and the labels it draws. */
function labelAxis(values: { value: string; count: number }[], width: number) {
  const spec = topValuesSpec(values, width);
  const axis = spec.options.axes![0];
  const labels = (axis.values as (u: unknown, splits: number[]) => string[])(
    null,
    values.map((_, i) => i),
  );
  return { size: axis.size as number, labels, table: spec.table };
}

describe('bar chart specs', () => {
  it('gives a long category label room instead of cutting its start (#11 item 9)', () => {
    const values = [
      { value: 'Human_Resources', count: 63 },
      { value: 'Research_Development', count: 961 },
      { value: 'Sales', count: 446 },
    ];
    const { size, labels, table } = labelAxis(values, 288);
    expect(labels).toEqual(['Human_Resources', 'Research_Development', 'Sales']);
    // 20 characters at the Node estimate of 6.5 px each, plus padding: wider than the old 96 px.
    expect(size).toBeGreaterThanOrEqual(20 * 6.5);
    expect(size).toBeLessThanOrEqual(288 * 0.5 + 10);
    expect(table.rows).toEqual([
      ['Human_Resources', '63'],
      ['Research_Development', '961'],
      ['Sales', '446'],
    ]);
  });

  it('cuts a label too long for the chart with an ellipsis; the table keeps it whole', () => {
    const long = 'A very long department name that cannot fit';
    const { size, labels, table } = labelAxis([{ value: long, count: 5 }], 288);
    expect(labels[0].endsWith('…')).toBe(true);
    expect(labels[0].length * 6.5).toBeLessThanOrEqual(288 * 0.5);
    expect(size).toBeLessThanOrEqual(288 * 0.5 + 10);
    expect(table.rows[0]).toEqual([long, '5']);
  });

  it('lists each histogram bin and its count as text', () => {
    const spec = histogramSpec([0, 0.5, 1], [3, 7], 288);
    expect(spec.table).toEqual({
      head: ['bin', 'count'],
      rows: [
        ['0 to 0.5', '3'],
        ['0.5 to 1', '7'],
      ],
    });
  });
});
