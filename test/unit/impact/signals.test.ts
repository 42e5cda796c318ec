import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/detect/types';
import { cellEvidence, shiftGain } from '../../../src/core/impact/cell-signal';
import { combineSignals, type RowSignals } from '../../../src/core/impact/combine';
import type { ShapleyResult } from '../../../src/core/impact/knn-shapley';
import { labelEvidence, type LabelEvidence } from '../../../src/core/impact/label-signal';
import type { Preprocessing } from '../../../src/core/train/preprocessing';
import { frameFromArrays } from '../detect/helpers';

describe('labelEvidence', () => {
  // Row 0 (class 0) sits among validation points of class 1; row 1 agrees with its neighbours.
  const shapley: ShapleyResult = {
    values: Float64Array.from([-0.1, 0.2]),
    affinity: Float64Array.from([0.01, 0.09, 0.08, 0]),
    votes: Int32Array.from([1, 9, 8, 0]),
    k: 10,
    m: 20,
    nearest: new Int32Array(0),
    nearestDist: new Float32Array(0),
  };
  const [wrong, right] = labelEvidence(shapley, Int32Array.from([0, 0]), 2);

  it('suggests the class the neighbours vote for, with the exact gain', () => {
    expect(wrong!.suggested).toBe(1);
    expect(wrong!.gain).toBeCloseTo(0.08, 12);
    expect(wrong!.pWrong).toBeGreaterThan(0.8);
    expect(wrong!.voters - wrong!.agreeing).toBe(9);
  });

  it('gives no gain to a row that agrees with its neighbours', () => {
    expect(right!.suggested).toBe(0);
    expect(right!.gain).toBe(0);
    expect(right!.pWrong).toBe(0);
  });

  it('skips rows without a label', () => {
    expect(labelEvidence(shapley, Int32Array.from([-1, 0]), 2)[0]).toBeNull();
  });
});

