/// <reference types="vite/client" />
/**
 * The benchmarks' page (bench.html, driven by bench/import-bench.ts and bench/train-bench.ts):
 * runs the PapaParse baseline in a module worker and the app's real import through the protocol
 * client and data worker, measuring each in the page; the train benchmark then trains the
 * imported dataset with the app's train worker (bench/bench-train.ts). Results are plain objects
 * returned to Playwright.
 */
import type { TrainBackendInfo } from '../src/protocol/train-methods';
import { spawnWorker } from '../src/ui/clients';
import type { PapaBaselineReply } from './bench-papa.worker';
import type { BrowserTrainRequest, BrowserTrainResult } from './bench-train';

/** What the baseline measured: wall time in the page and time inside the worker, in ms. */
export interface BaselineResult {
  wallMs: number;
  workerMs: number;
  rows: number;
}

/** What the import measured, in the page. */
export interface ImportResult {
  wallMs: number;
  /** The imported dataset's id (the app lists it as data-dataset-id). */
  datasetId: string;
  rows: number;
  columns: number;
  status: string;
  warnings: string[];
  progressEvents: number;
  /** PerformanceObserver 'longtask' entries (each over 50 ms) seen while importing. */
  longTaskCount: number;
  longestTaskMs: number;
  /** Peak of performance.memory.usedJSHeapSize (main thread only), sampled every 50 ms. */
  peakHeapBytes: number | null;
  heapBeforeBytes: number | null;
}

/** The API Playwright calls through page.evaluate. */
export interface BenchApi {
  baseline(): Promise<BaselineResult>;
  runImport(): Promise<ImportResult>;
  /** The train benchmark (bench/train-bench.ts): the app's train worker, backend forced. */
  train(request: BrowserTrainRequest): Promise<BrowserTrainResult>;
  /** The train worker's listBackends, in a fresh worker. */
  trainBackends(): Promise<TrainBackendInfo[]>;
}

function benchFile(): File {
  const input = document.getElementById('bench-file') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) throw new Error('no file in #bench-file: call page.setInputFiles first');
  return file;
}

function usedHeap(): number | null {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

async function baseline(): Promise<BaselineResult> {
  const file = benchFile();
  const worker = new Worker(new URL('./bench-papa.worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    const reply = new Promise<PapaBaselineReply>((resolve, reject) => {
      worker.onerror = (event) => reject(new Error(`baseline worker failed: ${event.message}`));
      worker.onmessage = (event: MessageEvent<PapaBaselineReply | 'ready'>) => {
        if (event.data === 'ready') return;
        resolve(event.data);
      };
    });
    await new Promise<void>((resolve) => {
      // Wait for the worker's module to load, so its start-up is not timed.
      const onReady = (event: MessageEvent) => {
        if (event.data !== 'ready') return;
        worker.removeEventListener('message', onReady);
        resolve();
      };
      worker.addEventListener('message', onReady);
    });
    const started = performance.now();
    worker.postMessage({ file });
    const result = await reply;
    const wallMs = performance.now() - started;
    if ('error' in result) throw new Error(`PapaParse failed: ${result.error}`);
    return { wallMs, workerMs: result.ms, rows: result.rows };
  } finally {
    worker.terminate();
  }
}

async function runImport(): Promise<ImportResult> {
  const client = spawnWorker('data');
  const file = benchFile();

  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const heapBeforeBytes = usedHeap();
  let peakHeapBytes = heapBeforeBytes;
  const sampleHeap = () => {
    const heap = usedHeap();
    if (heap !== null) peakHeapBytes = Math.max(peakHeapBytes ?? 0, heap);
  };
  const sampler = setInterval(sampleHeap, 50);
  let progressEvents = 0;

  const started = performance.now();
  try {
    const meta = await client.call(
      'importFile',
      { file, name: file.name, fileName: file.name },
      { onProgress: () => void progressEvents++ },
    );
    const wallMs = performance.now() - started;
    sampleHeap();
    // Let the observer deliver the last entries before it is read.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
    return {
      wallMs,
      datasetId: meta.id,
      rows: meta.rows,
      columns: meta.columns.length,
      status: meta.status,
      warnings: meta.warnings.map((warning) => warning.code),
      progressEvents,
      longTaskCount: longTasks.length,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      peakHeapBytes,
      heapBeforeBytes,
    };
  } finally {
    clearInterval(sampler);
    observer.disconnect();
  }
}

// Loaded on demand, so the import benchmark's page does not load TF.js.
const api: BenchApi = {
  baseline,
  runImport,
  train: async (request) => (await import('./bench-train')).trainOnBackend(request),
  trainBackends: async () => (await import('./bench-train')).listTrainBackends(),
};
(window as unknown as { __bench: BenchApi }).__bench = api;
document.getElementById('bench-log')!.textContent = 'ready';
