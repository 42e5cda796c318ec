import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankRows } from '../../../src/core/impact/rank';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Two well-separated classes on x, with `flip` rows labelled against their neighbours. */
function blobs(n: number, flip: number[] = [], offset = 0) {
  const x = Array.from({ length: n }, (_, i) => (i % 2 ? 10 : 0) + ((i * 7 + offset) % 5) / 5);
  const y: string[] = x.map((v, i) => (v > 5 !== flip.includes(i) ? 'hi' : 'lo'));
  return { x, y };
}

describe('rankRows', () => {
  it('ranks every row once and puts flipped labels first', async () => {
    const { rows } = await rankRows(
      frameFromArrays(blobs(40, [3, 8])),
      frameFromArrays(blobs(20, [], 1)),
      'y',
    );
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.row)).size).toBe(40);
    expect(
      rows
        .slice(0, 2)
        .map((r) => r.row)
        .sort((a, b) => a - b),
    ).toEqual([3, 8]);
    // Two flips among 20 rows a class cannot be told from chance: ranked first, for review.
    expect(rows[0].reason).toMatch(/review the label "(hi|lo)": its nearest reference rows give/);
    expect(rows[0].suggestion).toBeNull();
  });

  it('holds out part of the training rows without a validation split, and says so', async () => {
    const { rows, notes } = await rankRows(frameFromArrays(blobs(40, [3])), null, 'y', { seed: 3 });
    expect(rows).toHaveLength(40);
    expect(rows[0].row).toBe(3);
    expect(notes.join(' ')).toMatch(/No validation split given/);
  });

  it('leaves validation classes the training rows lack out, with a note', async () => {
    const val = blobs(20);
    val.y[0] = 'mid';
    const { rows, notes } = await rankRows(frameFromArrays(blobs(30)), frameFromArrays(val), 'y');
    expect(rows).toHaveLength(30);
    expect(notes.join(' ')).toMatch(/1 validation rows are of class "mid"/);
  });

  it('refuses one-class data with a clear message', async () => {
    const d = blobs(10);
    await expect(
      rankRows(frameFromArrays({ x: d.x, y: d.x.map(() => 'same') }), null, 'y'),
    ).rejects.toThrow(/single class/);
  });

  it('refuses a validation split with no known class', async () => {
    const val = blobs(6);
    await expect(
      rankRows(
        frameFromArrays(blobs(10)),
        frameFromArrays({ x: val.x, y: val.x.map(() => 'z') }),
        'y',
      ),
    ).rejects.toThrow(/No validation row/);
  });

  it('ranks rows with an empty target first', async () => {
    const d: { x: number[]; y: (string | null)[] } = blobs(20);
    d.y[5] = null;
    const { rows, notes } = await rankRows(frameFromArrays(d), frameFromArrays(blobs(10)), 'y');
    expect(rows[0]).toMatchObject({ row: 5, score: 1 });
    expect(notes.join(' ')).toMatch(/1 training rows have an empty target/);
    const val: { x: number[]; y: (string | null)[] } = blobs(10);
    val.y[0] = null;
    const withVal = await rankRows(frameFromArrays(blobs(20)), frameFromArrays(val), 'y');
    expect(withVal.notes.join(' ')).toMatch(/1 validation rows have an empty target/);
  });

  it('says so when no cell is flagged, and when every row is', async () => {
    const clean = await rankRows(frameFromArrays(blobs(30)), frameFromArrays(blobs(10)), 'y');
    expect(clean.notes.join(' ')).toMatch(/No detector flagged a cell/);
    const d = blobs(30);
    const empty = await rankRows(
      frameFromArrays({ ...d, z: d.x.map(() => 'N/A') }),
      frameFromArrays(blobs(10)),
      'y',
    );
    expect(empty.rows).toHaveLength(30);
    expect(empty.notes.join(' ')).toMatch(/Every row has a flagged cell/);
  });

  it('copes with a dataset of 5 rows, with and without a validation split', async () => {
    const tiny = frameFromArrays({ x: [0, 0.1, 10, 10.2, 0.3], y: ['a', 'a', 'b', 'b', 'a'] });
    expect((await rankRows(tiny, null, 'y')).rows).toHaveLength(5);
    expect(
      (await rankRows(tiny, frameFromArrays({ x: [0, 10], y: ['a', 'b'] }), 'y')).rows,
    ).toHaveLength(5);
  });

  it('carries the quick model gradient per row and the references for re-scoring', async () => {
    const { signals, references, rows } = await rankRows(
      frameFromArrays(blobs(40, [3, 8])),
      frameFromArrays(blobs(20, [], 1)),
      'y',
    );
    const g = signals.model!.gradNorm;
    const top = [...g.keys()].sort((a, b) => g[b] - g[a]).slice(0, 2);
    expect(top.sort((a, b) => a - b)).toEqual([3, 8]);
    expect(references).toHaveLength(1);
    expect(references[0].rows).toHaveLength(40);
    // The model's figures explain, they do not reorder: the flipped rows lead either way.
    expect(rows[0].reason).toMatch(/quick softmax model agrees/);
  });

  it('drops an empty cell that no plausible repair makes matter', async () => {
    // Row 5's x is empty; wherever a repair puts it, it is one vote of ten among rows that agree
    // with each other, so no validation prediction can change.
    const { x, y } = blobs(40);
    const train = frameFromArrays({ x: x.map((v, i) => (i === 5 ? null : v)), y });
    const { signals } = await rankRows(train, frameFromArrays(blobs(20, [], 1)), 'y');
    expect(signals.cells[5]).toBeNull();
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await rankRows(frameFromArrays(blobs(30, [2])), frameFromArrays(blobs(10)), 'y');
    expect(tf.memory().numTensors).toBe(before);
  });
});