describe('cellEvidence', () => {
  const frame = frameFromArrays({ income: [10, 12, 11000, 13, NaN], y: ['a', 'b', 'a', 'b', 'a'] });
  const spec = {
    features: [
      { kind: 'numeric', column: 'income', median: 12, center: 12, scale: 2, indicator: true },
    ],
  } as unknown as Preprocessing;
  const finding = (row: number, detector: string, value: string | null): Finding => ({
    row,
    column: 0,
    detector,
    score: 0.9,
    reason: 'x',
    suggestion: value === null ? null : { kind: 'set-cell', row, column: 0, value },
  });

  it('rates a unit error far above an empty cell (counterfactual shift of the repair)', () => {
    const cells = cellEvidence(frame, spec, [
      finding(2, 'unit-error', '11'),
      finding(4, 'missing', null),
    ]);
    expect(cells[2]!.shift).toBeCloseTo((11000 - 11) / 2, 6);
    expect(cells[2]!.gain).toBe(1);
    expect(cells[4]!.gain).toBeCloseTo(shiftGain(1), 12);
    expect(cells[0]).toBeNull();
  });

  it('does not invent a counterfactual for an outlier without a suggested repair', () => {
    const cells = cellEvidence(frame, spec, [finding(2, 'outlier', null)]);
    expect(cells[2]!.measured).toBe(false);
    expect(cells[2]!.gain).toBeCloseTo(shiftGain(1), 12);
  });

  it('words the repair of a categorical cell without interquartile ranges', () => {
    const mixed = frameFromArrays({
      income: [10, 12, NaN, 13],
      colour: ['red', null, 'blue', 'redd'],
      y: ['a', 'b', 'a', 'b'],
    });
    const both = {
      features: [
        ...spec.features,
        { kind: 'categorical', column: 'colour', categories: ['red', 'blue'] },
      ],
    } as unknown as Preprocessing;
    const at = (row: number, column: number, detector: string, value: string | null) => ({
      ...finding(row, detector, null),
      column,
      suggestion: value === null ? null : { kind: 'set-cell' as const, row, column, value },
    });
    const cells = cellEvidence(mixed, both, [
      at(1, 1, 'missing', null),
      at(3, 1, 'typo', 'red'),
      at(2, 0, 'missing', null),
    ]);
    const reasons = combineSignals({
      values: new Float64Array(4),
      labels: [null, null, null, null],
      cells,
      missingTarget: [false, false, false, false],
      classes: ['a', 'b'],
      given: Int32Array.from([0, 1, 0, 1]),
      k: 10,
      columnNames: ['income', 'colour', 'y'],
      target: 2,
    }).map((r) => r.reason);
    const of = (text: RegExp) => reasons.find((r) => text.test(r))!;
    expect(of(/true colour/)).toMatch(/a repair gives it one of the column's categories/);
    expect(of(/true colour/)).not.toMatch(/interquartile/);
    expect(of(/repairing colour/)).toMatch(/changes its category/);
    expect(of(/true income/)).toMatch(/about one interquartile range/);
  });

  it('ignores findings that are not about a cell', () => {
    const row: Finding = { ...finding(1, 'duplicate', null), column: null };
    expect(cellEvidence(frame, spec, [row, finding(1, 'duplicate', null)])[1]).toBeNull();
  });
});

describe('combineSignals', () => {
  const base: RowSignals = {
    values: Float64Array.from([0.01, -0.05, 0.02, -0.01]),
    labels: [null, null, null, null],
    cells: [null, null, null, null],
    missingTarget: [false, false, false, false],
    classes: ['a', 'b'],
    given: Int32Array.from([0, 0, 1, 1]),
    k: 10,
    columnNames: ['x', 'y'],
    target: 1,
  };

  // Nine of ten validation neighbours say "a".
  const outvoted: LabelEvidence = {
    suggested: 0,
    pWrong: 0.9,
    gain: 0.004,
    voters: 10,
    agreeing: 1,
    forSuggested: 9,
  };

  it('orders rows without evidence by Shapley value, most harmful first', () => {
    expect(combineSignals(base).map((r) => r.row)).toEqual([1, 3, 0, 2]);
  });

  it('puts a likely and costly label error first and says why in words', () => {
    const labels = [...base.labels];
    labels[2] = outvoted;
    const [top] = combineSignals({ ...base, labels });
    expect(top.row).toBe(2);
    expect(top.reason).toMatch(
      /label "b" disagrees with 9 of the 10 validation rows.*add 0\.40 points/,
    );
  });

  it('ranks an empty target first', () => {
    const [top] = combineSignals({
      ...base,
      missingTarget: [false, false, false, true],
      given: Int32Array.from([0, 0, 1, -1]),
    });
    expect(top).toMatchObject({ row: 3, score: 1 });
    expect(top.reason).toMatch(/target is empty/);
  });

  it('adds the quick model as a second opinion only where it names the same class', () => {
    const label = outvoted;
    const model = {
      gradNorm: Float64Array.from([0.1, 0.1, 2.5, 2.5]),
      influence: Float64Array.from([1, 1, 9, 9]),
      pGiven: Float32Array.from([0.9, 0.9, 0.05, 0.4]),
      predicted: Int32Array.from([0, 0, 0, 1]),
    };
    const rows = combineSignals({ ...base, labels: [null, null, label, label], model });
    const reasonOf = (r: number) => rows.find((x) => x.row === r)!.reason;
    expect(reasonOf(2)).toMatch(
      /quick softmax model agrees \(it gives the row's label 5%, gradient norm 2\.5\)/,
    );
    expect(reasonOf(3)).not.toMatch(/quick softmax model/);
  });

  it('tells the counterfactual and the repair certainty of a cell in its reason', () => {
    const finding: Finding = {
      row: 1,
      column: 0,
      detector: 'missing',
      score: 0.5,
      reason: 'x is empty.',
      suggestion: null,
    };
    const cells = [...base.cells];
    cells[1] = {
      pWrong: 0.5,
      gain: 0.4,
      shift: 1,
      measured: false,
      finding,
      flippable: 3,
      candidates: 5,
      accuracyGain: 0.002,
    };
    const [top] = combineSignals({ ...base, cells });
    expect(top).toMatchObject({ row: 1, kind: 'cell', gain: 0.002 });
    expect(top.reason).toMatch(/3 validation predictions can change \(5 plausible values tried\)/);
    expect(top.reason).toMatch(/rises by 0\.20 points/);
  });
});
