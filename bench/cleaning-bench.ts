/**
 * `npm run bench:cleaning`: builds every public case of ../shared/bench/suite.json with the shared
 * inject-noise.mjs into .bench-data/, ranks it with the CLI (`rank --train --val --target --out`),
 * scores the ranking and a seeded random order with score_ranking.py at budgets 10% and 20%, and
 * times exact KNN-Shapley on letters-labels and shuttle-labels next to the plain loop. The last
 * line printed is one JSON object with every figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { useFastBackend } from '../src/cli/tf-backend';
import {
  buildCase,
  rankWithCli,
  findScorer,
  scoreRanking,
  writeRandomOrder,
  type BudgetScore,
  type CleaningCase,
} from './cleaning-cases';
import { shapleySpeed, type SpeedFigures } from './cleaning-speed';

const shared = resolve('..', 'shared');
if (!existsSync(join(shared, 'bench', 'suite.json'))) {
  console.log(
    `bench:cleaning skipped: ${join(shared, 'bench')} (suite.json) is missing, so there are no cases to build.`,
  );
  process.exit(0);
}
const cases = (
  JSON.parse(readFileSync(join(shared, 'bench', 'suite.json'), 'utf8')) as { cases: CleaningCase[] }
).cases;
const scorer = findScorer();
const problem = 'problem' in scorer ? scorer.problem : null;
const python = 'python' in scorer ? scorer.python : '';
console.log(
  problem ??
    `scoring with ${python} ${join(shared, 'bench', 'score_ranking.py')} (logistic regression)`,
);
const backend = await useFastBackend();
console.log(
  `Cleaning priority (tf backend ${backend}); cases built into .bench-data/ with inject-noise.mjs; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the start`,
);

interface CaseFigures {
  rankMs: number;
  rankCpuMs: number | null;
  ours: BudgetScore[] | null;
  random: BudgetScore[] | null;
}
const figures: Record<string, CaseFigures> = {};
const f3 = (x: number | null | undefined) =>
  x === null || x === undefined ? '  -  ' : x.toFixed(3);
for (const c of cases) {
  const dir = buildCase(shared, c);
  const ranking = join(dir, 'ranking.txt');
  const { ms: rankMs, cpuMs: rankCpuMs } = rankWithCli(dir, c.target, ranking);
  const n = readFileSync(join(dir, 'train.csv'), 'utf8').trim().split('\n').length - 1;
  writeRandomOrder(n, 7, join(dir, 'random.txt'));
  const ours = problem ? null : scoreRanking(python, shared, dir, ranking);
  const random = problem ? null : scoreRanking(python, shared, dir, join(dir, 'random.txt'));
  figures[c.name] = { rankMs, rankCpuMs, ours, random };
  const at = (s: BudgetScore[] | null, i: number) => s?.[i];
  console.log(
    `${c.name.padEnd(16)} rank ${(rankMs / 1000).toFixed(1).padStart(5)} s  gap_closed@10% ${f3(at(ours, 0)?.gap_closed)} (random ${f3(at(random, 0)?.gap_closed)})  @20% ${f3(at(ours, 1)?.gap_closed)} (random ${f3(at(random, 1)?.gap_closed)})  precision@10% ${f3(at(ours, 0)?.precision)}  @20% ${f3(at(ours, 1)?.precision)}`,
  );
}
const mean = (pick: (f: CaseFigures) => number | null | undefined): number | null => {
  const xs = Object.values(figures).map(pick);
  return xs.every((x) => typeof x === 'number')
    ? (xs as number[]).reduce((s, x) => s + x, 0) / xs.length
    : null;
};
const means = {
  gapClosed10: mean((f) => f.ours?.[0].gap_closed),
  gapClosed20: mean((f) => f.ours?.[1].gap_closed),
  precision10: mean((f) => f.ours?.[0].precision),
  precision20: mean((f) => f.ours?.[1].precision),
  randomGapClosed10: mean((f) => f.random?.[0].gap_closed),
  randomGapClosed20: mean((f) => f.random?.[1].gap_closed),
};
console.log(
  `mean             gap_closed@10% ${f3(means.gapClosed10)} (random ${f3(means.randomGapClosed10)}, target 0.60)  @20% ${f3(means.gapClosed20)} (random ${f3(means.randomGapClosed20)}, target 0.90)  precision@10% ${f3(means.precision10)}  @20% ${f3(means.precision20)}`,
);
const belowRandom = problem
  ? null
  : Object.entries(figures)
      .filter(([, f]) =>
        [0, 1].some((i) => (f.ours![i].gap_closed ?? 0) < (f.random![i].gap_closed ?? 0)),
      )
      .map(([name]) => name);
if (belowRandom)
  console.log(
    `cases below the random order at 10% or 20%: ${belowRandom.length ? belowRandom.join(', ') : 'none'}`,
  );

const speed: Record<string, SpeedFigures & { cliMs: number; cliCpuMs: number | null }> = {};
for (const [name, plainRows] of [
  ['letters-labels', Infinity],
  ['shuttle-labels', 1000],
] as const) {
  const c = cases.find((x) => x.name === name);
  if (!c) continue;
  const s = await shapleySpeed(resolve('.bench-data', name), c.target, plainRows);
  speed[name] = { ...s, cliMs: figures[name].rankMs, cliCpuMs: figures[name].rankCpuMs };
  const cliCpu = figures[name].rankCpuMs;
  console.log(
    `${name.padEnd(16)} whole rank (CLI) ${(figures[name].rankMs / 1000).toFixed(1)} s${cliCpu === null ? '' : ` (CPU ${(cliCpu / 1000).toFixed(1)} s, all threads)`}; exact KNN-Shapley ${(s.fastMs / 1000).toFixed(1)} s (CPU ${(s.fastCpuMs / 1000).toFixed(1)} s) vs plain loop ${(s.plainMs / 1000).toFixed(1)} s (CPU ${(s.plainCpuMs / 1000).toFixed(1)} s)${s.plainSampledRows ? ` (timed on ${s.plainSampledRows} validation rows, scaled linearly)` : ''}; max |difference| ${s.maxAbsDiff.toExponential(1)}`,
  );
}
console.log(
  JSON.stringify({
    bench: 'cleaning',
    backend,
    loadAverage: loadavg()[0],
    scoring: problem ?? 'score_ranking.py',
    cases: figures,
    means,
    belowRandom,
    speed,
  }),
);
if (problem) process.exit(1);
