import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickRows } from '../../../src/core/impact/features';
import { pick, sampleRows } from '../../../src/core/impact/holdout';
import { knnShapley } from '../../../src/core/impact/knn-shapley';
import { rankRows } from '../../../src/core/impact/rank';
import { defaultMaxReference } from '../../../src/core/impact/value-splits';
import type { Frame } from '../../../src/core/table/frame';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Three classes on two features, with a little overlap; `flip` rows carry a wrong label. */
function points(n: number, offset: number, flip: number[] = []) {
  const a: number[] = [];
  const b: number[] = [];
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    a.push(c * 4 + (((i + offset) * 37) % 23) / 4);
    b.push((((i + offset) * 53) % 19) / 3 - c);
    y.push(['red', 'green', 'blue'][flip.includes(i) ? (c + 1) % 3 : c]);
  }
  return { a, b, y };
}

function withExcluded(frame: Frame, rows: number[]): Frame {
  const excluded = new Uint8Array(frame.rows);
  rows.forEach((r) => (excluded[r] = 1));
  return { ...frame, excluded };
}

/** The same columns without `drop`. */
function without(cols: ReturnType<typeof points>, drop: number[]) {
  const keep = (_: unknown, i: number) => !drop.includes(i);
  return { a: cols.a.filter(keep), b: cols.b.filter(keep), y: cols.y.filter(keep) };
}

describe('sampleRows', () => {
  const labels = Int32Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const rows = Int32Array.from(labels.keys());

  it('keeps every row under the cap', () => {
    expect(sampleRows(labels, rows, 300, 1)).toBe(rows);
  });

  it('draws about cap rows, sorted, stratified and the same for the same seed', () => {
    const s = sampleRows(labels, rows, 60, 4);
    expect(s.length).toBe(60);
    expect([...s]).toEqual([...s].sort((x, y) => x - y));
    expect(new Set(s).size).toBe(60);
    expect(s.filter((r) => labels[r] === 1).length).toBe(6);
    expect([...sampleRows(labels, rows, 60, 4)]).toEqual([...s]);
    expect([...sampleRows(labels, rows, 60, 5)]).not.toEqual([...s]);
  });
});

describe('defaultMaxReference', () => {
  it('leaves the bench sizes whole and bounds a million rows', () => {
    // shuttle-labels: 35k training × 11.6k validation rows must not be sampled.
    expect(defaultMaxReference(35_000)).toBeGreaterThan(11_600);
    expect(defaultMaxReference(1_000_000)).toBe(500);
  });
});

describe('rankRows with a capped reference', () => {
  it('values against a seeded, stratified sample of the validation rows, exactly, and says so', async () => {
    const train = points(90, 0, [4]);
    const val = points(60, 7);
    const result = await rankRows(frameFromArrays(train), frameFromArrays(val), 'y', {
      maxReference: 15,
    });
    const [ref] = result.references;
    expect(ref.val.rows).toBe(15);
    expect(ref.source).toBeDefined();
    expect(result.notes.join(' ')).toMatch(/seeded sample of 15 of the 60 validation rows/);
    // Exact KNN-Shapley against the sample: the same values as valuing against those rows alone.
    const data = result.data;
    const all = Int32Array.from({ length: 90 }, (_, i) => i);
    const direct = await knnShapley({
      train: pickRows(data.train, all),
      trainLabels: pick(data.trainLabels, all),
      val: pickRows(data.val!, ref.source!),
      valLabels: pick(data.valLabels!, ref.source!),
      classes: data.classes.length,
    });
    direct.values.forEach((v, i) => expect(result.shapley.values[i]).toBeCloseTo(v, 12));
  });

  it('caps the held-out share and the reverse reference without a validation split', async () => {
    const result = await rankRows(frameFromArrays(points(120, 0)), null, 'y', {
      maxReference: 12,
    });
    const [forward, reverse] = result.references;
    expect(forward.val.rows).toBe(12);
    expect(reverse.val.rows).toBe(12);
    expect(forward.rows.length + reverse.rows.length).toBe(120);
    expect(result.shapley.values.every((v) => Number.isFinite(v))).toBe(true);
    expect(result.notes.join(' ')).toMatch(/10% instead of 20%.*seeded sample of 12/);
  });

  it('changes nothing under the cap', async () => {
    const train = frameFromArrays(points(60, 0, [2]));
    const val = frameFromArrays(points(30, 5));
    const capped = await rankRows(train, val, 'y', { maxReference: 30 });
    const plain = await rankRows(train, val, 'y');
    expect(capped.rows.map((r) => r.row)).toEqual(plain.rows.map((r) => r.row));
    expect(capped.notes.join(' ')).not.toMatch(/seeded sample/);
  });
});

