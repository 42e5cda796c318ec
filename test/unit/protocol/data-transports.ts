/** The data API both ways (in-process and message-passing), each on a fresh fake database. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createClient, type Client } from '../../../src/protocol/client';
import type { DataMethods } from '../../../src/protocol/data-methods';
import { createInProcessClient } from '../../../src/protocol/in-process';
import { CleanroomDb } from '../../../src/storage/db';
import { createDataHandlers, type LockRunner } from '../../../workers/data/data-handlers';
import { channelEndpoint } from './channel-endpoint';

const noLock: LockRunner = (_name, task) => task();

/** [name, make a client] for each transport, for describe.each. */
export const dataTransports: Array<[string, () => Client<DataMethods>]> = [
  ['in-process', () => createInProcessClient(handlersOnFreshDb())],
  [
    'message-passing',
    () =>
      createClient<DataMethods>(() =>
        channelEndpoint(handlersOnFreshDb(), { spawned: 0, terminated: 0 }),
      ),
  ],
];

function handlersOnFreshDb() {
  const db = new CleanroomDb({ name: 'contract', indexedDB: new IDBFactory(), IDBKeyRange });
  return createDataHandlers(db, noLock, (id) => `import:${id}`);
}

/** A CSV File as the file picker would give it. */
export const csvFile = (text: string, name = 'people.csv') =>
  new File([text], name, { type: 'text/csv' });
