/**
 * The baseline every ranking is held against on bench:cleaning: plain exact KNN-Shapley (K = 10,
 * against the clean validation split), most harmful value first, with no suggestions. Written
 * once per case into its .bench-data folder and scored once (both cached with the case).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCsv } from '../src/cli/load-csv';
import { buildImpactData } from '../src/core/impact/features';
import { knnShapley } from '../src/core/impact/knn-shapley';
import { scoreRanking, type RankingScore } from './cleaning-cases';

/** Writes `shapley.txt` (row,value,reason; lowest value first) unless it is there already. */
export async function writeShapleyRanking(dir: string, target: string): Promise<string> {
  const out = join(dir, 'shapley.txt');
  if (existsSync(out)) return out;
  const train = (await loadCsv(join(dir, 'train.csv'))).frame;
  const val = (await loadCsv(join(dir, 'val.csv'))).frame;
  const d = buildImpactData(train, val, target);
  const result = await knnShapley({
    train: d.train,
    trainLabels: d.trainLabels,
    val: d.val!,
    valLabels: d.valLabels!,
    classes: d.classes.length,
    k: 10,
  });
  const value = (r: number) => (Number.isNaN(result.values[r]) ? 0 : result.values[r]);
  const rows = Array.from({ length: train.rows }, (_, r) => r).sort(
    (a, b) => value(a) - value(b) || a - b,
  );
  writeFileSync(out, rows.map((r) => `${r},${value(r)},knn-shapley`).join('\n') + '\n');
  return out;
}

/** The baseline's score on a case, from the cache when it was scored before. */
export async function shapleyScore(
  python: string,
  shared: string,
  dir: string,
  target: string,
): Promise<RankingScore> {
  const cached = join(dir, 'shapley.score.json');
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as RankingScore;
  const ranking = await writeShapleyRanking(dir, target);
  const score = scoreRanking(python, shared, dir, ranking);
  writeFileSync(cached, JSON.stringify(score));
  return score;
}
