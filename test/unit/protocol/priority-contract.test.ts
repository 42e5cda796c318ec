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

const loadBackend = async () => ({ name: tf.getBackend(), note: null });

interface Pair {
  data: Client<DataMethods>;
  priority: Client<PriorityMethods>;
}

/** Both transports share one fresh database with the data handlers (which import and log ops). */
const transports: Array<[string, () => Pair]> = [
  [
    'in-process',
    () => {
      const db = freshDb();
      return {
        data: createInProcessClient(
          createDataHandlers(
            db,
            (_n, task) => task(),
            (id) => id,
          ),
        ),
        priority: createInProcessClient(createPriorityHandlers(db, loadBackend)),
      };
    },
  ],
  [
    'message-passing',
    () => {
      const db = freshDb();
      return {
        data: createInProcessClient(
          createDataHandlers(
            db,
            (_n, task) => task(),
            (id) => id,
          ),
        ),
        priority: createClient<PriorityMethods>(() =>
          channelEndpoint(createPriorityHandlers(db, loadBackend), { spawned: 0, terminated: 0 }),
        ),
      };
    },
  ],
];

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
