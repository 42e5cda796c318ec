/**
 * Baseline for the import benchmark: a bare PapaParse parse of the file, streamed in chunks and
 * thrown away, in a dedicated module worker like the app's own import (so the two compare).
 */
import Papa from 'papaparse';

/** Request: the File (a handle to the file on disk; structured clone does not copy its bytes). */
export interface PapaBaselineRequest {
  file: File;
}

/** Reply: time in the worker (ms) and how many rows Papa produced, or an error text. */
export type PapaBaselineReply = { ms: number; rows: number } | { error: string };

// Typed by hand: this file is checked with the DOM lib, where `self.postMessage` is Window's.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PapaBaselineRequest>) => void) | null;
  postMessage(message: PapaBaselineReply | 'ready'): void;
};

scope.onmessage = (event) => {
  const started = performance.now();
  let rows = 0;
  Papa.parse<string[]>(event.data.file, {
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: () => scope.postMessage({ ms: performance.now() - started, rows }),
    error: (error) => scope.postMessage({ error: String(error) }),
  });
};
scope.postMessage('ready');
