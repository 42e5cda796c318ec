/**
 * "Operations changed for dataset X": the Priority and Clean tabs say so after each append and
 * listen for it (the History panel's undo and reverts, another tab). One place to bind to the
 * app's ops feed.
 */
type Listener = (datasetId: string) => void;

const listeners = new Set<Listener>();

/** Says that dataset `datasetId`'s log changed. */
export function notifyOpsChanged(datasetId: string): void {
  for (const listener of listeners) listener(datasetId);
}

/** Calls `listener` with the dataset id whenever a log changes; returns the unsubscribe. */
export function onOpsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
