/**
 * The priority of a row: P(wrong) × estimated gain, taking the strongest of its signals, with one
 * sentence saying why. Rows without evidence follow, most harmful KNN-Shapley value first, so the
 * order covers every row and still means something past the flagged ones.
 */
import type { Operation } from '../clean/operations';
import type { CellEvidence } from './cell-signal';
import type { ModelEvidence } from './gradient-signal';
import type { LabelEvidence } from './label-signal';

/** Everything known about the rows of the training split. */
export interface RowSignals {
  /** KNN-Shapley value per row (NaN where the row could not be valued). */
  values: Float64Array;
  labels: (LabelEvidence | null)[];
  cells: (CellEvidence | null)[];
  /** True where the target cell is empty. */
  missingTarget: boolean[];
  classes: string[];
  /** The row's own label (class code, -1 when missing). */
  given: Int32Array;
  k: number;
  columnNames: string[];
  /** Index of the target column (relabel suggestions name it). */
  target: number;
  /** Gradient norm and self-influence of a quick model, per row (absent when it was not trained). */
  model?: ModelEvidence | null;
  /** 1 where the operation log excluded the row before ranking: it takes no part (absent: none). */
  excluded?: Uint8Array | null;
}

/** Which signal decided a row's place. */
export type RankKind = 'missing-target' | 'label' | 'cell' | 'none';

/** One line of the ranking. */
export interface RankedRow {
  row: number;
  score: number;
  reason: string;
  kind: RankKind;
  /**
   * Estimated validation-accuracy gain of the suggested fix, as a fraction (0.004 = 0.4 points);
   * 0 where no estimate in accuracy units exists.
   */
  gain: number;
  /** Column the evidence is about (the target for label evidence), or null. */
  column: number | null;
  /** The suggested repair, or null. */
  suggestion: Operation | null;
  /** The row's KNN-Shapley value (0 where it could not be valued): ties break on it. */
  value: number;
  /** True for a row excluded before ranking: it sorts after every other row. */
  excluded?: boolean;
}

// Relabel gains (in Shapley-value units) below this are rounding noise, not evidence.
const MIN_GAIN = 1e-9;

/**
 * The scale relabel gains are divided by: a high quantile of them, so the top label fixes compare
 * with cell fixes (whose gain is already 0..1).
 */
export function labelGainScale(s: RowSignals): number {
  const gains = s.labels
    .map((l) => l?.gain ?? 0)
    .filter((g) => g > MIN_GAIN)
    .sort((a, b) => a - b);
  return gains.length ? gains[Math.floor(0.95 * (gains.length - 1))] : 1;
}

/** Scores row `r` from its signals; `gainScale` comes from labelGainScale. */
export function scoreRow(s: RowSignals, r: number, gainScale: number): RankedRow {
  const value = Number.isNaN(s.values[r]) ? 0 : s.values[r];
  if (s.excluded?.[r])
    return {
      row: r,
      value: 0,
      score: 0,
      kind: 'none',
      gain: 0,
      column: null,
      suggestion: null,
      excluded: true,
      reason:
        'excluded by the operation log: it takes no part in the ranking (not valued, never a neighbour or a reference row)',
    };
  if (s.missingTarget[r])
    return {
      row: r,
      value,
      score: 1,
      kind: 'missing-target',
      gain: 0,
      column: s.target,
      suggestion: null,
      reason: 'the target is empty: the row cannot teach anything until it is labelled',
    };
  let best: RankedRow = {
    row: r,
    value,
    score: 0,
    kind: 'none',
    gain: 0,
    column: null,
    suggestion: null,
    reason: `no detector flag, and its label agrees with the validation rows around it; KNN-Shapley value ${fmtValue(value)}`,
  };
  const l = s.labels[r];
  // Label-trust evidence counts only where it raises the doubt above the class's base rate: a
  // posterior is never 0, and calling every row flagged would say nothing on clean data.
  if (l && l.impact !== undefined) {
    if ((l.doubtful !== false || l.relabel === true) && l.pWrong > 0)
      // Label-trust evidence: P(mislabelled) weighed by what the relabel would do to validation
      // accuracy and balanced accuracy; a relabel only where it is proposed, else review.
      best = {
        ...best,
        score: l.pWrong * (0.5 + 0.5 * l.impact),
        kind: 'label',
        gain: l.gain,
        column: s.target,
        suggestion: l.relabel
          ? { kind: 'relabel', row: r, column: s.target, value: s.classes[l.suggested] }
          : null,
        reason: trustReason(s, r, l),
      };
  } else if (l && l.gain > MIN_GAIN)
    best = {
      ...best,
      score: l.pWrong * Math.min(1, l.gain / gainScale),
      kind: 'label',
      gain: l.gain,
      column: s.target,
      suggestion: { kind: 'relabel', row: r, column: s.target, value: s.classes[l.suggested] },
      reason: labelReason(s, r, l),
    };
  const c = s.cells[r];
  if (c && c.pWrong * c.gain > best.score) {
    const column = c.finding.column === null ? '' : s.columnNames[c.finding.column];
    const moves = cellMove(c, column);
    best = {
      ...best,
      score: c.pWrong * c.gain,
      kind: 'cell',
      gain: c.accuracyGain ?? 0,
      column: c.finding.column,
      suggestion: rowRepair(c.finding.suggestion, r),
      reason: `${c.finding.reason.replace(/\.$/, '')}; ${moves} (estimated impact ${c.gain.toFixed(2)})${cellOutcome(c)}`,
    };
  }
  return best;
}

/**
 * Most valuable fix first; ties go to the most harmful KNN-Shapley value, then the row. Rows
 * excluded before ranking come last.
 */
