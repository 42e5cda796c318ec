import { describe, expect, it } from 'vitest';
import type { ShapleyResult } from '../../../src/core/impact/knn-shapley';
import {
  classProbabilities,
  columnDistribution,
  nearestRows,
  type Reference,
} from '../../../src/core/impact/row-evidence';
import { frameFromArrays } from '../detect/helpers';

const classes = ['a', 'b', 'c'];

function reference(points: number[][], labels: number[], rows?: number[]): Reference {
  return {
    matrix: { x: Float32Array.from(points.flat()), rows: points.length, width: 2 },
    rows: Int32Array.from(rows ?? points.map((_, i) => i)),
    labels: Int32Array.from(labels),
  };
}

describe('nearestRows', () => {
  it('lists the k nearest reference rows, nearest first, with their labels and distances', () => {
    const points = Array.from({ length: 30 }, (_, i) => [(i * 7) % 11, (i * 5) % 13]);
    const labels = points.map((_, i) => i % 3);
    const ref = reference(
      points,
      labels,
      points.map((_, i) => 100 + i),
    );
    const query = { x: Float32Array.from([4, 6]), rows: 1, width: 2 };
    const got = nearestRows(query, 0, ref, classes, 5);
    const brute = points
      .map((p, i) => [Math.hypot(p[0] - 4, p[1] - 6), i] as const)
      .sort((a, b) => a[0] - b[0])
      .slice(0, 5);
    expect(got.map((n) => n.distance)).toEqual(brute.map(([d]) => expect.closeTo(d, 5)));
    expect(got.every((n) => n.label === classes[labels[n.row - 100]])).toBe(true);
  });

  it('skips the row itself when it is part of the reference', () => {
    const ref = reference(
      [
        [0, 0],
        [1, 0],
        [5, 5],
      ],
      [0, 1, 2],
    );
    const got = nearestRows(ref.matrix, 0, ref, classes, 2, 0);
    expect(got.map((n) => n.row)).toEqual([1, 2]);
  });
});

describe('classProbabilities', () => {
  const shapley = (affinity: number[]) =>
    ({
      values: new Float64Array(2),
      affinity: Float64Array.from(affinity),
      votes: new Int32Array(6),
      k: 3,
      m: 10,
      nearest: new Int32Array(0),
      nearestDist: new Float32Array(0),
    }) as ShapleyResult;

  it('normalises the row’s Shapley affinity per class, most likely first', () => {
    const got = classProbabilities(shapley([0, 0, 0, 0.1, 0.3, 0.1]), 1, classes, []);
    expect(got.map((c) => c.label)).toEqual(['b', 'a', 'c']);
    expect(got.map((c) => c.p)).toEqual([0.6, 0.2, 0.2].map((p) => expect.closeTo(p, 12)));
  });

  it('falls back to the neighbour vote where the row has no affinity', () => {
    const neighbours = ['c', 'c', 'a', 'c'].map((label, row) => ({ row, label, distance: 1 }));
    const got = classProbabilities(shapley([0, 0, 0, 0, 0, 0]), 0, classes, neighbours);
    expect(got).toEqual([
      { label: 'c', p: 0.75 },
      { label: 'a', p: 0.25 },
      { label: 'b', p: 0 },
    ]);
  });
});

describe('columnDistribution', () => {
  it('bins a numeric column and marks the row’s value', () => {
    const frame = frameFromArrays({ size: [1, 2, 2, 3, 100, NaN] });
    const d = columnDistribution(frame, 0, 4, 4);
    expect(d.value).toBe('100');
    expect(d.bins).toHaveLength(4);
    expect(d.bins!.reduce((s, [, , n]) => s + n, 0)).toBe(5);
    expect(d.bins![3]).toEqual([expect.closeTo(75.25, 9), 100, 1]);
    expect(columnDistribution(frame, 0, 5).value).toBeNull();
  });

  it('lists the top categories of a text column', () => {
    const frame = frameFromArrays({ city: ['Oslo', 'Rome', 'Oslo', null, 'Osloo'] });
    const d = columnDistribution(frame, 0, 4);
    expect(d.value).toBe('Osloo');
    expect(d.top).toEqual([
      ['Oslo', 2],
      ['Osloo', 1],
      ['Rome', 1],
    ]);
  });
});
