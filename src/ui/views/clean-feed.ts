/**
 * "Operations changed for dataset X", as the Priority and Clean tabs use it: they say so after
 * each append and listen for it (the History panel's undo and reverts, another tab). A thin face
 * over the app's ops feed, which carries the message to every view and tab.
 */
import { notifyOpsChanged as notify, onOpsChanged as listen } from '../state/ops-feed.svelte';

/** Says that dataset `datasetId`'s log changed. */
export function notifyOpsChanged(datasetId: string): void {
  notify(datasetId);
}

/** Calls `listener` with the dataset id whenever a log changes; returns the unsubscribe. */
export function onOpsChanged(listener: (datasetId: string) => void): () => void {
  return listen((message) => listener(message.datasetId));
}
