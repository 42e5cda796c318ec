/**
 * `npm run bench:rerank`: the incremental re-rank after one fix at 50k rows (target ≤ 200 ms per
 * fix, counters and cleaning curve included), next to the baseline measured in the same run:
 * recomputing combineSignals from scratch over the same signals. Synthetic signals shaped like
 * rankRows' output; a seeded mix of relabels, cell fixes, exclusions, false alarms (which reach a
 * whole detector group) and reverts. The last line printed is one JSON object.
 */
import type { LoggedOperation, Operation } from '../src/core/clean/operations';
import { combineSignals, compareRanked, scoreRow } from '../src/core/impact/combine';
import { RankState } from '../src/core/impact/rank-state';
import { seededRandom } from '../src/core/stats/rng';
import { syntheticFix, syntheticSignals } from './rerank-signals';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 50_000);
const fixes = arg('fixes', 200);
const baselineRuns = arg('baseline', 15);
const TARGET_MS = 200;

const { signals, shapley } = syntheticSignals(rows, 1);
const state = new RankState(signals, { shapley });
const random = seededRandom(11);
const times: number[] = [];
const moved: number[] = [];
const logged: LoggedOperation[] = [];
for (let i = 0; i < fixes; i++) {
  const op: Operation =
    i % 10 === 9
      ? { kind: 'revert', target: logged[Math.floor(random() * logged.length)].seq, via: 'undo' }
      : syntheticFix(state.signals, random);
  const entry: LoggedOperation = { datasetId: 'bench', seq: i + 1, at: i, op };
  logged.push(entry);
  const started = performance.now();
  const update = state.noteOperations([entry]);
  times.push(performance.now() - started);
  moved.push(update.moved);
}

const baseline: number[] = [];
for (let i = 0; i < baselineRuns; i++) {
  const started = performance.now();
  combineSignals(state.signals);
  baseline.push(performance.now() - started);
}
// The live ranking keeps the ranking-time scale of label gains (combineSignals recomputes it from
// the current signals), so the order to check against is a full rescore at that scale.
const full = Array.from({ length: rows }, (_, r) => scoreRow(state.signals, r, state.scale));
full.sort(compareRanked);
const sameOrder = full.every((x, i) => x.row === state.order[i]);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => sorted(xs)[Math.floor(q * (xs.length - 1))];
const median = (xs: number[]) => quantile(xs, 0.5);
const figures = {
  bench: 'rerank',
  rows,
  fixes,
  incrementalMedianMs: round(median(times)),
  incrementalP95Ms: round(quantile(times, 0.95)),
  incrementalMaxMs: round(Math.max(...times)),
  movedMedian: median(moved),
  movedMax: Math.max(...moved),
  baselineMedianMs: round(median(baseline)),
  ratio: round(median(baseline) / median(times)),
  targetMs: TARGET_MS,
  withinTarget: Math.max(...times) <= TARGET_MS,
  sameOrderAsFullRescore: sameOrder,
};
console.log(`Incremental re-rank, ${rows} rows, ${fixes} single fixes (reverts every 10th)`);
console.log(
  `  incremental (rescore touched rows + mend order + counters + curve): median ${figures.incrementalMedianMs} ms, p95 ${figures.incrementalP95Ms} ms, max ${figures.incrementalMaxMs} ms (target ≤ ${TARGET_MS} ms)`,
);
console.log(`  rows moved per fix: median ${figures.movedMedian}, max ${figures.movedMax}`);
console.log(
  `  baseline combineSignals from scratch: median ${figures.baselineMedianMs} ms over ${baselineRuns} runs`,
);
console.log(`  ratio baseline / incremental (medians): ${figures.ratio}×`);
console.log(`  order equals a full rescore of the same signals: ${sameOrder}`);
console.log(JSON.stringify(figures));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
