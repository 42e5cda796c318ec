import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankRows } from '../../../src/core/impact/rank';
import { seededRandom } from '../../../src/core/stats/rng';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Two overlapping Gaussian classes in 2-D (means 3 sd apart), `minority` of the rows in class
 * "B"; clean labels. Row i's class is fixed by its index so train and validation differ only in
 * the seed.
 */
function gaussians(n: number, minority: number, seed: number) {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const y = Array.from({ length: n }, (_, i) => (i < Math.round(minority * n) ? 'B' : 'A'));
  const shift = (c: string) => (c === 'B' ? 3 : 0);
  return {
    u: y.map((c) => shift(c) + normal()),
    v: y.map(() => normal()),
    y,
  };
}

const relabels = (rows: Awaited<ReturnType<typeof rankRows>>['rows']) =>
  rows.filter((r) => r.suggestion?.kind === 'relabel');

describe('imbalance-aware label evidence', () => {
  it('proposes no relabel of the minority class on a clean 85/15 overlapping set', async () => {
    const { rows, notes } = await rankRows(
      frameFromArrays(gaussians(600, 0.15, 1)),
      frameFromArrays(gaussians(300, 0.15, 2)),
      'y',
    );
    const train = gaussians(600, 0.15, 1);
    const fromMinority = relabels(rows).filter((r) => train.y[r.row] === 'B');
    expect(fromMinority).toHaveLength(0);
    // The doubtful rows are still ranked, for review.
    expect(rows.some((r) => r.kind === 'label' && r.suggestion === null)).toBe(true);
    expect(relabels(rows).length).toBeLessThanOrEqual(3);
    expect(notes.join(' ')).toMatch(/No relabel is proposed|relabels are proposed/);
    // Clean data says little: only rows whose neighbours give their own class less than its
    // share count as label evidence (the overlap zone), not every row with a nonzero posterior.
    const labelFlags = rows.filter((r) => r.kind === 'label').length;
    expect(labelFlags).toBeGreaterThan(0);
    expect(labelFlags).toBeLessThan(0.25 * rows.length);
  });

  it('still relabels rows flipped deep inside the other class', async () => {
    const d = gaussians(600, 0.15, 1);
    // Majority rows around A's centre labelled "B": clean B rows are seldom that far from B.
    const flipped = Array.from({ length: 12 }, (_, i) => 200 + 30 * i);
    for (const r of flipped) d.y[r] = 'B';
    for (const [i, r] of flipped.entries()) [d.u[r], d.v[r]] = [-0.5 + i / 24, (i % 3) / 3 - 0.3];
    const { rows } = await rankRows(
      frameFromArrays(d),
      frameFromArrays(gaussians(600, 0.15, 2)),
      'y',
    );
    const proposed = relabels(rows);
    expect(proposed.length).toBeGreaterThan(0);
    for (const r of proposed)
      expect(r.suggestion).toEqual({ kind: 'relabel', row: r.row, column: 2, value: 'A' });
    expect(proposed.filter((r) => flipped.includes(r.row)).length).toBeGreaterThanOrEqual(
      0.8 * proposed.length,
    );
    expect(
      rows
        .slice(0, flipped.length)
        .map((r) => r.row)
        .sort((a, b) => a - b),
    ).toEqual(flipped);
  });

  it('relabels many typical rows when a class holds far more disagreement than clean rows do', async () => {
    const d = gaussians(600, 0.3, 3);
    // One-way noise: 30% of A's rows labelled "B".
    const flipped = Array.from({ length: 600 }, (_, i) => i).filter((i) => i >= 180 && i % 3 === 0);
    for (const r of flipped) d.y[r] = 'B';
    const { rows } = await rankRows(
      frameFromArrays(d),
      frameFromArrays(gaussians(300, 0.3, 4)),
      'y',
    );
    const proposed = relabels(rows);
    const right = proposed.filter((r) => flipped.includes(r.row)).length;
    expect(proposed.length).toBeGreaterThan(flipped.length / 4);
    expect(right / proposed.length).toBeGreaterThan(0.8);
  });
});
