/**
 * The priority of a row: P(wrong) × estimated gain, taking the strongest of its signals, with one
 * sentence saying why. Rows without evidence follow, most harmful KNN-Shapley value first, so the
 * order covers every row and still means something past the flagged ones.
 */
import type { CellEvidence } from './cell-signal';
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
}

/** One line of the ranking. */
export interface RankedRow {
  row: number;
  score: number;
  reason: string;
}

// Relabel gains (in Shapley-value units) below this are rounding noise, not evidence.
const MIN_GAIN = 1e-9;

/** Orders every row, most valuable fix first. */
export function combineSignals(s: RowSignals): RankedRow[] {
  const n = s.values.length;
  const gains = s.labels
    .map((l) => l?.gain ?? 0)
    .filter((g) => g > MIN_GAIN)
    .sort((a, b) => a - b);
  // Relabel gains are scaled by a high quantile so the top label fixes compare with cell fixes.
  const gainRef = gains.length ? gains[Math.floor(0.95 * (gains.length - 1))] : 1;
  const rows: (RankedRow & { value: number })[] = [];
  for (let r = 0; r < n; r++) {
    const value = Number.isNaN(s.values[r]) ? 0 : s.values[r];
    if (s.missingTarget[r]) {
      rows.push({
        row: r,
        value,
        score: 1,
        reason: 'the target is empty: the row cannot teach anything until it is labelled',
      });
      continue;
    }
    let score = 0;
    let reason = `no detector flag, and its label agrees with the validation rows around it; KNN-Shapley value ${fmtValue(value)}`;
    const l = s.labels[r];
    if (l && l.gain > MIN_GAIN) {
      score = l.pWrong * Math.min(1, l.gain / gainRef);
      reason = labelReason(s, r, l);
    }
    const c = s.cells[r];
    if (c && c.pWrong * c.gain > score) {
      score = c.pWrong * c.gain;
      const column = c.finding.column === null ? '' : s.columnNames[c.finding.column];
      const moves = c.measured
        ? `repairing ${column} moves it by ${fmtShift(c.shift)} interquartile ranges`
        : `the true ${column} is unknown; a repair typically moves it by about one interquartile range`;
      reason = `${c.finding.reason.replace(/\.$/, '')}; ${moves} (estimated impact ${c.gain.toFixed(2)})`;
    }
    rows.push({ row: r, value, score, reason });
  }
  rows.sort((a, b) => b.score - a.score || a.value - b.value || a.row - b.row);
  return rows.map(({ row, score, reason }) => ({ row, score, reason }));
}

function labelReason(s: RowSignals, r: number, l: LabelEvidence): string {
  const own = s.classes[s.given[r]];
  const to = s.classes[l.suggested];
  const points = `relabelling it "${to}" is estimated to add ${fmtPoints(100 * l.gain)} points of validation accuracy (exact KNN-Shapley)`;
  const against = l.voters - l.agreeing;
  if (against > l.agreeing)
    return `label "${own}" disagrees with ${against} of the ${l.voters} validation rows that have it among their ${s.k} nearest (${l.forSuggested} say "${to}"); ${points}`;
  // Few or no validation rows count it among their K nearest: the weight of those further away
  // (1/rank each) is what leans toward another class.
  return `label "${own}" is backed by few validation rows (${l.agreeing} of the ${l.voters} that have it among their ${s.k} nearest), and the rows around it lean toward "${to}"; ${points}`;
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
