/** A sample dataset behind the real data handlers, and a recording ranking, for the clean tests. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LoggedOperation } from '../../../../src/core/clean/operations';
import type { DatasetMeta } from '../../../../src/core/table/types';
import type { Client } from '../../../../src/protocol/client';
import type { DataMethods } from '../../../../src/protocol/data-methods';
import { createInProcessClient } from '../../../../src/protocol/in-process';
import type {
  PriorityMethods,
  PriorityUpdate,
  QueueItem,
} from '../../../../src/protocol/priority-methods';
import { CleanroomDb } from '../../../../src/storage/db';
import { createDataHandlers } from '../../../../workers/data/data-handlers';

const CSV = `species,mass,island\n${Array.from(
  { length: 12 },
  (_, i) => `${['Adelie', 'Gentoo'][i % 2]},${3000 + 10 * i},${['Biscoe', 'Dream'][i % 2]}`,
).join('\n')}\n`;

/** The real data handlers on a fresh fake IndexedDB, with the sample imported. */
export async function importedData(): Promise<{ data: Client<DataMethods>; meta: DatasetMeta }> {
  const db = new CleanroomDb({ name: 'ui-priority', indexedDB: new IDBFactory(), IDBKeyRange });
  const data = createInProcessClient(
    createDataHandlers(
      db,
      (_n, task) => task(),
      (id) => id,
    ),
  );
  const file = new File([CSV], 'p.csv', { type: 'text/csv' });
  const meta = await data.call('importFile', { file, name: 'p', fileName: 'p.csv' });
  return { data, meta };
}

/** A priority client that records what it is told and answers with a counted update. */
export function recordingPriority(): {
  client: Client<PriorityMethods>;
  noted: Array<{ ops: LoggedOperation[]; skipped?: number[] }>;
} {
  const noted: Array<{ ops: LoggedOperation[]; skipped?: number[] }> = [];
  const update = (n: number): PriorityUpdate => ({
    counters: {
      reviewed: n,
      fixed: n,
      relabelled: 0,
      excluded: 0,
      ok: 0,
      skipped: 0,
      openFlagged: 0,
      gainLeft: 0,
    },
    curve: { start: 0.8, ours: [[0, 0.8]], random: [[0, 0.8]] },
    moved: n,
    ms: 1,
  });
  const handlers = {
    noteOperations: async (params: { ops: LoggedOperation[]; skipped?: number[] }) => {
      noted.push({ ops: params.ops, skipped: params.skipped });
      return update(noted.length);
    },
  } as unknown as Parameters<typeof createInProcessClient<PriorityMethods>>[0];
  return { client: createInProcessClient(handlers), noted };
}

/** An open label row suggesting a relabel; `over` changes any field. */
export const item = (over: Partial<QueueItem> = {}): QueueItem => ({
  row: 3,
  rank: 0,
  score: 0.5,
  kind: 'label',
  reason: 'label disagrees',
  gain: 0.004,
  column: 0,
  suggestion: { kind: 'relabel', row: 3, column: 0, value: 'Adelie' },
  status: 'open',
  ...over,
});
