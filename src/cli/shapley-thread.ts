/**
 * Worker-thread entry for the CLI's threaded KNN-Shapley: values one part of the validation rows
 * against all training rows on its own tfjs backend and posts the partial result back.
 */
import { parentPort } from 'node:worker_threads';
import { knnShapley, type ShapleyInput } from '../core/impact/knn-shapley';
import { useFastBackend } from './tf-backend';

const ready = useFastBackend();
parentPort?.on('message', (input: ShapleyInput) => {
  void ready
    .then(() =>
      knnShapley(input, (done, total) => parentPort?.postMessage({ progress: done, total })),
    )
    .then((result) =>
      parentPort?.postMessage(
        { result },
        [result.values, result.affinity, result.votes, result.nearest, result.nearestDist].map(
          (a) => a.buffer as ArrayBuffer,
        ),
      ),
    )
    .catch((error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    );
});
