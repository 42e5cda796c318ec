import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../../src/protocol/client';
import type { DataMethods } from '../../../src/protocol/data-methods';
import { createInProcessClient } from '../../../src/protocol/in-process';
import type { PriorityMethods } from '../../../src/protocol/priority-methods';
import { CleanroomDb } from '../../../src/storage/db';
import { createDataHandlers } from '../../../workers/data-handlers';
import { createPriorityHandlers } from '../../../workers/priority-handlers';
import { channelEndpoint } from './channel-endpoint';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const loadBackend = async (_work: number) => ({ name: tf.getBackend(), note: null });

interface Pair {
  data: Client<DataMethods>;
  priority: Client<PriorityMethods>;
}

/** Both transports share one fresh database with the data handlers (which import and log ops). */
const transports: Array<[string, () => Pair]> = [
  [
    'in-process',
    () => withData((db) => createInProcessClient(createPriorityHandlers(db, loadBackend))),
  ],
  [
    'message-passing',
    () =>
      withData((db) =>
        createClient<PriorityMethods>(() =>
          channelEndpoint(createPriorityHandlers(db, loadBackend), { spawned: 0, terminated: 0 }),
        ),
      ),
  ],
];

/** A fresh database, its data handlers in process, and a priority client made on it. */
function withData(priority: (db: CleanroomDb) => Client<PriorityMethods>): Pair {
  const db = freshDb();
  const data = createInProcessClient(
    createDataHandlers(
      db,
      (_n, task) => task(),
      (id) => id,
    ),
  );
  return { data, priority: priority(db) };
}

let dbCount = 0;
function freshDb() {
  return new CleanroomDb({
    name: `priority-${dbCount++}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
}

/** Two classes split by x; rows in `flip` carry the other class; row 5's size is 1000× off. */
function csvText(n: number, flip: number[] = [], offset = 0): string {
  const lines = ['x,size,y'];
  for (let i = 0; i < n; i++) {
    const x = (i % 2 ? 10 : 0) + ((i * 7 + offset) % 5) / 5;
    const size = 20 + ((i * 3) % 7);
    const hi = x > 5 !== flip.includes(i);
    lines.push(`${x},${size},${hi ? 'hi' : 'lo'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function load(client: Client<DataMethods>, text: string, name: string) {
  const file = new File([text], `${name}.csv`, { type: 'text/csv' });
  return client.call('importFile', { file, name, fileName: `${name}.csv` });
}

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
