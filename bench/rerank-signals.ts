/**
 * Synthetic ranking signals of any size, shaped like rankRows' output (label evidence on some
 * rows, detector evidence on others, a few empty targets), for the re-rank bench and the
 * incremental re-rank tests. Seeded: the same size and seed give the same signals.
 */
import type { Operation } from '../src/core/clean/operations';
import type { CellEvidence } from '../src/core/impact/cell-signal';
import type { RowSignals } from '../src/core/impact/combine';
import type { ShapleyResult } from '../src/core/impact/knn-shapley';
import type { LabelEvidence } from '../src/core/impact/label-signal';
import { seededRandom } from '../src/core/stats/rng';

export const DETECTORS = ['outlier', 'typo', 'missing', 'disguised-missing'];
/** Feature columns 0..COLUMNS-1; the target is column COLUMNS. */
export const COLUMNS = 6;

export interface SyntheticRanking {
  signals: RowSignals;
  shapley: ShapleyResult;
}

export function syntheticSignals(n: number, seed = 1, classes = 4): SyntheticRanking {
  const random = seededRandom(seed);
  const pickInt = (m: number) => Math.floor(random() * m);
  const given = Int32Array.from({ length: n }, () => pickInt(classes));
  const missingTarget = Array.from({ length: n }, () => random() < 0.005);
  missingTarget.forEach((m, r) => m && (given[r] = -1));
  const affinity = Float64Array.from({ length: n * classes }, () => random() / n);
  const votes = Int32Array.from({ length: n * classes }, () => pickInt(6));
  const values = Float64Array.from({ length: n }, () => (random() - 0.55) / n);
  const labels = Array.from(given, (y, r): LabelEvidence | null => {
    if (y < 0) return null;
    let best = y;
    for (let c = 0; c < classes; c++)
      if (affinity[r * classes + c] > affinity[r * classes + best]) best = c;
    return {
      suggested: best,
      pWrong: random(),
      gain: affinity[r * classes + best] - affinity[r * classes + y],
      voters: 10,
      agreeing: 4,
      forSuggested: 5,
    };
  });
  const cells = Array.from({ length: n }, (_, r): CellEvidence | null => {
    if (random() > 0.15) return null;
    const column = pickInt(COLUMNS);
    const suggestion: Operation = { kind: 'set-cell', row: r, column, value: String(pickInt(9)) };
    const gain = random();
    return {
      pWrong: random(),
      gain,
      shift: gain * 10,
      measured: random() < 0.8,
      accuracyGain: random() < 0.5 ? gain / n : undefined,
      finding: {
        row: r,
        column,
        detector: DETECTORS[pickInt(DETECTORS.length)],
        score: random(),
        reason: 'synthetic flag',
        suggestion,
      },
    };
  });
  const signals: RowSignals = {
    values,
    labels,
    cells,
    missingTarget,
    classes: Array.from({ length: classes }, (_, c) => `class${c}`),
    given,
    k: 10,
    columnNames: Array.from({ length: COLUMNS + 1 }, (_, c) => (c < COLUMNS ? `f${c}` : 'y')),
    target: COLUMNS,
  };
  // The nearest-row detail (present in newer ShapleyResults) is not needed by the re-rank.
  const shapley = {
    values,
    affinity,
    votes,
    k: 10,
    m: 100,
    nearest: new Int32Array(0),
    nearestDist: new Float32Array(0),
  } as ShapleyResult;
  return { signals, shapley };
}

/** A seeded stream of single user fixes on random rows, as logged operations from `seq` on. */
export function syntheticFix(
  s: RowSignals,
  random: () => number,
): Exclude<Operation, { kind: 'revert' }> {
  const n = s.values.length;
  const row = Math.floor(random() * n);
  const kind = Math.floor(random() * 5);
  const cell = s.cells[row];
  if (kind === 0 && s.labels[row])
    return { kind: 'relabel', row, column: s.target, value: s.classes[s.labels[row]!.suggested] };
  if (kind === 1 && cell?.finding.column != null)
    return { kind: 'set-cell', row, column: cell.finding.column, value: '1' };
  if (kind === 2) return { kind: 'exclude-row', row };
  if (kind === 3) return { kind: 'relabel', row, column: s.target, value: s.classes[0] };
  return { kind: 'mark-reviewed', row };
}
