/**
 * KNN-Shapley spread over the machine's cores for the CLI: the validation rows are split into
 * contiguous parts, one valued on this thread and the rest in worker threads, and the partial
 * results merged (values are means over validation points, so the split changes nothing but the
 * rounding). The threads start before the CSV files are read so their start-up overlaps it.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  knnShapley,
  mergeShapley,
  validationSlice,
  type ShapleyResult,
  type ShapleyRunner,
} from '../core/impact/knn-shapley';

// Resolved from the working directory, as the CLI's own `--import tsx` is.
const tsxApi = 'tsx/esm/api';
const entry = fileURLToPath(new URL('./shapley-thread.ts', import.meta.url));

type Reply = { progress: number; total: number } | { result: ShapleyResult } | { error: string };

/** A runner over `threads` threads (this one included), and a way to stop the helpers. */
export interface ShapleyPool {
  run: ShapleyRunner;
  threads: number;
  /** Parts valued in a worker thread so far (a failed worker's part runs here instead). */
  readonly workerParts: number;
  close: () => Promise<void>;
}

/** Starts `threads - 1` worker threads (default: one per core, at most 4). */
export function startShapleyPool(threads = Math.min(4, availableParallelism())): ShapleyPool {
  const workers = Array.from(
    { length: Math.max(0, threads - 1) },
    () =>
      // The entry is TypeScript: the thread loads it through tsx's API (a worker does not
      // inherit the `--import tsx` hooks the CLI runs under).
      new Worker(
        `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true },
      ),
  );
  // A worker that cannot start leaves the pool; its part then runs on this thread.
  for (const w of workers) w.once('error', () => workers.splice(workers.indexOf(w), 1));
  let workerParts = 0;
  const run: ShapleyRunner = async (input, onProgress) => {
    const parts = Math.min(workers.length + 1, input.val.rows);
    if (parts <= 1) return knnShapley(input, onProgress);
    const bounds = Array.from({ length: parts + 1 }, (_, p) =>
      Math.round((p * input.val.rows) / parts),
    );
    const done = new Array<number>(parts).fill(0);
    const report = (p: number, d: number) => {
      done[p] = d;
      onProgress?.(
        done.reduce((a, b) => a + b, 0),
        input.val.rows,
      );
    };
    const results = await Promise.all(
      bounds.slice(0, parts).map((start, p) => {
        const slice = validationSlice(input, start, bounds[p + 1]);
        return p === parts - 1
          ? knnShapley(slice, (d) => report(p, d))
          : // A worker that fails leaves its part to this thread rather than failing the ranking.
            inWorker(workers[p], slice, (d) => report(p, d)).then(
              (result) => (workerParts++, result),
              () => knnShapley(slice, (d) => report(p, d)),
            );
      }),
    );
    return mergeShapley(results);
  };
  return {
    run,
    threads: workers.length + 1,
    get workerParts() {
      return workerParts;
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

function inWorker(
  worker: Worker,
  input: Parameters<ShapleyRunner>[0],
  onProgress: (done: number) => void,
): Promise<ShapleyResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if ('progress' in reply) return onProgress(reply.progress);
      worker.off('message', onMessage);
      worker.off('error', reject);
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.result);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(input);
  });
}
