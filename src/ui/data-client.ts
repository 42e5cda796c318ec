import { createClient, type Client } from '../protocol/client';
import type { DataMethods } from '../protocol/data-methods';

/** The page's one connection to the data worker (import, storage, pages of rows). */
export function createDataClient(): Client<DataMethods> {
  return createClient<DataMethods>(
    () =>
      new Worker(new URL('../../workers/data.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cleanroom-data',
      }),
  );
}
