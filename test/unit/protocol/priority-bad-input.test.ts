import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, load, transports, type Pair } from './priority-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(transports)('priority protocol, bad input (%s)', (_transport, makePair) => {
  const rank = (
    p: Pair,
    id: string,
    validation: { kind: 'held-out' } | { kind: 'dataset'; id: string } = { kind: 'held-out' },
  ) => p.priority.call('rank', { id, target: 'y', validation });

  it('leaves out validation classes the training lacks, and says so', async () => {
    const pair = makePair();
    const train = await load(pair.data, csvText(40), 'train');
    const val = await load(pair.data, `${csvText(20).trimEnd()}\n5,21,mid\n5,22,mid\n`, 'val');
    const summary = await rank(pair, train.id, { kind: 'dataset', id: val.id });
    expect(summary.reference.rows).toBe(20);
    expect(summary.notes.join(' ')).toMatch(/2 validation rows are of class "mid"/);
  });

  it('refuses one-class data and a validation split with no known class, with clear messages', async () => {
    const pair = makePair();
    const one = await load(pair.data, 'x,size,y\n1,2,a\n2,3,a\n3,4,a\n4,5,a\n', 'one');
    await expect(rank(pair, one.id)).rejects.toMatchObject({
      code: 'invalid-operation',
      message: expect.stringMatching(/single class/),
    });
    const train = await load(pair.data, csvText(20), 'train');
    const val = await load(pair.data, 'x,size,y\n1,2,z\n2,3,z\n', 'val');
    await expect(rank(pair, train.id, { kind: 'dataset', id: val.id })).rejects.toMatchObject({
      code: 'invalid-operation',
      message: expect.stringMatching(/No validation row has a class/),
    });
    await expect(rank(pair, train.id, { kind: 'dataset', id: train.id })).rejects.toMatchObject({
      code: 'invalid-operation',
    });
    await expect(
      pair.priority.call('rank', {
        id: train.id,
        target: 'nope',
        validation: { kind: 'held-out' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid-operation',
      message: expect.stringMatching(/Unknown target column "nope"/),
    });
    await expect(
      pair.priority.call('queue', { id: 'missing', offset: 0, limit: 5 }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await pair.priority.call('summary', { id: 'missing' })).toBeNull();
  });

  it('ranks rows with an empty target first, and a dataset of 5 rows', async () => {
    const pair = makePair();
    const lines = csvText(30).split('\n');
    lines[11] = lines[11].replace(/,(hi|lo)$/, ',');
    const text = lines.join('\n');
    const holes = await load(pair.data, text, 'holes');
    const summary = await rank(pair, holes.id);
    expect(summary.notes.join(' ')).toMatch(/1 training rows have an empty target/);
    const top = await pair.priority.call('queue', { id: holes.id, offset: 0, limit: 1 });
    expect(top.items[0]).toMatchObject({ kind: 'missing-target' });
    const tiny = await load(
      pair.data,
      'x,size,y\n0,1,lo\n10,2,hi\n0.2,3,lo\n10.4,4,hi\n0.1,5,hi\n',
      'tiny',
    );
    const small = await rank(pair, tiny.id);
    expect(small.rows).toBe(5);
    const page = await pair.priority.call('queue', { id: tiny.id, offset: 0, limit: 10 });
    expect(page.total).toBe(5);
    const evidence = await pair.priority.call('evidence', { id: tiny.id, row: 4 });
    expect(evidence.neighbours.length).toBeGreaterThan(0);
    await expect(pair.priority.call('evidence', { id: tiny.id, row: 5 })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('says when no row is flagged by a detector, and when every row is', async () => {
    const pair = makePair();
    const clean = await load(pair.data, csvText(40), 'clean');
    const none = await rank(pair, clean.id);
    expect(none.notes.join(' ')).toMatch(/No detector flagged a cell/);
    const lines = csvText(40).trimEnd().split('\n');
    const flagged = lines.map((line, i) => (i === 0 ? `${line},code` : `${line},N/A`)).join('\n');
    const all = await load(pair.data, `${flagged}\n`, 'all');
    const every = await rank(pair, all.id);
    expect(every.notes.join(' ')).toMatch(/Every row has a flagged cell/);
    expect(every.flagged).toBe(40);
    const page = await pair.priority.call('queue', {
      id: all.id,
      offset: 0,
      limit: 40,
      kind: 'cell',
    });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((item) => item.kind === 'cell')).toBe(true);
    const column = page.items[0].column!;
    const group = await pair.priority.call('queue', {
      id: all.id,
      offset: 0,
      limit: 40,
      kind: 'cell',
      column,
    });
    expect(group.total).toBe(page.items.filter((item) => item.column === column).length);
    const other = await pair.priority.call('queue', {
      id: all.id,
      offset: 0,
      limit: 1,
      column: 99,
    });
    expect(other.total).toBe(0);
    const evidence = await pair.priority.call('evidence', { id: all.id, row: page.items[0].row });
    expect(evidence.distribution).toMatchObject({ column, value: 'N/A' });
    expect(evidence.classes).toBeNull();
  });

  it('cancels a ranking', async () => {
    const pair = makePair();
    const train = await load(pair.data, csvText(200), 'train');
    const controller = new AbortController();
    const call = pair.priority.call(
      'rank',
      { id: train.id, target: 'y', validation: { kind: 'held-out' } },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    await expect(
      pair.priority.call('queue', { id: train.id, offset: 0, limit: 1 }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
