import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, load, transports } from './priority-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(transports)('priority protocol (%s)', (_transport, makePair) => {
  it('ranks against a validation dataset, pages the queue and explains a row', async () => {
    const { data, priority } = makePair();
    const train = await load(data, csvText(60, [3, 8]), 'train');
    const val = await load(data, csvText(30, [], 1), 'val');
    const phases = new Set<string>();
    const summary = await priority.call(
      'rank',
      { id: train.id, target: 'y', validation: { kind: 'dataset', id: val.id } },
      { onProgress: (p) => phases.add(p.phase) },
    );
    expect(summary).toMatchObject({
      id: train.id,
      rows: 60,
      reference: { kind: 'dataset', name: 'val', rows: 30, reviewed: 0 },
    });
    expect(phases.has('KNN-Shapley')).toBe(true);
    expect(summary.curve.ours[0][1]).toBeCloseTo(summary.curve.start);
    const page = await priority.call('queue', { id: train.id, offset: 0, limit: 2 });
    expect(page.total).toBe(60);
    expect(page.items.map((i) => i.row).sort((a, b) => a - b)).toEqual([3, 8]);
    expect(page.items[0]).toMatchObject({ kind: 'label', status: 'open', rank: 0 });

    const evidence = await priority.call('evidence', { id: train.id, row: 3 });
    expect(evidence.neighbours).toHaveLength(10);
    // Row 3 sits among the "hi" rows but is labelled "lo": its neighbours say "hi".
    expect(evidence.neighbours.filter((n) => n.label === 'hi').length).toBeGreaterThan(7);
    expect(evidence.classes?.[0].label).toBe('hi');
    expect(evidence.distribution?.top?.map(([v]) => v).sort()).toEqual(['hi', 'lo']);
    priority.close();
  });

  it('follows relabels, undo and exclusions incrementally', async () => {
    const { data, priority } = makePair();
    const train = await load(data, csvText(60, [3, 8]), 'train');
    const val = await load(data, csvText(30, [], 1), 'val');
    const summary = await priority.call('rank', {
      id: train.id,
      target: 'y',
      validation: { kind: 'dataset', id: val.id },
    });
    const relabel = await data.call('appendOperation', {
      id: train.id,
      op: { kind: 'relabel', row: 3, column: 2, value: 'hi' },
    });
    const update = await priority.call('noteOperations', { id: train.id, ops: [relabel] });
    expect(update.counters).toMatchObject({ reviewed: 1, relabelled: 1 });
    expect(update.curve.start).toBeGreaterThan(summary.curve.start);
    const open = await priority.call('queue', { id: train.id, offset: 0, limit: 1 });
    expect(open.total).toBe(59);
    expect(open.items[0].row).toBe(8);

    const undo = await data.call('undo', { id: train.id });
    const undone = await priority.call('noteOperations', { id: train.id, ops: [undo!] });
    expect(undone.counters.reviewed).toBe(0);
    expect(undone.curve.start).toBeCloseTo(summary.curve.start);
    const back = await priority.call('queue', { id: train.id, offset: 0, limit: 2, status: 'all' });
    expect(back.items.map((i) => i.status)).toEqual(['open', 'open']);

    const exclude = await data.call('appendOperation', {
      id: train.id,
      op: { kind: 'exclude-row', row: 8 },
    });
    const after = await priority.call('noteOperations', {
      id: train.id,
      ops: [exclude],
      skipped: [3],
    });
    expect(after.counters).toMatchObject({ excluded: 1, skipped: 1, reviewed: 2 });
    priority.close();
  });

  it('suggests validation rows to check and counts reviewed ones', async () => {
    const { data, priority } = makePair();
    const train = await load(data, csvText(60), 'train');
    const val = await load(data, csvText(30, [4], 1), 'val');
    await priority.call('rank', {
      id: train.id,
      target: 'y',
      validation: { kind: 'dataset', id: val.id },
    });
    const first = await priority.call('validationSuggestions', {
      id: train.id,
      offset: 0,
      limit: 3,
    });
    expect(first.total).toBe(30);
    expect(first.items[0]).toMatchObject({
      row: 4,
      suggestion: { kind: 'relabel', row: 4, value: 'lo' },
    });
    await data.call('appendOperation', { id: val.id, op: { kind: 'mark-reviewed', row: 4 } });
    const summary = await priority.call('summary', { id: train.id });
    expect(summary?.reference.reviewed).toBe(1);
    const next = await priority.call('validationSuggestions', {
      id: train.id,
      offset: 0,
      limit: 3,
    });
    expect(next.total).toBe(29);
    expect(next.items.map((i) => i.row)).not.toContain(4);
    priority.close();
  });

  it('ranks without a validation dataset and says the reference is held out', async () => {
    const { data, priority } = makePair();
    const train = await load(data, csvText(60, [3]), 'train');
    const summary = await priority.call('rank', {
      id: train.id,
      target: 'y',
      validation: { kind: 'held-out' },
    });
    expect(summary.reference).toMatchObject({ kind: 'held-out', name: null, rows: 60 });
    expect(summary.notes.join(' ')).toMatch(/No validation split given/);
    const top = await priority.call('queue', { id: train.id, offset: 0, limit: 1 });
    expect(top.items[0].row).toBe(3);
    const evidence = await priority.call('evidence', { id: train.id, row: 3 });
    expect(evidence.neighbours.map((n) => n.row)).not.toContain(3);
    await expect(
      priority.call('validationSuggestions', { id: train.id, offset: 0, limit: 5 }),
    ).rejects.toMatchObject({ code: 'invalid-operation' });
    priority.close();
  });
});

describe.each(transports)('priority protocol, excluded rows (%s)', (_transport, makePair) => {
  it('ranks rows excluded before ranking last and out of the queue, and never as neighbours', async () => {
    const { data, priority } = makePair();
    const train = await load(data, csvText(60, [3, 8]), 'train');
    const val = await load(data, csvText(30, [], 1), 'val');
    for (const [id, row] of [
      [train.id, 3],
      [train.id, 10],
      [val.id, 4],
    ] as const)
      await data.call('appendOperation', { id, op: { kind: 'exclude-row', row } });
    const summary = await priority.call('rank', {
      id: train.id,
      target: 'y',
      validation: { kind: 'dataset', id: val.id },
    });
    expect(summary.reference.rows).toBe(29);
    expect(summary.counters).toMatchObject({ reviewed: 0, excluded: 0 });
    expect(summary.notes.join(' ')).toMatch(/2 training rows are excluded/);
    expect(summary.notes.join(' ')).toMatch(/1 validation rows are excluded/);
    const open = await priority.call('queue', { id: train.id, offset: 0, limit: 60 });
    expect(open.total).toBe(58);
    expect(open.items[0].row).toBe(8);
    expect(open.items.map((i) => i.row)).not.toContain(3);
    const all = await priority.call('queue', {
      id: train.id,
      offset: 58,
      limit: 5,
      status: 'all',
    });
    expect(all.items.map((i) => [i.row, i.status]).sort()).toEqual([
      [10, 'excluded'],
      [3, 'excluded'],
    ]);
    expect(all.items[0].reason).toMatch(/excluded by the operation log/);
    const evidence = await priority.call('evidence', { id: train.id, row: 8 });
    expect(evidence.neighbours.map((n) => n.row)).not.toContain(4);
    priority.close();
  });
});
