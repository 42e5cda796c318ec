import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankRows } from '../../../src/core/impact/rank';
import { seededRandom } from '../../../src/core/stats/rng';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Rows of the given classes (counts), each class around its own centre, overlapping. */
function classes(counts: Record<string, number>, seed: number) {
  const rand = seededRandom(seed);
  const u: number[] = [];
  const y: string[] = [];
  Object.entries(counts).forEach(([c, n], k) => {
    for (let i = 0; i < n; i++) {
      u.push(1.5 * k + 2 * (rand() - 0.5));
      y.push(c);
    }
  });
  return { u, v: u.map(() => rand()), y };
}

/** Rows per class once every proposed relabel is applied. */
function after(y: string[], rows: Awaited<ReturnType<typeof rankRows>>['rows']) {
  const labels = [...y];
  for (const r of rows) if (r.suggestion?.kind === 'relabel') labels[r.row] = r.suggestion.value;
  const counts = new Map<string, number>();
  for (const c of labels) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

describe('label evidence on bad input', () => {
  it('a 99/1 target: a note, and the rare class keeps its rows', async () => {
    const train = classes({ common: 594, rare: 6 }, 1);
    const { rows, notes } = await rankRows(
      frameFromArrays(train),
      frameFromArrays(classes({ common: 297, rare: 3 }, 2)),
      'y',
    );
    expect(notes.join(' ')).toMatch(/Class "rare" has 3 reference rows: too few to judge/);
    expect(after(train.y, rows).get('rare')).toBe(6);
  });

  it('a class with 2 rows is never relabelled away or into', async () => {
    const train = classes({ a: 150, b: 150, c: 2 }, 3);
    const { rows, notes } = await rankRows(
      frameFromArrays(train),
      frameFromArrays(classes({ a: 80, b: 80, c: 2 }, 4)),
      'y',
    );
    expect(notes.join(' ')).toMatch(/Class "c" has 2 reference rows/);
    const counts = after(train.y, rows);
    expect(counts.get('c')).toBe(2);
    expect(rows.some((r) => r.suggestion?.kind === 'relabel' && r.suggestion.value === 'c')).toBe(
      false,
    );
  });

  it('a validation split lacking a class: its rows are not called wrong for it', async () => {
    const train = classes({ a: 100, b: 100, c: 40 }, 5);
    const { rows, notes } = await rankRows(
      frameFromArrays(train),
      frameFromArrays(classes({ a: 60, b: 60 }, 6)),
      'y',
    );
    expect(notes.join(' ')).toMatch(/Class "c" has 0 reference rows: too few to judge/);
    expect(after(train.y, rows).get('c')).toBe(40);
    expect(rows.filter((r) => train.y[r.row] === 'c').every((r) => r.kind !== 'label')).toBe(true);
  });

  it('says when no relabel is proposed, and never proposes one that empties a class', async () => {
    // Every training label flipped: all rows look wrong, but a class never runs dry.
    const val = classes({ a: 100, b: 100 }, 7);
    const train = classes({ a: 100, b: 100 }, 8);
    train.y = train.y.map((c) => (c === 'a' ? 'b' : 'a'));
    const flippedAll = await rankRows(frameFromArrays(train), frameFromArrays(val), 'y');
    const counts = after(train.y, flippedAll.rows);
    expect(Math.min(counts.get('a') ?? 0, counts.get('b') ?? 0)).toBeGreaterThanOrEqual(50);
    const clean = await rankRows(
      frameFromArrays(classes({ a: 100, b: 100 }, 9)),
      frameFromArrays(val),
      'y',
    );
    expect(clean.notes.join(' ')).toMatch(/No relabel is proposed/);
    expect(clean.rows.some((r) => r.suggestion?.kind === 'relabel')).toBe(false);
  });
});
