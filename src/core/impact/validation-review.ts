/**
 * Which validation rows to check before trusting the split as the reference. The splits swap
 * roles: the validation rows are valued by exact KNN-Shapley against the training rows, so each
 * gets label evidence (how strongly the training rows around it disagree with its label) and an
 * influence (how many training rows count it among their K nearest, i.e. whose values it sways).
 */
import type { ImpactData } from './features';
import { pickRows } from './features';
import { pick, rowsWhere, sampleRows } from './holdout';
import { knnShapley } from './knn-shapley';
import { labelEvidence } from './label-signal';
import { defaultMaxReference } from './value-splits';

export interface ValidationCheck {
  /** 0-based row of the validation dataset. */
  row: number;
  /** 0..1: disagreement × influence. */
  score: number;
  reason: string;
  /** The class the training rows around it favour, when it is not its own. */
  suggested: string | null;
}

export interface ValidationReview {
  /** Validation rows with a known class, most worth checking first. */
  items: ValidationCheck[];
}

/**
 * Ranks the validation rows of `data` (needs a validation split) for review. Training rows set in
 * `excluded` (excluded by the operation log) take no part, as in the ranking (see rankRows).
 */
export async function reviewValidation(
  data: ImpactData,
  k = 10,
  excluded: Uint8Array | null = null,
  onProgress?: (done: number, total: number) => void,
): Promise<ValidationReview> {
  if (!data.val || !data.valLabels) return { items: [] };
  const C = data.classes.length;
  const valRows = rowsWhere(data.valLabels, (y) => y >= 0);
  // The training rows are the reference here: on a large split, a seeded stratified sample of
  // them keeps the work bounded as in the ranking (see defaultMaxReference).
  const taking = Int32Array.from(data.trainLabels, (y, r) => (excluded?.[r] ? -1 : y));
  const trainRows = sampleRows(
    taking,
    rowsWhere(taking, (y) => y >= 0),
    defaultMaxReference(valRows.length),
    1,
  );
  if (valRows.length === 0 || trainRows.length === 0) return { items: [] };
  const valLabels = pick(data.valLabels, valRows);
  const swapped = await knnShapley(
    {
      train: pickRows(data.val, valRows),
      trainLabels: valLabels,
      val: pickRows(data.train, trainRows),
      valLabels: pick(data.trainLabels, trainRows),
      classes: C,
      k,
    },
    onProgress,
  );
  const evidence = labelEvidence(swapped, valLabels, C);
  const K = swapped.k;
  const items = Array.from(valRows, (row, i): ValidationCheck => {
    const e = evidence[i]!;
    const own = data.classes[valLabels[i]];
    const to = data.classes[e.suggested];
    const against = e.voters - e.agreeing;
    // Influence saturates: past a few K training rows, one more changes little.
    const influence = 1 - Math.exp(-e.voters / K);
    const lean =
      e.suggested !== valLabels[i]
        ? `; the training rows around it lean toward "${to}"`
        : '; the weight of the training rows around it is on its own label';
    return {
      row,
      score: e.pWrong * influence,
      reason: `label "${own}": ${against} of the ${e.voters} training rows that count it among their ${K} nearest have another class${lean}`,
      suggested: e.suggested !== valLabels[i] ? to : null,
    };
  });
  items.sort((a, b) => b.score - a.score || a.row - b.row);
  return { items };
}
