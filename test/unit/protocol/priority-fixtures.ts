/** Shared setup of the priority protocol tests: both transports over one fresh database each. */
import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createClient, type Client } from '../../../src/protocol/client';
import type { DataMethods } from '../../../src/protocol/data-methods';
import { createInProcessClient } from '../../../src/protocol/in-process';
import type { PriorityMethods } from '../../../src/protocol/priority-methods';
import { CleanroomDb } from '../../../src/storage/db';
import { createDataHandlers } from '../../../workers/data/data-handlers';
import { createPriorityHandlers } from '../../../workers/priority/priority-handlers';
import { channelEndpoint } from './channel-endpoint';

const loadBackend = async (_work: number) => ({ name: tf.getBackend(), note: null });

export interface Pair {
  data: Client<DataMethods>;
  priority: Client<PriorityMethods>;
}

/** Both transports share one fresh database with the data handlers (which import and log ops). */
export const transports: Array<[string, () => Pair]> = [
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
export function csvText(n: number, flip: number[] = [], offset = 0): string {
  const lines = ['x,size,y'];
  for (let i = 0; i < n; i++) {
    const x = (i % 2 ? 10 : 0) + ((i * 7 + offset) % 5) / 5;
    const size = 20 + ((i * 3) % 7);
    const hi = x > 5 !== flip.includes(i);
    lines.push(`${x},${size},${hi ? 'hi' : 'lo'}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function load(client: Client<DataMethods>, text: string, name: string) {
  const file = new File([text], `${name}.csv`, { type: 'text/csv' });
  return client.call('importFile', { file, name, fileName: `${name}.csv` });
}
