/**
 * `npm run bench:cleaning`: builds every case of ../shared/bench/suite.json with the shared
 * inject-noise.mjs into .bench-data/ (once; reused while the case is unchanged), ranks it with
 * the CLI (`rank --train --val --target --out`), and scores that ranking and plain exact
 * KNN-Shapley's (cached per case) with score_ranking.py at 5%, 10% and 20%: review and follow on
 * the noisy cases, the balanced-accuracy change from following on the clean controls (harm), the
 * means, and issue #10's targets beside them. `-- --only a,b` runs some cases; `-- --speed` also
 * times exact KNN-Shapley against the plain loop. The last line printed is one JSON object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { useFastBackend } from '../src/cli/tf-backend';
import { shapleyScore } from './cleaning-baseline';
import {
  buildCase,
  rankWithCli,
  findScorer,
  scoreRanking,
  type CleaningCase,
} from './cleaning-cases';
import { caseLine, summarize, type CaseResult } from './cleaning-report';
import { shapleySpeed, type SpeedFigures } from './cleaning-speed';

const shared = resolve('..', 'shared');
if (!existsSync(join(shared, 'bench', 'suite.json'))) {
  console.log(
    `bench:cleaning skipped: ${join(shared, 'bench')} (suite.json) is missing, so there are no cases to build.`,
  );
  process.exit(0);
}
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const cases = (
  JSON.parse(readFileSync(join(shared, 'bench', 'suite.json'), 'utf8')) as { cases: CleaningCase[] }
).cases.filter((c) => !only || only.includes(c.name));
const scorer = findScorer();
if ('problem' in scorer) {
  console.log(scorer.problem);
  console.log(JSON.stringify({ bench: 'cleaning', scoring: scorer.problem }));
  process.exit(1);
}
const { python } = scorer;
const backend = await useFastBackend();
console.log(
  `Cleaning priority: ${cases.length} cases, scored with ${python} score_ranking.py (logistic regression); tf backend ${backend}; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the start`,
);

const results: CaseResult[] = [];
for (const c of cases) {
  const dir = buildCase(shared, c);
  const ranking = join(dir, 'ranking.txt');
  const { ms: rankMs } = rankWithCli(dir, c.target, ranking);
  const ours = scoreRanking(python, shared, dir, ranking);
  const shapley = await shapleyScore(python, shared, dir, c.target);
  const result = { name: c.name, control: ours.dirty_rows === 0, rankMs, ours, shapley };
  results.push(result);
  console.log(caseLine(result));
}
const summary = summarize(results, (line) => console.log(line));

const speed: Record<string, SpeedFigures> = {};
if (argv.includes('--speed'))
  for (const [name, plainRows] of [
    ['letters-labels', Infinity],
    ['shuttle-labels', 1000],
  ] as const) {
    const c = cases.find((x) => x.name === name);
    if (!c) continue;
    const s = await shapleySpeed(resolve('.bench-data', name), c.target, plainRows);
    speed[name] = s;
    console.log(
      `${name.padEnd(22)} exact KNN-Shapley ${(s.fastMs / 1000).toFixed(1)} s (CPU ${(s.fastCpuMs / 1000).toFixed(1)} s) vs plain loop ${(s.plainMs / 1000).toFixed(1)} s (CPU ${(s.plainCpuMs / 1000).toFixed(1)} s)${s.plainSampledRows ? ` (timed on ${s.plainSampledRows} validation rows, scaled linearly)` : ''}; max |difference| ${s.maxAbsDiff.toExponential(1)}`,
    );
  }
const compact = (s: CaseResult['ours']) => ({
  suggestions: s.suggestions,
  budgets: s.budgets.map((b) => ({
    budget: b.budget,
    review: b.gap_closed,
    follow: b.follow_gap_closed,
    followBaccDelta: b.follow_bacc_delta,
    precision: b.precision,
  })),
});
console.log(
  JSON.stringify({
    bench: 'cleaning',
    backend,
    loadAverage: loadavg()[0],
    cases: Object.fromEntries(
      results.map((r) => [
        r.name,
        {
          control: r.control,
          rankMs: r.rankMs,
          ours: compact(r.ours),
          shapley: compact(r.shapley),
        },
      ]),
    ),
    ...summary,
    speed,
  }),
);
