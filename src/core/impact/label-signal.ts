/**
 * Label evidence from the validation neighbours: which class the validation points that sit near a
 * row vote for, how sure that vote is, and what relabelling it would gain, read off the exact
 * KNN-Shapley detail (a row's value is linear in its own label, so the gain is exact, not guessed).
 */
import type { ShapleyResult } from './knn-shapley';

/** Label evidence for one training row. */
export interface LabelEvidence {
  /** Class the validation neighbours favour (may equal the row's own). */
  suggested: number;
  /** Probability-like share of the neighbour weight that is not on the row's label, 0..1. */
  pWrong: number;
  /** Exact increase of the row's Shapley value if relabelled to `suggested` (≥ 0). */
  gain: number;
  /** Validation points having the row among their K nearest: all, and those of its own class. */
  voters: number;
  agreeing: number;
  /** Of the voters, how many are of the suggested class. */
  forSuggested: number;
  /** True where the quick model also favours the suggested class (its opinion raised pWrong). */
  modelAgrees?: boolean;
  /**
   * Whether a relabel to `suggested` is proposed (label-trust: the evidence goes beyond what class
   * imbalance and overlap explain). Absent: the older rule, a relabel wherever it gains.
   */
  relabel?: boolean;
  /** Gain of the relabel in balanced-accuracy units of the KNN utility (≥ 0). */
  balancedGain?: number;
  /** Impact of the relabel, 0..1 (accuracy and balanced-accuracy gains over their 95% quantiles). */
  impact?: number;
  /** The reference's probability of the given and of the suggested class. */
  pGiven?: number;
  pSuggested?: number;
  /** P(mislabelled) with the lower bound of the class's estimated noise as the prior. */
  confidence?: number;
  /**
   * True where the neighbours give the row's own class less than that class's prior share: the
   * evidence raises the doubt above the base rate (P(mislabelled) > the class's noise rate).
   * Elsewhere the row is not flagged, however small its nonzero P(mislabelled).
   */
  doubtful?: boolean;
}

/** Evidence for every row with a label (null where the label is missing). */
export function labelEvidence(
  shapley: ShapleyResult,
  labels: Int32Array,
  classes: number,
): (LabelEvidence | null)[] {
  return Array.from(labels, (y, i) => {
    if (y < 0) return null;
    const base = i * classes;
    let best = y;
    let total = 0;
    let voters = 0;
    for (let c = 0; c < classes; c++) {
      const a = shapley.affinity[base + c];
      total += a;
      voters += shapley.votes[base + c];
      if (a > shapley.affinity[base + best]) best = c;
    }
    const own = shapley.affinity[base + y];
    return {
      suggested: best,
      // Laplace-style prior so a row with barely any neighbour weight is not called "certainly wrong".
      pWrong: (total - own) / (total + 1 / (shapley.k * Math.max(1, shapley.m))),
      gain: shapley.affinity[base + best] - own,
      voters,
      agreeing: shapley.votes[base + y],
      forSuggested: shapley.votes[base + best],
    };
  });
}
