/**
 * KNN-Shapley over the whole training split: against the validation split, or, without one,
 * against a seeded held-out part of the training rows, valued both ways round so every row gets a
 * value. Also returns each reference with its neighbourhoods for the counterfactual signals.
 */
import { CleanroomError } from '../errors';
import type { Reference } from './counterfactual';
import { concatenated, knnShapley, type ShapleyResult } from './knn-shapley';
import { pickRows, type ImpactData } from './features';
import { holdoutSplit, pick, rowsWhere } from './holdout';
import type { RankOptions } from './rank';

/** Values of every training row and the references they were measured against. */
export interface ValuedSplits {
  shapley: ShapleyResult;
  references: Reference[];
  notes: string[];
}

/** Values the labelled training rows of `data` (rows without a label stay NaN). */
export async function valueSplits(
  data: ImpactData,
  labelled: Int32Array,
  options: RankOptions,
): Promise<ValuedSplits> {
  const say = options.onProgress ?? (() => {});
  const notes: string[] = [];
  const n = data.train.rows;
  const C = data.classes.length;
  const global: ShapleyResult = {
    values: new Float64Array(n).fill(NaN),
    affinity: new Float64Array(n * C),
    votes: new Int32Array(n * C),
    k: 0,
    m: 0,
    nearest: new Int32Array(0),
    nearestDist: new Float32Array(0),
  };
  const references: Reference[] = [];
  if (data.val && data.valLabels) {
    const keep = rowsWhere(data.valLabels, (y) => y >= 0);
    const unknown = [...data.unknownValClasses.values()].reduce((a, b) => a + b, 0);
    const empty = data.valLabels.length - keep.length - unknown;
    if (empty > 0) notes.push(`${empty} validation rows have an empty target; they are left out.`);
    if (keep.length === 0)
      throw new CleanroomError(
        'invalid-operation',
        'No validation row has a class the training rows know: nothing to measure against.',
      );
    say(`KNN-Shapley: ${labelled.length} training × ${keep.length} validation rows`);
    const val = pickRows(data.val, keep);
    references.push(
      await valuePart(data, labelled, val, pick(data.valLabels, keep), global, options),
    );
  } else {
    const [fit, held] = holdoutSplit(
      data.trainLabels,
      labelled,
      options.holdout ?? 0.2,
      options.seed ?? 1,
    );
    notes.push(
      `No validation split given: ${held.length} training rows (seeded, stratified) serve as the reference, and the two parts value each other.`,
    );
    say(`KNN-Shapley: ${fit.length} training × ${held.length} held-out rows, then the reverse`);
    for (const [rows, ref] of [
      [fit, held],
      [held, fit],
    ])
      references.push(
        await valuePart(
          data,
          rows,
          pickRows(data.train, ref),
          pick(data.trainLabels, ref),
          global,
          options,
        ),
      );
  }
  global.nearest = concatenated(
    references.map((r) => r.nearest),
    new Int32Array(references.reduce((s, r) => s + r.nearest.length, 0)),
  );
  global.nearestDist = concatenated(
    references.map((r) => r.nearestDist),
    new Float32Array(references.reduce((s, r) => s + r.nearestDist.length, 0)),
  );
  return { shapley: global, references, notes };
}

async function valuePart(
  data: ImpactData,
  rows: Int32Array,
  val: ImpactData['train'],
  valLabels: Int32Array,
  into: ShapleyResult,
  options: RankOptions,
): Promise<Reference> {
  const say = options.onProgress ?? (() => {});
  const C = data.classes.length;
  let last = 0;
  const run = options.shapley ?? knnShapley;
  const part = await run(
    {
      train: pickRows(data.train, rows),
      trainLabels: pick(data.trainLabels, rows),
      val,
      valLabels,
      classes: C,
      k: options.k,
    },
    (done, total) => {
      if (done === total || done - last >= total / 10) say(`  ${done}/${total} validation rows`);
      last = done;
    },
  );
  // A row's affinity scales like 1 / (rows valued together); with a held-out split the two parts
  // differ in size, so rescale to the whole training split to keep their gains comparable.
  const share = rows.length / data.train.rows;
  rows.forEach((r, i) => {
    into.values[r] = part.values[i];
    for (let c = 0; c < C; c++) {
      into.affinity[r * C + c] = part.affinity[i * C + c] * share;
      into.votes[r * C + c] = part.votes[i * C + c];
    }
  });
  into.k = part.k;
  into.m = Math.max(into.m, part.m);
  // The neighbourhoods name rows of the part: map them to rows of the whole training split.
  const nearest = Int32Array.from(part.nearest, (i) => (i < 0 ? -1 : rows[i]));
  return { val, valLabels, rows, nearest, nearestDist: part.nearestDist, k: part.k };
}
