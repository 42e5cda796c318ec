import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, load, transports } from './priority-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(transports)('priority class balance (%s)', (_transport, makePair) => {
  it('carries rows and flags per class, each row’s class, and keeps them current', async () => {
    const { data, priority } = makePair();
    // Rows 3 and 8 carry the other class: 30 "hi" and 30 "lo" all the same.
    const train = await load(data, csvText(60, [3, 8]), 'train');
    const val = await load(data, csvText(30, [], 1), 'val');
    const summary = await priority.call('rank', {
      id: train.id,
      target: 'y',
      validation: { kind: 'dataset', id: val.id },
    });
    const byLabel = (b: typeof summary.balance) =>
      Object.fromEntries(b.classes.map((c) => [c.label, c]));
    const before = byLabel(summary.balance);
    expect(before.hi).toMatchObject({ rows: 30, share: 0.5, reference: 15 });
    expect(before.lo).toMatchObject({ rows: 30, share: 0.5, reference: 15 });
    // Row 3 (labelled "lo") and row 8 (labelled "hi") are the label flags.
    expect(before.lo.labelFlagged).toBeGreaterThanOrEqual(1);
    expect(before.hi.labelFlagged).toBeGreaterThanOrEqual(1);
    expect(summary.balance.warnings).toEqual([]);

    const page = await priority.call('queue', { id: train.id, offset: 0, limit: 2 });
    const labelOf = Object.fromEntries(page.items.map((i) => [i.row, i.label]));
    expect(labelOf).toEqual({ 3: 'lo', 8: 'hi' });

    const relabel = await data.call('appendOperation', {
      id: train.id,
      op: { kind: 'relabel', row: 3, column: 2, value: 'hi' },
    });
    const update = await priority.call('noteOperations', { id: train.id, ops: [relabel] });
    const after = byLabel(update.balance!);
    expect([after.hi.rows, after.lo.rows]).toEqual([31, 29]);
    // The relabelled row is handled: no longer an open flag.
    expect(after.lo.labelFlagged).toBe(before.lo.labelFlagged - 1);
    // The balanced-accuracy curve follows the relabel as the accuracy curve does.
    expect(summary.curve.balanced!.ours[0][1]).toBeCloseTo(summary.curve.balanced!.start);
    expect(update.curve.balanced!.start).toBeGreaterThan(summary.curve.balanced!.start);
    const held = await priority.call('summary', { id: train.id });
    expect(byLabel(held!.balance).hi.rows).toBe(31);
    priority.close();
  });
});
