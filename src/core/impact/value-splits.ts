/**
 * KNN-Shapley over the whole training split: against the validation split, or, without one,
 * against a seeded held-out part of the training rows, valued both ways round so every row gets a
 * value. Also returns each reference with its neighbourhoods for the counterfactual signals.
 */
import { CleanroomError } from '../errors';
import type { Reference } from './counterfactual';
import { concatenated, knnShapley, type ShapleyResult } from './knn-shapley';
import { pickRows, type ImpactData } from './features';
import { holdoutSplit, pick, rowsWhere, sampleRows } from './holdout';
import type { RankOptions } from './rank-options';

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
  const cap = Math.max(1, Math.floor(options.maxReference ?? defaultMaxReference(labelled.length)));
  const seed = options.seed ?? 1;
  if (data.val && data.valLabels) {
    const usable = rowsWhere(data.valLabels, (y) => y >= 0);
    const unknown = [...data.unknownValClasses.values()].reduce((a, b) => a + b, 0);
    const excluded = data.valExcluded ?? 0;
    const empty = data.valLabels.length - usable.length - unknown - excluded;
    if (excluded > 0)
      notes.push(
        `${excluded} validation rows are excluded by the operation log; they are left out.`,
      );
    if (empty > 0) notes.push(`${empty} validation rows have an empty target; they are left out.`);
    if (usable.length === 0)
      throw new CleanroomError(
        'invalid-operation',
        'No validation row has a class the training rows know: nothing to measure against.',
      );
    const keep = sampleRows(data.valLabels, usable, cap, seed);
    if (keep.length < usable.length)
      notes.push(
        `To bound the work at ${labelled.length} training rows, a seeded sample of ${keep.length} of the ${usable.length} validation rows (stratified by class) is the reference; the values are exact KNN-Shapley against that sample.`,
      );
    say(`KNN-Shapley: ${labelled.length} training × ${keep.length} validation rows`);
    const val = pickRows(data.val, keep);
    references.push(
      await valuePart(data, labelled, val, pick(data.valLabels, keep), keep, global, options),
    );
  } else {
    const wanted = options.holdout ?? 0.2;
    const share = Math.min(wanted, cap / Math.max(1, labelled.length));
    const [fit, held] = holdoutSplit(data.trainLabels, labelled, share, seed);
    // The other way round, the held-out rows are valued against (a sample of) the rest.
    const fitRef = sampleRows(data.trainLabels, fit, cap, seed);
    notes.push(
      share < wanted
        ? `No validation split given: ${held.length} training rows (seeded, stratified; ${fmtShare(share)} instead of ${fmtShare(wanted)}, to bound the work at ${labelled.length} rows) serve as the reference for the others, which in turn value them${fitRef.length < fit.length ? ` through a seeded sample of ${fitRef.length}` : ''}; the values are exact KNN-Shapley against those samples.`
        : `No validation split given: ${held.length} training rows (seeded, stratified) serve as the reference, and the two parts value each other${fitRef.length < fit.length ? ` (the held-out rows through a seeded sample of ${fitRef.length} of the others)` : ''}.`,
    );
    say(
      `KNN-Shapley: ${fit.length} training × ${held.length} held-out rows, then ${held.length} × ${fitRef.length}`,
    );
    for (const [rows, ref] of [
      [fit, held],
      [held, fitRef],
    ])
      references.push(
        await valuePart(
          data,
          rows,
          pickRows(data.train, ref),
          pick(data.trainLabels, ref),
          ref,
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
  source: Int32Array,
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
      // Every tenth of the way (`last` is the count last said, not the last block's).
      if (done === total || done - last >= total / 10) {
        say(`  ${done}/${total} validation rows`);
        last = done;
      }
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
  return { val, valLabels, source, rows, nearest, nearestDist: part.nearestDist, k: part.k };
}

/**
 * Reference pairs (training × reference rows) the default cap allows: the bench's largest case,
 * shuttle-labels (35k × 11.6k), stays whole.
 */
const REFERENCE_PAIRS = 5e8;
/**
 * The cap never goes below this many reference rows. Each costs a distance row, a sort and a pass
 * over every training row: measured at 1M rows × 84 encoded columns (wasm, this 2-core machine),
 * about 0.13 s per reference row and thread (43 ms of distances, 26 ms of sorting, the rest the
 * recursion's scattered writes); 500 of them take about 35 s on two threads (the CLI), 70 s on one
 * (the worker).
 */
const MIN_REFERENCE = 500;

/**
 * Default cap on the reference rows each training row is valued against, for `trainRows` rows:
 * REFERENCE_PAIRS / rows, at least MIN_REFERENCE (35k rows keep up to 14k validation rows; 1M
 * rows, 500).
 */
export function defaultMaxReference(trainRows: number): number {
  return Math.max(MIN_REFERENCE, Math.floor(REFERENCE_PAIRS / Math.max(1, trainRows)));
}

function fmtShare(x: number): string {
  return `${(100 * x).toPrecision(2)}%`;
}
