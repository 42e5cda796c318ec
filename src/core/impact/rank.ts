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
import { measureCellRepairs } from './cell-counterfactual';
import type { Reference } from './counterfactual';
import { applyCertainty, repairCertainty } from './cpclean-signal';
import { buildImpactData, type ImpactData } from './features';
import { gradientSignals, withModelOpinion } from './gradient-signal';
import { rowsWhere } from './holdout';
import type { ShapleyResult } from './knn-shapley';
import type { RankOptions } from './rank-options';
import { trustedLabels } from './trusted-labels';
import { valueSplits } from './value-splits';

export type { RankOptions } from './rank-options';

/** Detectors whose findings feed the cell signal (no model training: fast at any size). */
export const CELL_DETECTORS: readonly Detector[] = [
  missingDetector,
  typeMismatchDetector,
  outlierDetector,
  typoDetector,
];

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
  /** The split(s) rows were valued against, with their neighbourhoods (counterfactual re-scoring). */
  references: Reference[];
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
  // Rows the operation log excluded take no part: not valued, not a neighbour, not a reference.
  const excluded = train.excluded;
  const taking = Int32Array.from(data.trainLabels, (y, r) => (excluded[r] ? -1 : y));
  const labelled = rowsWhere(taking, (y) => y >= 0);
  const dropped = countExcluded(excluded);
  if (dropped > 0)
    notes.push(
      `${dropped} training rows are excluded by the operation log: they take no part in the ranking (not valued, never a neighbour or a reference row) and sit at its end.`,
    );
  const missing = train.rows - dropped - labelled.length;
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
  // Run side by side: when KNN-Shapley is spread over threads, this thread's part ends while
  // the others (started later) still run, and the quick model and the detectors fill that wait.
  const [valued, model, report] = await Promise.all([
    valueSplits(data, labelled, options),
    gradientSignals(data.train, taking, C, { seed: options.seed ?? 1 }).then((m) => {
      say('quick model: gradient norm and self-influence per row done');
      return m;
    }),
    runDetectors(train, { target: data.target, seed: options.seed ?? 1 }, CELL_DETECTORS).then(
      (r) => {
        say('detectors (missing, type mismatch, outliers, typos) done');
        return r;
      },
    ),
  ]);
  notes.push(...valued.notes);
  const cells = cellEvidence(
    train,
    data.spec,
    report.findings.filter((f) => f.row < 0 || !excluded[f.row]),
  );
  say('counterfactual repairs: re-scoring flagged cells and empty cells against the reference');
  const unmeasured = await measureCellRepairs(train, data, valued.references, cells);
  if (unmeasured > 0)
    notes.push(
      `${unmeasured} suggested cell repairs (those with the weakest detector evidence) were too many to re-score against the reference; they are ordered by their detector evidence alone.`,
    );
  const { certainty, unchecked } = await repairCertainty(train, data, valued.references);
  if (unchecked > 0)
    notes.push(`${unchecked} empty cells were too many to check against every plausible repair.`);
  applyCertainty(cells, certainty);
  say('label evidence: class probabilities from the reference, against clean rows of each class');
  const trust = await trustedLabels(data, taking, valued, cells, options.k ?? 10);
  notes.push(...trust.notes);
  const labels =
    options.modelOpinion === true
      ? withModelOpinion(trust.evidence, data.trainLabels, model)
      : trust.evidence;
  const flagged = cells.filter((c) => c !== null).length;
  if (flagged === 0)
    notes.push(
      'No detector flagged a cell; the order comes from the label and neighbour signals alone.',
    );
  else if (flagged === train.rows - dropped)
    notes.push('Every row has a flagged cell; the estimated impact of each repair sets the order.');
  const signals: RowSignals = {
    values: valued.shapley.values,
    labels,
    cells,
    missingTarget: Array.from(data.trainLabels, (y, r) => y < 0 && !excluded[r]),
    classes: data.classes,
    given: data.trainLabels,
    k: valued.shapley.k,
    columnNames: train.columns.map((c) => c.meta.name),
    target: data.target,
    model,
    excluded: dropped > 0 ? excluded : null,
  };
  return {
    rows: combineSignals(signals),
    notes,
    signals,
    data,
    shapley: valued.shapley,
    references: valued.references,
  };
}

function countExcluded(excluded: Uint8Array): number {
  let n = 0;
  for (const x of excluded) n += x ? 1 : 0;
  return n;
}
