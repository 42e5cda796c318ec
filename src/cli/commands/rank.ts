import { statSync } from 'node:fs';
import { knnShapley, type ShapleyRunner } from '../../core/impact/knn-shapley';
import { rankRows } from '../../core/impact/rank';
import { CleanroomError } from '../../core/errors';
import type { Frame } from '../../core/table/frame';
import { UsageError, type Flags } from '../args';
import { loadCsv } from '../load-csv';
import { frameSpelling, writeRanking } from '../rank-output';
import { startShapleyPool } from '../shapley-threads';
import { useFastBackend } from '../tf-backend';

/** One line of help. */
export const usage =
  'rank --train T.csv [--val V.csv] --target COL [--k 10] [--seed 1] --out ranking.txt   training rows by how much fixing them should win back accuracy: row,score,reason,action,column,value';

interface RankJob {
  trainPath: string;
  valPath: string | undefined;
  target: string;
  outPath: string;
  k: number;
  seed: number;
  start: number;
}

/** Ranks the training rows (row,score,reason,action,column,value), most valuable fix first. */
export async function run(flags: Flags): Promise<void> {
  const job: RankJob = {
    trainPath: flags.require('train'),
    target: flags.require('target'),
    outPath: flags.require('out'),
    valPath: flags.get('val'),
    k: Number(flags.get('k') ?? 10),
    seed: Number(flags.get('seed') ?? 1),
    start: Date.now(),
  };
  if (!Number.isInteger(job.k) || job.k < 1)
    throw new UsageError(`--k must be a positive integer, got "${flags.get('k')}".`);
  if (!Number.isInteger(job.seed))
    throw new UsageError(`--seed must be an integer, got "${flags.get('seed')}".`);
  // A worker thread costs about a second to start (tsx, tfjs): worth it only for large inputs,
  // and started before the files are read so its start-up overlaps the reading.
  const pool = likelyLarge(job) ? startShapleyPool() : null;
  try {
    const train = (await loadCsv(job.trainPath)).frame;
    if (train.rows === 0)
      throw new CleanroomError('header-only', `${job.trainPath} has a header but no data rows.`);
    const val = job.valPath ? (await loadCsv(job.valPath)).frame : null;
    if (val && val.rows === 0)
      throw new CleanroomError('header-only', `${job.valPath} has a header but no data rows.`);
    await rankFrames(job, train, val, pool?.run ?? knnShapley, pool?.threads ?? 1);
  } finally {
    await pool?.close();
  }
}

/**
 * Whether KNN-Shapley will sort enough training × reference pairs (≥ 2e7, about half a second)
 * to pay for a thread, judged from the file sizes at 50 bytes a row (without a validation file,
 * the two held-out parts value each other: about 2 × 0.8 × 0.2 of rows²).
 */
function likelyLarge(job: RankJob): boolean {
  const rows = (path: string) => {
    try {
      return statSync(path).size / 50;
    } catch {
      return 0;
    }
  };
  const train = rows(job.trainPath);
  const pairs = job.valPath ? train * rows(job.valPath) : 0.32 * train ** 2;
  return pairs >= 2e7;
}

async function rankFrames(
  job: RankJob,
  train: Frame,
  val: Frame | null,
  shapley: ShapleyRunner,
  threads: number,
): Promise<void> {
  process.stderr.write(
    `read ${train.rows} training${val ? ` and ${val.rows} validation` : ''} rows; tf backend: ${await useFastBackend()}; KNN-Shapley on ${threads} thread${threads > 1 ? 's' : ''}\n`,
  );
  const result = await rankRows(train, val, job.target, {
    k: job.k,
    seed: job.seed,
    shapley,
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  await writeRanking(job.outPath, result.rows, result.signals.columnNames, frameSpelling(train));
  process.stderr.write(
    `wrote ${result.rows.length} ranked rows to ${job.outPath} in ${((Date.now() - job.start) / 1000).toFixed(1)} s\n`,
  );
}
