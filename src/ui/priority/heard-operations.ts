/**
 * Which logged operations the ranking has heard of: the Priority and Clean tabs both append
 * operations and tell the priority worker; this is the part the ranking's own state needs.
 */
import type { Client } from '../../protocol/client';
import type { DataMethods } from '../../protocol/data-methods';
import type { PriorityMethods, PriorityUpdate } from '../../protocol/priority-methods';

/** The clients an action needs, and a hook run after every append (the cross-tab ops feed). */
export interface CleanDeps {
  data: Client<DataMethods>;
  priority: Client<PriorityMethods>;
  /** Called with the dataset id after each operation is logged. */
  afterAppend?: (datasetId: string) => void;
  /** Log seqs the ranking has heard of; commits add theirs before noting, so none is sent twice. */
  heard?: Set<number>;
}

/** Tells the ranking about log entries it has not heard of (made in another tab or panel). */
export async function noteNewOperations(
  deps: CleanDeps & { heard: Set<number> },
  datasetId: string,
): Promise<PriorityUpdate | null> {
  const log = await deps.data.call('listOperations', { id: datasetId });
  const fresh = log.filter((entry) => !deps.heard.has(entry.seq));
  if (fresh.length === 0) return null;
  for (const entry of fresh) deps.heard.add(entry.seq);
  return deps.priority.call('noteOperations', { id: datasetId, ops: fresh });
}
