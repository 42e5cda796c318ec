/**
 * Runs label-trust over the references a ranking was valued against: the training rows' class
 * probabilities from the reference they were valued against, and the reference's own (each row
 * left out), pooled when the training rows were split between two references (no validation).
 */
import type { CellEvidence } from './cell-signal';
import { nearestClassShares } from './class-shares';
import { pickRows, type ImpactData } from './features';
import { trustLabels, type TrustResult } from './label-trust';
import type { ValuedSplits } from './value-splits';

/** Label evidence for the rows labelled in `given` (-1: not taking part). */
export async function trustedLabels(
  data: ImpactData,
  given: Int32Array,
  valued: ValuedSplits,
  cells: readonly (CellEvidence | null)[],
  kMin: number,
): Promise<TrustResult> {
  const C = data.classes.length;
  const n = data.train.rows;
  const train = new Float64Array(n * C);
  const refP: Float64Array[] = [];
  const refLabels: Int32Array[] = [];
  for (const ref of valued.references) {
    // K of a consistent nearest-neighbour estimate (about √m), never below the ranking's own: ten
    // neighbours cannot tell a row deep in another class from one in the overlap.
    const k = Math.max(kMin, Math.round(Math.sqrt(ref.val.rows)));
    const shares = await nearestClassShares(
      pickRows(data.train, ref.rows),
      ref.val,
      ref.valLabels,
      C,
      k,
    );
    ref.rows.forEach((r, i) => train.set(shares.p.subarray(i * C, (i + 1) * C), r * C));
    const self = await nearestClassShares(ref.val, ref.val, ref.valLabels, C, k, true);
    refP.push(self.p);
    refLabels.push(ref.valLabels);
  }
  const pooled = new Float64Array(refP.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of refP) {
    pooled.set(p, at);
    at += p.length;
  }
  const labels = new Int32Array(refLabels.reduce((s, l) => s + l.length, 0));
  at = 0;
  for (const l of refLabels) {
    labels.set(l, at);
    at += l.length;
  }
  return trustLabels({
    train: { p: train, rows: n, classes: C },
    given,
    reference: { p: pooled, rows: labels.length, classes: C },
    referenceLabels: labels,
    affinity: valued.shapley.affinity,
    votes: valued.shapley.votes,
    cellFlagged: (r) => explainsDoubt(cells[r]),
    classNames: data.classes,
  });
}

/**
 * Whether a row's flagged cell may explain its label doubt (then it is never relabelled): a cell
 * that is empty, unparsable or has a named repair is a concrete error that misplaces the row among
 * its neighbours. A plain outlier (no repair: often a real extreme value) does not: on heavy-tailed
 * data it flags a fifth of the rows, and blocking them kept proven flips from being relabelled.
 */
export function explainsDoubt(cell: CellEvidence | null): boolean {
  return (
    cell !== null && !(cell.finding.detector === 'outlier' && cell.finding.suggestion === null)
  );
}
