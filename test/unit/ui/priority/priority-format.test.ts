import { describe, expect, it } from 'vitest';
import { columnMeta } from '../../cells';
import { curveSeries } from '../../../../src/ui/charts/curve-series';
import {
  describeOperation,
  formatAccuracy,
  formatPoints,
  formatShare,
  referenceText,
  sameColumns,
} from '../../../../src/ui/priority/priority-format';

describe('priority text', () => {
  it('writes gains in points and accuracy in percent', () => {
    expect(formatPoints(0.004)).toBe('+0.40 points');
    expect(formatPoints(-0.0125)).toBe('−1.25 points');
    expect(formatPoints(0)).toBe('0.00 points');
    expect(formatAccuracy(0.8412)).toBe('84.1%');
    expect(formatAccuracy(Number.NaN)).toBe('–');
  });

  it('writes class shares as whole percentages, one decimal below 10%', () => {
    expect(formatShare(0.153)).toBe('15%');
    expect(formatShare(0.012)).toBe('1.2%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
  });

  it('says plainly when no reviewed validation split is used', () => {
    const heldOut = referenceText({ kind: 'held-out', name: null, rows: 70, reviewed: 0 });
    expect(heldOut).toContain('held-out');
    expect(heldOut).toContain('No reviewed validation split is used');
    const dataset = referenceText({ kind: 'dataset', name: 'val', rows: 1200, reviewed: 3 });
    expect(dataset).toBe('Validation dataset “val”: 3 of 1,200 validation rows reviewed.');
  });

  it('names the column and row of each operation', () => {
    const columns = [columnMeta(0, 'species', 'categorical'), columnMeta(1, 'mass', 'float')];
    expect(describeOperation({ kind: 'set-cell', row: 4, column: 1, value: '42' }, columns)).toBe(
      'Row 4: set “mass” to “42”',
    );
    expect(describeOperation({ kind: 'set-cell', row: 4, column: 1, value: null }, columns)).toBe(
      'Row 4: make “mass” missing',
    );
    expect(
      describeOperation({ kind: 'relabel', row: 2, column: 0, value: 'Adelie' }, columns),
    ).toBe('Row 2: relabel “species” as “Adelie”');
    expect(
      describeOperation(
        {
          kind: 'column-transform',
          column: 1,
          transform: { kind: 'replace-with-missing', values: ['-999'] },
        },
        columns,
      ),
    ).toBe('Make “-999” missing in “mass”');
  });

  it('compares column sets whatever their order', () => {
    const a = { columns: [{ name: 'x' }, { name: 'y' }] };
    expect(sameColumns(a, { columns: [{ name: 'y' }, { name: 'x' }] })).toBe(true);
    expect(sameColumns(a, { columns: [{ name: 'x' }, { name: 'z' }] })).toBe(false);
    expect(sameColumns(a, { columns: [{ name: 'x' }] })).toBe(false);
  });
});

describe('curveSeries', () => {
  it('puts both lines on the union of their x values, starting at 0 from `start`', () => {
    const series = curveSeries({
      start: 0.7,
      ours: [
        [10, 0.8],
        [20, 0.9],
      ],
      random: [[20, 0.75]],
    });
    expect(series.x).toEqual([0, 10, 20]);
    expect(series.ours).toEqual([0.7, 0.8, 0.9]);
    // Random is interpolated between (0, 0.7) and (20, 0.75).
    expect(series.random[1]).toBeCloseTo(0.725, 10);
    expect(series.random[2]).toBe(0.75);
  });

  it('keeps a line flat past its last point', () => {
    const series = curveSeries({
      start: 0.5,
      ours: [
        [0, 0.5],
        [5, 0.6],
      ],
      random: [
        [0, 0.5],
        [50, 0.55],
      ],
    });
    expect(series.x).toEqual([0, 5, 50]);
    expect(series.ours[2]).toBe(0.6);
    expect(series.balancedOurs).toBeNull();
  });

  it('puts the balanced-accuracy lines on the same x values', () => {
    const series = curveSeries({
      start: 0.8,
      ours: [[10, 0.9]],
      random: [[10, 0.85]],
      balanced: { start: 0.6, ours: [[4, 0.7]], random: [[10, 0.65]] },
    });
    expect(series.x).toEqual([0, 4, 10]);
    expect(series.balancedOurs).toEqual([0.6, 0.7, 0.7]);
    expect(series.balancedRandom![1]).toBeCloseTo(0.62, 10);
    expect(series.ours[1]).toBeCloseTo(0.84, 10);
  });
});