describe('rankRows and rows the operation log excluded', () => {
  const drop = [1, 5, 6, 20];

  it('values the other training rows as if the excluded ones were not there', async () => {
    const cols = points(60, 0, [5, 9]);
    const val = frameFromArrays(points(30, 3));
    const result = await rankRows(withExcluded(frameFromArrays(cols), drop), val, 'y');
    const reference = await rankRows(frameFromArrays(without(cols, drop)), val, 'y');
    const kept = Array.from({ length: 60 }, (_, i) => i).filter((i) => !drop.includes(i));
    kept.forEach((r, i) =>
      expect(result.shapley.values[r]).toBeCloseTo(reference.shapley.values[i], 12),
    );
    for (const r of drop) expect(Number.isNaN(result.shapley.values[r])).toBe(true);
    // Never a neighbour of a reference row, never a reference row.
    for (const ref of result.references) {
      expect(drop.some((r) => ref.nearest.includes(r))).toBe(false);
      expect(drop.some((r) => ref.rows.includes(r))).toBe(false);
    }
    // Still ranked (the live state needs every row), last, with a reason saying why.
    expect(result.rows).toHaveLength(60);
    const tail = result.rows.slice(-drop.length);
    expect(tail.map((r) => r.row).sort((a, b) => a - b)).toEqual(drop);
    for (const r of tail) expect(r.reason).toMatch(/excluded by the operation log/);
    expect(result.notes.join(' ')).toMatch(/4 training rows are excluded/);
  });

  it('keeps excluded rows out of the held-out reference', async () => {
    const result = await rankRows(withExcluded(frameFromArrays(points(60, 0)), drop), null, 'y');
    const [forward, reverse] = result.references;
    for (const r of drop) {
      expect(forward.source!.includes(r) || reverse.source!.includes(r)).toBe(false);
      expect(result.rows.findIndex((x) => x.row === r)).toBeGreaterThanOrEqual(56);
    }
    expect(forward.val.rows + reverse.val.rows).toBe(56);
  });

  it('leaves excluded validation rows out, as if they were not there', async () => {
    const train = frameFromArrays(points(60, 0, [5]));
    const valCols = points(30, 3);
    const result = await rankRows(train, withExcluded(frameFromArrays(valCols), drop), 'y');
    const reference = await rankRows(train, frameFromArrays(without(valCols, drop)), 'y');
    result.shapley.values.forEach((v, i) => expect(v).toBeCloseTo(reference.shapley.values[i], 12));
    expect(result.references[0].val.rows).toBe(26);
    expect(drop.some((r) => result.references[0].source!.includes(r))).toBe(false);
    expect(result.notes.join(' ')).toMatch(/4 validation rows are excluded/);
  });

  it('ignores an excluded row with an empty target', async () => {
    const cols = points(30, 0);
    const y: (string | null)[] = [...cols.y];
    y[4] = null;
    const result = await rankRows(
      withExcluded(frameFromArrays({ ...cols, y }), [4]),
      frameFromArrays(points(15, 2)),
      'y',
    );
    expect(result.rows.at(-1)!.row).toBe(4);
    expect(result.rows.at(-1)!.kind).toBe('none');
    expect(result.notes.join(' ')).not.toMatch(/empty target/);
  });
});
