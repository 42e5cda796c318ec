/**
 * Imbalance- and overlap-aware label evidence. Each training row's class probabilities come from
 * its nearest rows of a trusted reference (`class-shares`); the same estimate on the reference
 * itself (each row left out) says how much clean rows of each class already disagree with their
 * neighbours. Per class, the drop of the mean self-probability from clean reference rows to the
 * rows labelled with it, over how far apart the classes are, estimates the share of its rows
 * that are mislabelled (a moment estimate; 0 on clean data up to sampling noise). A row's
 * P(mislabelled) is then Bayes' rule with that rate as the prior and the class likelihood ratio
 * (probabilities over class priors, so a minority row is not wrong for being rare). A relabel is
 * proposed only within the rate's lower confidence bound, when more likely right than wrong, and
 * never where it would (nearly) empty a class; every other row with doubt is left for review.
 */
import {
  classFigures,
  MIN_REFERENCE_ROWS,
  relabelShares,
  trustNotes,
  type ClassTrust,
  type NoiseInput,
} from './class-noise';
import type { LabelEvidence } from './label-signal';

export { relabelShares, type ClassTrust } from './class-noise';

/** Inputs: per-row probabilities of the training rows and of the reference (left out). */
export interface TrustInput extends NoiseInput {
  /** KNN-Shapley affinity (rows × classes) for the gain of a relabel; zeros where unknown. */
  affinity: Float64Array;
  votes: Int32Array;
  /** Rows that may not be relabelled (a flagged cell explains their doubt as well). */
  cellFlagged?: (r: number) => boolean;
  classNames: readonly string[];
}

/** Evidence per training row, the per-class figures and the notes worth telling. */
export interface TrustResult {
  evidence: (LabelEvidence | null)[];
  classes: ClassTrust[];
  notes: string[];
}

/** Label evidence for every labelled training row. */
export function trustLabels(input: TrustInput): TrustResult {
  const C = input.classNames.length;
  const classes = classFigures(input, C);
  const evidence: (LabelEvidence | null)[] = new Array(input.given.length).fill(null);
  const gainA: number[] = [];
  const gainB: number[] = [];
  for (let r = 0; r < input.given.length; r++) {
    const y = input.given[r];
    if (y < 0) continue;
    const p = input.train.p.subarray(r * C, (r + 1) * C);
    if (!(p[y] > 0) || classes[y].referenceRows < MIN_REFERENCE_ROWS) continue;
    let best = -1;
    for (let c = 0; c < C; c++)
      if (c !== y && classes[c].referenceRows >= MIN_REFERENCE_ROWS && (best < 0 || p[c] > p[best]))
        best = c;
    if (best < 0) continue;
    const py = classes[y].prior;
    const a = input.affinity.subarray(r * C, (r + 1) * C);
    const g = a[best] - a[y];
    const gb = (a[best] / classes[best].prior - a[y] / py) / C;
    gainA.push(Math.max(0, g));
    gainB.push(Math.max(0, gb));
    const e: LabelEvidence = {
      suggested: best,
      pWrong: 0,
      gain: Math.max(0, g),
      balancedGain: Math.max(0, gb),
      pGiven: p[y],
      pSuggested: p[best],
      doubtful: p[y] < py,
      confidence: 0,
      relabel: false,
      voters: sum(input.votes, r * C, C),
      agreeing: input.votes[r * C + y],
      forSuggested: input.votes[r * C + best],
    };
    e.pWrong = posteriorOf(e, py, Math.max(classes[y].noise, 1 / (classes[y].trainRows + 2)));
    evidence[r] = e;
  }
  const scaleA = upperQuantile(gainA);
  const scaleB = upperQuantile(gainB);
  for (const e of evidence)
    if (e) e.impact = Math.min(1, 0.5 * (e.gain / scaleA + (e.balancedGain ?? 0) / scaleB));
  proposeRelabels(input, evidence, classes);
  return { evidence, classes, notes: trustNotes(classes, input.classNames) };
}

/**
 * Marks the rows whose relabel is proposed, most certain first. Per class, as many as the larger
 * of two counts: the lower bound of its estimated noise (many typical rows flipped), and the
 * excess of rows less sure of their own class than clean rows of it are, over what the clean
 * reference predicts (a few rows deep in another class). On clean data both are about zero.
 */
