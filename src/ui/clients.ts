/**
 * The page's connections to its workers. Each entry file is spelled out once, here: Vite bundles
 * a worker only where it sees `new Worker(new URL('…literal…', import.meta.url))`.
 */
import type { AnalysisMethods } from '../protocol/analysis-methods';
import { createClient, type Client } from '../protocol/client';
import type { ComputeMethods } from '../protocol/compute-methods';
import type { DataMethods } from '../protocol/data-methods';
import type { PriorityMethods } from '../protocol/priority-methods';
import type { TrainMethods } from '../protocol/train-methods';

const starters = {
  data: () =>
    new Worker(new URL('../../workers/data.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cleanroom-data',
    }),
  analysis: () =>
    new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cleanroom-analysis',
    }),
  priority: () =>
    new Worker(new URL('../../workers/priority.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cleanroom-priority',
    }),
  train: () =>
    new Worker(new URL('../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cleanroom-train',
    }),
  compute: () =>
    new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cleanroom-compute',
    }),
} satisfies Record<string, () => Worker>;

/** The methods each worker serves. */
interface WorkerMethods {
  data: DataMethods;
  analysis: AnalysisMethods;
  priority: PriorityMethods;
  train: TrainMethods;
  compute: ComputeMethods;
}

/** A worker the page can start. */
export type WorkerName = keyof WorkerMethods;

/** A new client of worker `name`; the worker itself starts on the client's first call. */
export function spawnWorker<N extends WorkerName>(name: N): Client<WorkerMethods[N]> {
  return createClient<WorkerMethods[N]>(starters[name]);
}

let priority: Client<PriorityMethods> | null = null;
let analysis: Client<AnalysisMethods> | null = null;

/**
 * The page's one connection to the priority worker, shared by the Priority and Clean tabs (the
 * worker keeps each dataset's live ranking). Started on first use.
 */
export function priorityClient(): Client<PriorityMethods> {
  priority ??= spawnWorker('priority');
  return priority;
}

/**
 * The page's one connection to the analysis worker, shared by the Profile and Issues tabs (the
 * worker keeps the last frame and each dataset's findings). Started on first use.
 */
export function analysisClient(): Client<AnalysisMethods> {
  analysis ??= spawnWorker('analysis');
  return analysis;
}
