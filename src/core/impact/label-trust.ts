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
import type { ClassShares } from './class-shares';
import type { LabelEvidence } from './label-signal';

/** What is known per class. */
export interface ClassTrust {
  /** Share of the reference rows of this class (its prior). */
  prior: number;
  /** Reference rows and labelled training rows of this class. */
  referenceRows: number;
  trainRows: number;
  /** Mean probability of the class for clean reference rows of it, and for other classes' rows. */
  selfClean: number;
  selfOthers: number;
  /** The same mean for training rows labelled with it. */
  selfTrain: number;
  /** Estimated share of its training rows that are mislabelled, and its lower 95% bound. */
  noise: number;
  noiseLow: number;
  /** Standard error of `noise` (0 where it could not be estimated). */
  noiseSe: number;
  /** Relabels proposed away from it. */
  relabels: number;
}

/** Inputs: per-row probabilities of the training rows and of the reference (left out). */
export interface TrustInput {
  train: ClassShares;
  given: Int32Array;
  reference: ClassShares;
  referenceLabels: Int32Array;
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

// A class needs this many reference rows for its probabilities to mean anything (fewer than a
// neighbourhood can never be a majority of one).
const MIN_REFERENCE_ROWS = 5;

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

/**
 * Per class, the share of its rows relabels may reach. When the labels as a whole are proven
 * noisier than clean rows (the pooled estimate over every class, less two standard errors, is
 * above zero), each class's point estimate: its lower bound alone leaves most of the proven noise
 * in place, worst where a class has few reference rows (many classes, a small validation split).
 * Otherwise each class's own lower bound, which is about zero on clean data.
 */
export function relabelShares(classes: readonly ClassTrust[]): number[] {
  let rows = 0;
  let noisy = 0;
  let variance = 0;
  for (const c of classes) {
    if (c.noiseSe <= 0) continue;
    rows += c.trainRows;
    noisy += c.noise * c.trainRows;
    variance += (c.noiseSe * c.trainRows) ** 2;
  }
  const proven = rows > 0 && noisy - 2 * Math.sqrt(variance) > 0;
  return classes.map((c) => (proven ? Math.max(c.noiseLow, c.noise) : c.noiseLow));
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

function classFigures(input: TrustInput, C: number): ClassTrust[] {
  const ref = input.reference;
  const selfClean = moments(C);
  const others = moments(C);
  input.referenceLabels.forEach((y, j) => {
    if (y < 0) return;
    for (let c = 0; c < C; c++) (c === y ? selfClean : others)[c].add(ref.p[j * C + c]);
  });
  const selfTrain = moments(C);
  const labelled = new Int32Array(C);
  input.given.forEach((y, r) => {
    if (y < 0) return;
    labelled[y]++;
    const v = input.train.p[r * C + y];
    if (v > 0) selfTrain[y].add(v);
  });
  const m = selfClean.reduce((s, x) => s + x.n, 0);
  return Array.from({ length: C }, (_, c) => {
    const clean = selfClean[c];
    const train = selfTrain[c];
    const gap = clean.mean() - others[c].mean();
    let noise = 0;
    let noiseLow = 0;
    let noiseSe = 0;
    if (clean.n >= MIN_REFERENCE_ROWS && train.n > 0 && gap > 0) {
      noise = Math.min(0.95, Math.max(0, (clean.mean() - train.mean()) / gap));
      noiseSe = Math.sqrt(train.variance() / train.n + clean.variance() / clean.n) / gap;
      noiseLow = Math.max(0, noise - 2 * noiseSe);
    }
    return {
      prior: m > 0 ? clean.n / m : 0,
      referenceRows: clean.n,
      trainRows: labelled[c],
      selfClean: clean.mean(),
      selfOthers: others[c].mean(),
      selfTrain: train.mean(),
      noise,
      noiseLow,
      noiseSe,
      relabels: 0,
    };
  });
}

function trustNotes(classes: ClassTrust[], names: readonly string[]): string[] {
  const notes: string[] = [];
  const total = classes.reduce((s, c) => s + c.trainRows, 0);
  classes.forEach((c, i) => {
    if (c.trainRows > 0 && c.referenceRows < MIN_REFERENCE_ROWS)
      notes.push(
        `Class "${names[i]}" has ${c.referenceRows} reference rows: too few to judge its labels; its ${c.trainRows} training rows are never relabelled, and no row is relabelled to it.`,
      );
    else if (total > 0 && c.trainRows / total < 0.05)
      notes.push(
        `Class "${names[i]}" is ${((100 * c.trainRows) / total).toFixed(1)}% of the training rows: its rows are judged against its own prior, so being rare is not taken as being wrong.`,
      );
  });
  const relabels = classes.reduce((s, c) => s + c.relabels, 0);
  const est = classes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.noiseLow > 0)
    .map(({ c, i }) => `"${names[i]}" ${(100 * c.noise).toFixed(0)}%`);
  notes.push(
    relabels === 0
      ? 'No relabel is proposed: the labels disagree with the reference rows around them no more than clean rows of the same classes do (class overlap explains it); doubtful rows are ranked for review.'
      : `${relabels} relabels are proposed, within the estimated share of mislabelled rows per class (${est.join(', ')}); other doubtful rows are ranked for review.`,
  );
  return notes;
}

interface Moments {
  n: number;
  add(x: number): void;
  mean(): number;
  variance(): number;
}

function moments(C: number): Moments[] {
  return Array.from({ length: C }, () => {
    let n = 0;
    let s = 0;
    let s2 = 0;
    return {
      get n() {
        return n;
      },
      add(x: number) {
        n++;
        s += x;
        s2 += x * x;
      },
      mean: () => (n > 0 ? s / n : 0),
      variance: () => (n > 1 ? Math.max(0, (s2 - (s * s) / n) / (n - 1)) : 0),
    };
  });
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
