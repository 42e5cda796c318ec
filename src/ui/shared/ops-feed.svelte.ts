/**
 * "The operation log of dataset X changed": one feed for every view and every tab. A view that
 * appends an operation calls notifyOpsChanged; the feed bumps a reactive version per dataset,
 * calls local listeners, and posts on a BroadcastChannel so other tabs of the app do the same.
 * Nothing of the log travels here, only {datasetId, seq}: each view re-reads what it shows from
 * the data worker (IndexedDB), so a reload or a missed message loses nothing.
 */

/** The channel name every tab of the app shares. */
export const OPS_CHANNEL = 'cleanroom-ops';

/** What crosses between tabs; `seq` is the appended op's seq when known. */
export interface OpsMessage {
  datasetId: string;
  seq: number | null;
}

type Listener = (message: OpsMessage) => void;

const versions = $state<Record<string, number>>({});
/** Plain callbacks, not state (a Set here would be flagged as non-reactive state). */
let listeners: Listener[] = [];
let channel: BroadcastChannel | null = null;

function connect(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(OPS_CHANNEL);
  channel.onmessage = (event: MessageEvent<OpsMessage>) => {
    const message = event.data;
    if (typeof message?.datasetId === 'string') deliver(message);
  };
  return channel;
}

function deliver(message: OpsMessage): void {
  versions[message.datasetId] = (versions[message.datasetId] ?? 0) + 1;
  for (const listener of listeners) listener(message);
}

/** Says that `datasetId`'s log changed here (after appendOperation, undo, redo, a replay). */
export function notifyOpsChanged(datasetId: string, seq: number | null = null): void {
  const message: OpsMessage = { datasetId, seq };
  deliver(message);
  connect()?.postMessage(message);
}

/** Calls `listener` on every change, from this tab or another; returns the unsubscribe. */
export function onOpsChanged(listener: Listener): () => void {
  connect();
  listeners = [...listeners, listener];
  return () => {
    listeners = listeners.filter((l) => l !== listener);
  };
}

/**
 * A counter that grows whenever `datasetId`'s log changes (here or in another tab). Reading it
 * in a $derived or $effect re-runs that when the log changes.
 */
export function opsVersion(datasetId: string): number {
  connect();
  return versions[datasetId] ?? 0;
}
