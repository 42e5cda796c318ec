/**
 * Per-class figures of the label evidence: each class's prior, how much clean reference rows of it
 * already disagree with their neighbours (overlap), and a moment estimate of the share of its
 * training rows that are mislabelled, with a standard error; how far relabels may go; the notes.
 */
import type { ClassShares } from './class-shares';

/** What the per-class figures are computed from (a part of label-trust's input). */
export interface NoiseInput {
  train: ClassShares;
  given: Int32Array;
  reference: ClassShares;
  referenceLabels: Int32Array;
}

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

// A class needs this many reference rows for its probabilities to mean anything (fewer than a
// neighbourhood can never be a majority of one).
export const MIN_REFERENCE_ROWS = 5;

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

/** Per class: prior, overlap (self-probabilities of clean and other rows) and estimated noise. */
export function classFigures(input: NoiseInput, C: number): ClassTrust[] {
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

/** What to tell about the classes: too few reference rows, a rare class, the relabels proposed. */
export function trustNotes(classes: ClassTrust[], names: readonly string[]): string[] {
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