function proposeRelabels(
  input: TrustInput,
  evidence: (LabelEvidence | null)[],
  classes: ClassTrust[],
) {
  const C = classes.length;
  const cleanSelf = cleanSelfProbabilities(input, C);
  const byClass: number[][] = Array.from({ length: C }, () => []);
  evidence.forEach((e, r) => e && byClass[input.given[r]].push(r));
  const count = classes.map((c) => c.trainRows);
  const total = count.reduce((a, b) => a + b, 0);
  // A class keeps at least half the rows its prior says it should have (and 2): relabels never
  // empty it, whatever the evidence.
  const floor = classes.map((c) => Math.max(2, 0.5 * c.prior * total));
  const noiseBound = relabelShares(classes);
  const candidates: { r: number; e: LabelEvidence }[] = [];
  for (let y = 0; y < C; y++) {
    const rows = byClass[y].sort(
      (a, b) =>
        evidence[a]!.pGiven! - evidence[b]!.pGiven! ||
        evidence[b]!.impact! - evidence[a]!.impact! ||
        a - b,
    );
    const clean = cleanSelf[y];
    // The tail below each threshold t: rows of y at most that sure of y, against the share of
    // clean reference rows of y that are (a two-sample comparison of proportions, less two
    // standard errors). The largest such excess is how many rows lie beyond what overlap explains.
    let rejected = 0;
    const n = rows.length;
    const m = clean.length;
    for (let i = 0; i < n && m > 0; i++) {
      const t = evidence[rows[i]]!.pGiven!;
      if (i + 1 < n && evidence[rows[i + 1]]!.pGiven! <= t + 1e-12) continue;
      const c = countAtMost(clean, t);
      const pooled = (i + 1 + c) / (n + m);
      const se = Math.sqrt(n * pooled * (1 - pooled) * (1 + n / m));
      rejected = Math.max(rejected, Math.floor(i + 1 - (n * c) / m - 2 * se));
    }
    const quota = Math.max(rejected, Math.floor(noiseBound[y] * classes[y].trainRows));
    const rho = Math.max(classes[y].noiseLow, quota / Math.max(1, classes[y].trainRows));
    for (const r of rows.slice(0, quota)) {
      const e = evidence[r]!;
      e.confidence = posteriorOf(e, classes[y].prior, rho);
      candidates.push({ r, e });
    }
  }
  candidates.sort(
    (a, b) => b.e.confidence! - a.e.confidence! || b.e.impact! - a.e.impact! || a.r - b.r,
  );
  for (const { r, e } of candidates) {
    const y = input.given[r];
    if (e.confidence! <= 0.5 || e.pSuggested! <= e.pGiven! || count[y] - 1 < floor[y]) continue;
    if (input.cellFlagged?.(r) || e.suggested < 0 || e.suggested >= C) continue;
    e.relabel = true;
    count[y]--;
    count[e.suggested]++;
    classes[y].relabels++;
  }
}

/** P(mislabelled) of a row from its probabilities, its class prior and the class noise rate. */
function posteriorOf(e: LabelEvidence, prior: number, rho: number): number {
  const p = e.pGiven!;
  const ratio = (1 - p) / (1 - prior) / (p / prior);
  return (rho * ratio) / (rho * ratio + 1 - rho);
}

/** Per class, the sorted probabilities clean reference rows of it give their own class. */
function cleanSelfProbabilities(input: TrustInput, C: number): Float64Array[] {
  const lists: number[][] = Array.from({ length: C }, () => []);
  input.referenceLabels.forEach((y, j) => y >= 0 && lists[y].push(input.reference.p[j * C + y]));
  return lists.map((l) => Float64Array.from(l).sort());
}

/** How many of the sorted values are ≤ x (1e-12 slack: shares are sums of equal fractions). */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x + 1e-12) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sum(a: Int32Array, start: number, count: number): number {
  let s = 0;
  for (let i = start; i < start + count; i++) s += a[i];
  return s;
}

/** The 95% quantile of the positive values (1 when there are none): gains are scaled by it. */
function upperQuantile(xs: number[]): number {
  const pos = xs.filter((x) => x > 1e-12).sort((a, b) => a - b);
  return pos.length ? pos[Math.floor(0.95 * (pos.length - 1))] : 1;
}
