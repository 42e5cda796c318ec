import { describe, expect, it } from 'vitest';
import {
  classBalance,
  relabelBalance,
  relabelNeedsConfirmation,
  type FlagLine,
} from '../../../src/core/impact/class-balance';

/** `n` rows of class codes: `counts[c]` rows of class c, in order. */
function labels(counts: number[]): Int32Array {
  return Int32Array.from(counts.flatMap((n, c) => Array<number>(n).fill(c)));
}

/** Flag lines: label flags on `labelRows`, cell flags on `cellRows`, none elsewhere. */
function lines(n: number, labelRows: number[], cellRows: number[] = []): FlagLine[] {
  const label = new Set(labelRows);
  const cell = new Set(cellRows);
  return Array.from({ length: n }, (_, row) => ({
    row,
    score: label.has(row) || cell.has(row) ? 0.5 : 0,
    kind: label.has(row) ? 'label' : cell.has(row) ? 'cell' : 'none',
  }));
}

describe('classBalance', () => {
  it('counts rows, flags and label flags per class with their shares', () => {
    const given = labels([80, 20]);
    const b = classBalance(['No', 'Yes'], given, lines(100, [85, 86, 3], [1, 2, 90]));
    expect(b.rows).toBe(100);
    expect(b.flagged).toBe(6);
    expect(b.labelFlagged).toBe(3);
    expect(b.classes[0]).toMatchObject({ label: 'No', rows: 80, share: 0.8, flagged: 3 });
    expect(b.classes[0].labelFlagged).toBe(1);
    expect(b.classes[1]).toMatchObject({ label: 'Yes', rows: 20, share: 0.2, flagged: 3 });
    expect(b.classes[1].flaggedShare).toBe(0.5);
    expect(b.classes[1].reference).toBeNull();
    // Too few label flags to say where they fall.
    expect(b.warnings).toEqual([]);
  });

  it('says when the label flags are mostly the minority class', () => {
    const given = labels([850, 150]);
    const minority = Array.from({ length: 40 }, (_, i) => 850 + i);
    const b = classBalance(['No', 'Yes'], given, lines(1000, [...minority, 1, 2]));
    expect(b.classes[1].labelFlagged).toBe(40);
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings[0]).toContain('40 of the 42 rows flagged for their label');
    expect(b.warnings[0]).toContain('“Yes”, 15% of the training rows');
    expect(b.warnings[0]).toContain('these may be a minority class, not mistakes');
  });

  it('says nothing about flags spread like the classes', () => {
    const given = labels([500, 500]);
    const spread = [
      ...Array.from({ length: 13 }, (_, i) => i),
      ...Array.from({ length: 12 }, (_, i) => 500 + i),
    ];
    expect(classBalance(['a', 'b'], given, lines(1000, spread)).warnings).toEqual([]);
  });

  it('leaves out excluded rows and rows without a label', () => {
    const given = Int32Array.from([0, 0, 1, 1, -1]);
    const excluded = Uint8Array.from([1, 0, 0, 0, 0]);
    const b = classBalance(['a', 'b'], given, lines(5, [0, 2, 4]), excluded, [3, 0]);
    expect(b.classes.map((c) => c.rows)).toEqual([1, 2]);
    expect(b.classes.map((c) => c.labelFlagged)).toEqual([0, 1]);
    expect(b.classes.map((c) => c.reference)).toEqual([3, 0]);
    expect(b.warnings.some((w) => w.includes('The reference has no row of class “b”'))).toBe(true);
  });

  it('warns of a 99/1 target and of a class with 2 rows', () => {
    const b = classBalance(['common', 'rare', 'two'], labels([990, 10, 2]), lines(1002, []));
    const text = b.warnings.join('\n');
    expect(text).toContain('Class “rare” is only 1.0% of the training rows (10 rows)');
    expect(text).toContain('still scores 99% accuracy');
    expect(text).toContain('Class “two” has only 2 training rows');
    expect(text).not.toContain('Class “common” is only');
  });

  it('says when every labelled row is of one class', () => {
    const b = classBalance(['a', 'b'], labels([30, 0]), lines(30, []));
    expect(b.warnings).toEqual([
      'Every labelled training row is of class “a”: there is nothing to tell apart.',
    ]);
  });
});

describe('relabelBalance', () => {
  it('gives the counts before and after, and the rows each class loses', () => {
    const counts = [
      { label: 'No', rows: 85 },
      { label: 'Yes', rows: 15 },
    ];
    const moves = Array.from({ length: 12 }, () => ['Yes', 'No'] as const);
    const b = relabelBalance(counts, [...moves, ['No', 'Yes'], ['Yes', 'Yes']]);
    expect(b.classes).toEqual([
      { label: 'No', before: 85, after: 96 },
      { label: 'Yes', before: 15, after: 4 },
    ]);
    expect(b.losing).toEqual([
      { label: 'Yes', rows: 12 },
      { label: 'No', rows: 1 },
    ]);
    expect(b.largestLoss).toBe(12);
    expect(b.emptied).toEqual([]);
    expect(relabelNeedsConfirmation(b)).toBe(false);
  });

  it('asks for confirmation above 20 rows out of one class, not at 20', () => {
    const counts = [
      { label: 'a', rows: 100 },
      { label: 'b', rows: 100 },
    ];
    const twenty = Array.from({ length: 20 }, () => ['b', 'a'] as const);
    expect(relabelNeedsConfirmation(relabelBalance(counts, twenty))).toBe(false);
    expect(relabelNeedsConfirmation(relabelBalance(counts, [...twenty, ['b', 'a']]))).toBe(true);
    // Every row of a class relabelled away: the class would be gone.
    const all = Array.from({ length: 100 }, () => ['b', 'a'] as const);
    expect(relabelBalance(counts, all).emptied).toEqual(['b']);
    // 30 rows, but spread over two classes (15 each): no single class loses more than 20.
    const spread = [
      ...Array.from({ length: 15 }, () => ['a', 'c'] as const),
      ...Array.from({ length: 15 }, () => ['b', 'c'] as const),
    ];
    const b = relabelBalance(counts, spread);
    expect(b.classes.find((c) => c.label === 'c')).toEqual({ label: 'c', before: 0, after: 30 });
    expect(relabelNeedsConfirmation(b)).toBe(false);
  });

  it('counts a row without a label as joining its class, losing none', () => {
    const b = relabelBalance([{ label: 'a', rows: 2 }], [[null, 'a']]);
    expect(b.classes).toEqual([{ label: 'a', before: 2, after: 3 }]);
    expect(b.largestLoss).toBe(0);
  });
});
