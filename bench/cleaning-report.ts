/**
 * The figures bench:cleaning prints: per case review and follow (and harm on clean controls),
 * their means, and each of issue #10's targets beside what was measured, met or not.
 */
import type { RankingScore } from './cleaning-cases';

/** What one case measured: our ranking and the plain KNN-Shapley baseline, both scored. */
export interface CaseResult {
  name: string;
  control: boolean;
  rankMs: number;
  ours: RankingScore;
  shapley: RankingScore;
}

/** Index of each budget in a score's `budgets` (0.05, 0.1, 0.2). */
const AT = { 5: 0, 10: 1, 20: 2 } as const;
/** The cases the ranking was first built on (issue #10: what they reach must not be lost). */
export const FIRST_SIX = [
  'credit-labels',
  'churn-labels',
  'letters-labels',
  'credit-cells',
  'penguins-mixed',
  'shuttle-labels',
];

const f3 = (x: number | null | undefined) =>
  x === null || x === undefined ? '  -  ' : x.toFixed(3);
const signed = (x: number | null | undefined) =>
  x === null || x === undefined ? '   -   ' : `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
const review = (s: RankingScore, b: keyof typeof AT) => s.budgets[AT[b]].gap_closed ?? 0;
const follow = (s: RankingScore, b: keyof typeof AT) => s.budgets[AT[b]].follow_gap_closed ?? 0;
const harm = (s: RankingScore, b: keyof typeof AT) => s.budgets[AT[b]].follow_bacc_delta ?? 0;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** One line for a case. */
export function caseLine(c: CaseResult): string {
  const head = `${c.name.padEnd(22)} rank ${(c.rankMs / 1000).toFixed(1).padStart(5)} s  ${String(c.ours.suggestions).padStart(5)} suggestions`;
  if (c.control)
    return `${head}  control: follow bacc delta @5% ${signed(harm(c.ours, 5))} @10% ${signed(harm(c.ours, 10))} @20% ${signed(harm(c.ours, 20))}`;
  return `${head}  review @10% ${f3(review(c.ours, 10))} @20% ${f3(review(c.ours, 20))}  follow @10% ${f3(follow(c.ours, 10))} @20% ${f3(follow(c.ours, 20))}  (KNN-Shapley review ${f3(review(c.shapley, 10))} / ${f3(review(c.shapley, 20))})`;
}

/** The means and every target, met or not; returns them for the JSON line. */
export function summarize(results: CaseResult[], print: (line: string) => void) {
  const noisy = results.filter((c) => !c.control);
  const controls = results.filter((c) => c.control);
  const six = noisy.filter((c) => FIRST_SIX.includes(c.name));
  const m = {
    review10: mean(noisy.map((c) => review(c.ours, 10))),
    review20: mean(noisy.map((c) => review(c.ours, 20))),
    follow10: mean(noisy.map((c) => follow(c.ours, 10))),
    follow20: mean(noisy.map((c) => follow(c.ours, 20))),
    shapley10: mean(noisy.map((c) => review(c.shapley, 10))),
    shapley20: mean(noisy.map((c) => review(c.shapley, 20))),
    firstSix10: mean(six.map((c) => review(c.ours, 10))),
    firstSix20: mean(six.map((c) => review(c.ours, 20))),
    harmMean: ([5, 10, 20] as const).map((b) => mean(controls.map((c) => harm(c.ours, b)))),
    harmWorst: ([5, 10, 20] as const).map((b) => Math.min(...controls.map((c) => harm(c.ours, b)))),
  };
  const belowShapley = noisy
    .filter((c) => ([10, 20] as const).some((b) => review(c.ours, b) < review(c.shapley, b) - 0.05))
    .map((c) => c.name);
  const ok = (met: boolean) => (met ? 'met' : 'MISSED');
  const targets = {
    review: m.review10 >= 0.6 && m.review20 >= 0.83,
    firstSix: m.firstSix10 >= 0.73 && m.firstSix20 >= 0.93,
    follow: m.follow10 >= 0.45 && m.follow20 >= 0.65,
    harmEvery: m.harmWorst.every((x) => x >= -0.005),
    harmMean: m.harmMean.every((x) => x >= 0),
    vsShapley: belowShapley.length === 0,
  };
  print(
    `mean over ${noisy.length} noisy cases: review @10% ${f3(m.review10)} @20% ${f3(m.review20)} (target ≥ 0.60 / 0.83: ${ok(targets.review)}); KNN-Shapley ${f3(m.shapley10)} / ${f3(m.shapley20)}`,
  );
  print(
    `  first six cases: review @10% ${f3(m.firstSix10)} @20% ${f3(m.firstSix20)} (target ≥ 0.73 / 0.93, what they reached before: ${ok(targets.firstSix)})`,
  );
  print(
    `  follow @10% ${f3(m.follow10)} @20% ${f3(m.follow20)} (target ≥ 0.45 / 0.65: ${ok(targets.follow)})`,
  );
  print(
    `harm on ${controls.length} clean controls (follow bacc delta) @5/10/20%: mean ${m.harmMean.map(signed).join(' / ')} (target ≥ 0: ${ok(targets.harmMean)}), worst ${m.harmWorst.map(signed).join(' / ')} (target ≥ -0.005 on every control: ${ok(targets.harmEvery)})`,
  );
  print(
    `cases more than 0.05 below KNN-Shapley's review at 10% or 20%: ${belowShapley.length ? belowShapley.join(', ') : 'none'} (${ok(targets.vsShapley)})`,
  );
  return { means: m, belowShapley, targets };
}