export function compareRanked(a: RankedRow, b: RankedRow): number {
  return (
    Number(a.excluded ?? false) - Number(b.excluded ?? false) ||
    b.score - a.score ||
    a.value - b.value ||
    a.row - b.row
  );
}

/**
 * A detector's suggestion as a change to this row alone (what Accept applies and the ranking line
 * says): a column-wide fix becomes the same fix of this one cell; anything else stays as it is.
 */
export function rowRepair(op: Operation | null, r: number): Operation | null {
  if (op?.kind !== 'column-transform') return op;
  const t = op.transform;
  if (t.kind === 'replace-with-missing')
    return { kind: 'set-cell', row: r, column: op.column, value: null };
  if (t.kind === 'impute') return { kind: 'set-cell', row: r, column: op.column, value: t.value };
  if (t.kind === 'map-categories' && t.mapping.length === 1)
    return { kind: 'set-cell', row: r, column: op.column, value: t.mapping[0][1] };
  return null;
}

/** What repairing the cell does to its value, in words that fit the column's kind. */
function cellMove(c: CellEvidence, column: string): string {
  if (c.categorical)
    return c.finding.suggestion
      ? `repairing ${column} changes its category`
      : `the true ${column} is unknown; a repair gives it one of the column's categories`;
  return c.measured
    ? `repairing ${column} moves it by ${fmtShift(c.shift)} interquartile ranges`
    : `the true ${column} is unknown; a repair typically moves it by about one interquartile range`;
}

/** Orders every row, most valuable fix first. */
export function combineSignals(s: RowSignals): RankedRow[] {
  const scale = labelGainScale(s);
  const rows: RankedRow[] = [];
  for (let r = 0; r < s.values.length; r++) rows.push(scoreRow(s, r, scale));
  return rows.sort(compareRanked);
}

function labelReason(s: RowSignals, r: number, l: LabelEvidence): string {
  const own = s.classes[s.given[r]];
  const to = s.classes[l.suggested];
  const points = `relabelling it "${to}" is estimated to add ${fmtPoints(100 * l.gain)} points of validation accuracy (exact KNN-Shapley)`;
  const against = l.voters - l.agreeing;
  const model = modelSays(s, r, l.suggested);
  if (against > l.agreeing)
    return `label "${own}" disagrees with ${against} of the ${l.voters} validation rows that have it among their ${s.k} nearest (${l.forSuggested} say "${to}"); ${points}${model}`;
  // Few or no validation rows count it among their K nearest: the weight of those further away
  // (1/rank each) is what leans toward another class.
  return `label "${own}" is backed by few validation rows (${l.agreeing} of the ${l.voters} that have it among their ${s.k} nearest), and the rows around it lean toward "${to}"; ${points}${model}`;
}

/** Why a row's label is doubted, and whether a relabel is proposed or left for review. */
function trustReason(s: RowSignals, r: number, l: LabelEvidence): string {
  const own = s.classes[s.given[r]];
  const to = s.classes[l.suggested];
  const k = s.k || 10;
  const pct = (p: number | undefined) => fmtPercent(p ?? 0);
  const odds = `its nearest reference rows give "${own}" ${pct(l.pGiven)} and "${to}" ${pct(l.pSuggested)}; judged against the classes' shares and how much clean rows of "${own}" already disagree with their neighbours, P(mislabelled) ≈ ${pct(l.pWrong)}`;
  const gain = `relabelling it "${to}" is estimated to add ${fmtPoints(100 * l.gain)} points of validation accuracy and ${fmtPoints(100 * (l.balancedGain ?? 0))} of balanced accuracy (exact KNN-Shapley, K=${k})`;
  const model = modelSays(s, r, l.suggested);
  return l.relabel
    ? `label "${own}" is likely wrong: ${odds}; ${gain}${model}`
    : `review the label "${own}": ${odds}, not enough to propose a relabel beyond what class overlap and imbalance explain; ${gain}${model}`;
}

/** The quick model's second opinion, where it has one on the suggested class. */
function modelSays(s: RowSignals, r: number, suggested: number): string {
  const m = s.model;
  if (!m || m.predicted[r] !== suggested || Number.isNaN(m.pGiven[r])) return '';
  return `; a quick softmax model agrees (it gives the row's label ${fmtPercent(m.pGiven[r])}, gradient norm ${m.gradNorm[r].toPrecision(2)})`;
}

function fmtPercent(p: number): string {
  return `${(100 * p).toFixed(p < 0.01 ? 1 : 0)}%`;
}

/** What re-scoring with the repair, or with every plausible value of an empty cell, showed. */
function cellOutcome(c: CellEvidence): string {
  const parts: string[] = [];
  if (c.flippable !== undefined)
    parts.push(
      `depending on its true value, ${c.flippable} validation prediction${c.flippable === 1 ? '' : 's'} can change (${c.candidates} plausible values tried)`,
    );
  if (c.accuracyGain !== undefined && c.accuracyGain !== 0)
    parts.push(
      `re-scored with the repair, validation accuracy of the nearest-neighbour estimate ${c.accuracyGain > 0 ? 'rises' : 'falls'} by ${fmtPoints(100 * Math.abs(c.accuracyGain))} points`,
    );
  else if (c.accuracyGain === 0)
    parts.push('re-scored with the repair, no validation neighbourhood it belongs to changes');
  return parts.length ? `; ${parts.join('; ')}` : '';
}

function fmtPoints(x: number): string {
  return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}

function fmtShift(x: number): string {
  return x >= 10 ? String(Math.round(x)) : x.toFixed(1);
}

function fmtValue(x: number): string {
  return x === 0 ? '0' : x.toExponential(2);
}
