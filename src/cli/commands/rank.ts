import { rankRows } from '../../core/impact/rank';
import { CleanroomError } from '../../core/errors';
import { UsageError, type Flags } from '../args';
import { loadCsv } from '../load-csv';
import { writeRanking } from '../rank-output';
import { useFastBackend } from '../tf-backend';

/** One line of help. */
export const usage =
  'rank --train T.csv [--val V.csv] --target COL [--k 10] [--seed 1] --out ranking.txt   training rows by how much fixing them should win back accuracy';

/** Ranks the training rows (row,score,reason), most valuable fix first. */
export async function run(flags: Flags): Promise<void> {
  const trainPath = flags.require('train');
  const target = flags.require('target');
  const outPath = flags.require('out');
  const valPath = flags.get('val');
  const k = Number(flags.get('k') ?? 10);
  const seed = Number(flags.get('seed') ?? 1);
  if (!Number.isInteger(k) || k < 1)
    throw new UsageError(`--k must be a positive integer, got "${flags.get('k')}".`);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got "${flags.get('seed')}".`);
  const start = Date.now();
  const train = (await loadCsv(trainPath)).frame;
  if (train.rows === 0)
    throw new CleanroomError('header-only', `${trainPath} has a header but no data rows.`);
  const val = valPath ? (await loadCsv(valPath)).frame : null;
  if (val && val.rows === 0)
    throw new CleanroomError('header-only', `${valPath} has a header but no data rows.`);
  process.stderr.write(
    `read ${train.rows} training${val ? ` and ${val.rows} validation` : ''} rows; tf backend: ${await useFastBackend()}\n`,
  );
  const result = await rankRows(train, val, target, {
    k,
    seed,
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  await writeRanking(outPath, result.rows);
  process.stderr.write(
    `wrote ${result.rows.length} ranked rows to ${outPath} in ${((Date.now() - start) / 1000).toFixed(1)} s\n`,
  );
}
