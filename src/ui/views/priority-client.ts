import { createClient, type Client } from '../../protocol/client';
import type { PriorityMethods } from '../../protocol/priority-methods';

let client: Client<PriorityMethods> | null = null;

/**
 * The page's one connection to the priority worker, shared by the Priority and Clean tabs (the
 * worker keeps each dataset's live ranking). Started on first use.
 */
export function priorityClient(): Client<PriorityMethods> {
  client ??= createClient<PriorityMethods>(
    () =>
      new Worker(new URL('../../../workers/priority.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cleanroom-priority',
      }),
  );
  return client;
}
