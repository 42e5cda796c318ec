/**
 * Speed of exact KNN-Shapley on a case: the fast path (tfjs matrix-product distances, radix order,
 * O(N) recursion) next to the plain loop (per-pair distances, comparison sort per validation point)
 * on the same matrices in the same run, and the largest difference between their values.
 */
import { join } from 'node:path';
import { loadCsv } from '../src/cli/load-csv';
import { buildImpactData, pickRows } from '../src/core/impact/features';
import { knnShapley, type ShapleyInput } from '../src/core/impact/knn-shapley';
import { naiveKnnShapley } from '../src/core/impact/naive-shapley';

/** Timings in ms; the plain loop's is extrapolated when it ran on a sample of validation rows. */
export interface SpeedFigures {
  fastMs: number;
  /** CPU time of this process for the fast path (the machine is shared: wall time is noisy). */
  fastCpuMs: number;
  plainMs: number;
  plainCpuMs: number;
  plainSampledRows: number | null;
  maxAbsDiff: number;
}

/** Times both implementations; the plain one on at most `plainRows` validation rows. */
export async function shapleySpeed(
  dir: string,
  target: string,
  plainRows: number,
): Promise<SpeedFigures> {
  const train = (await loadCsv(join(dir, 'train.csv'))).frame;
  const val = (await loadCsv(join(dir, 'val.csv'))).frame;
  const d = buildImpactData(train, val, target);
  const input: ShapleyInput = {
    train: d.train,
    trainLabels: d.trainLabels,
    val: d.val!,
    valLabels: d.valLabels!,
    classes: d.classes.length,
  };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = Date.now();
  let c = cpu();
  await knnShapley(input);
  const fastMs = Date.now() - t;
  const fastCpuMs = cpu() - c;
  const m = input.val.rows;
  const sample = Math.min(m, plainRows);
  const rows = Int32Array.from({ length: sample }, (_, i) => Math.floor((i * m) / sample));
  const sub: ShapleyInput = {
    ...input,
    val: pickRows(input.val, rows),
    valLabels: Int32Array.from(rows, (r) => input.valLabels[r]),
  };
  t = Date.now();
  c = cpu();
  const plain = naiveKnnShapley(sub);
  const plainMs = ((Date.now() - t) * m) / sample;
  const plainCpuMs = ((cpu() - c) * m) / sample;
  const check = await knnShapley(sub);
  let maxAbsDiff = 0;
  plain.forEach((v, i) => (maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - check.values[i]))));
  return {
    fastMs,
    fastCpuMs,
    plainMs,
    plainCpuMs,
    plainSampledRows: sample < m ? sample : null,
    maxAbsDiff,
  };
}
