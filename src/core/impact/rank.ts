/**
 * Ranks every training row by how much fixing it should win back validation accuracy: exact
 * KNN-Shapley against the validation split (or, without one, a seeded held-out part of the
 * training rows, valued both ways round so every row gets a value), label evidence read off the
 * Shapley detail, and detector evidence for cell errors. The tfjs backend is set by the caller.
 */
import { runDetectors } from '../detect/registry';
import { missingDetector } from '../detect/missing';
import { outlierDetector } from '../detect/outliers';
import { typeMismatchDetector } from '../detect/type-mismatch';
import { typoDetector } from '../detect/typos';
import type { Detector } from '../detect/types';
import { CleanroomError } from '../errors';
import type { Frame } from '../table/frame';
import { cellEvidence } from './cell-signal';
import { combineSignals, type RankedRow, type RowSignals } from './combine';
import { buildImpactData, pickRows, type ImpactData } from './features';
import { holdoutSplit, pick, rowsWhere } from './holdout';
import { knnShapley, type ShapleyResult } from './knn-shapley';
import { labelEvidence } from './label-signal';

/** Detectors whose findings feed the cell signal (no model training: fast at any size). */
export const CELL_DETECTORS: readonly Detector[] = [
  missingDetector,
  typeMismatchDetector,
  outlierDetector,
  typoDetector,
];

/** Choices for a ranking; every field has a default. */
export interface RankOptions {
  /** Neighbours of the KNN utility (default 10). */
  k?: number;
  /** Seed of the held-out split (default 1). */
  seed?: number;
  /** Share of training rows held out when there is no validation split (default 0.2). */
  holdout?: number;
  /** Told what happens, one short line at a time. */
  onProgress?: (message: string) => void;
}

/** The ranking and what the user should know about how it was made. */
export interface RankResult {
  rows: RankedRow[];
  /** Warnings and choices worth saying (held-out split, dropped validation rows, ...). */
  notes: string[];
  /** The per-row signals the order came from (an incremental re-rank rescores from them). */
  signals: RowSignals;
  /** Both splits as encoded for the neighbour signals (evidence: nearest rows, classes). */
  data: ImpactData;
  /** The KNN-Shapley detail over the whole training split. */
  shapley: ShapleyResult;
}

/** Ranks the rows of `train` for target `target`, against `val` when given. */
export async function rankRows(
  train: Frame,
  val: Frame | null,
  target: string,
  options: RankOptions = {},
): Promise<RankResult> {
  const say = options.onProgress ?? (() => {});
  const notes: string[] = [];
  const data = buildImpactData(train, val, target);
  const C = data.classes.length;
  const labelled = rowsWhere(data.trainLabels, (y) => y >= 0);
  const missing = train.rows - labelled.length;
  if (missing > 0)
    notes.push(`${missing} training rows have an empty target; they are ranked first.`);
  if (labelled.length < 2)
    throw new CleanroomError(
      'invalid-operation',
      `Only ${labelled.length} training row has a label: nothing to compare.`,
    );
  for (const [cls, count] of data.unknownValClasses)
    notes.push(
      `${count} validation rows are of class "${cls}", which the training rows lack; they are left out (no training row can ever predict it).`,
    );
  const global: ShapleyResult = {
    values: new Float64Array(train.rows).fill(NaN),
    affinity: new Float64Array(train.rows * C),
    votes: new Int32Array(train.rows * C),
    k: 0,
    m: 0,
  };
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
    await valuePart(
      data,
      labelled,
      pickRows(data.val, keep),
      pick(data.valLabels, keep),
      global,
      options,
      say,
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
    await valuePart(
      data,
      fit,
      pickRows(data.train, held),
      pick(data.trainLabels, held),
      global,
      options,
      say,
    );
    await valuePart(
      data,
      held,
      pickRows(data.train, fit),
      pick(data.trainLabels, fit),
      global,
      options,
      say,
    );
  }
  say('detectors: missing, type mismatch, outliers, typos');
  const report = await runDetectors(
    train,
    { target: data.target, seed: options.seed ?? 1 },
    CELL_DETECTORS,
  );
  const cells = cellEvidence(train, data.spec, report.findings);
  const flagged = cells.filter((c) => c !== null).length;
  if (flagged === 0)
    notes.push(
      'No detector flagged a cell; the order comes from the label and neighbour signals alone.',
    );
  else if (flagged === train.rows)
    notes.push('Every row has a flagged cell; the estimated impact of each repair sets the order.');
  const signals: RowSignals = {
    values: global.values,
    labels: labelEvidence(global, data.trainLabels, C),
    cells,
    missingTarget: Array.from(data.trainLabels, (y) => y < 0),
    classes: data.classes,
    given: data.trainLabels,
    k: global.k,
    columnNames: train.columns.map((c) => c.meta.name),
    target: data.target,
  };
  return { rows: combineSignals(signals), notes, signals, data, shapley: global };
}

async function valuePart(
  data: ImpactData,
  rows: Int32Array,
  val: ImpactData['train'],
  valLabels: Int32Array,
  into: ShapleyResult,
  options: RankOptions,
  say: (message: string) => void,
): Promise<void> {
  const C = data.classes.length;
  let last = 0;
  const part = await knnShapley(
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
}
