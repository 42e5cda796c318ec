/**
 * Cell-error evidence from the detectors (sentinels, unit errors, typos, disguised and plain
 * missing values, type mismatches), which neighbour values alone miss. The impact of a fix is a
 * counterfactual: how far the suggested repair moves the cell, in the column's robust units; a
 * value 1000× too large drags every scaled or linear model, a typo or an empty cell barely moves.
 */
import type { Finding } from '../detect/types';
import type { Frame } from '../table/frame';
import type { Preprocessing } from '../train/preprocessing';

/** Detectors whose findings name a repairable cell. */
export const CELL_DETECTOR_NAMES = new Set([
  'missing',
  'disguised-missing',
  'unit-error',
  'outlier',
  'typo',
  'type-mismatch',
]);

/** The strongest cell evidence of one row. */
export interface CellEvidence {
  /** The detector's confidence that the cell is wrong, 0..1. */
  pWrong: number;
  /** Estimated impact of the repair, 0..1 (log-scaled shift in robust units). */
  gain: number;
  /** How far the repair moves the cell, in robust units (interquartile ranges). */
  shift: number;
  /** False where the dirty value is empty or unparsable, or no repair is suggested: `shift` is then the typical one. */
  measured: boolean;
  /** True where the column is categorical (text): a repair changes its category, not its size. */
  categorical?: boolean;
  /** Estimated validation-accuracy gain of the repair (fraction), where a counterfactual measured it. */
  accuracyGain?: number;
  /** Empty cells: validation predictions some plausible repair flips (CPClean check), and repairs tried. */
  flippable?: number;
  candidates?: number;
  finding: Finding;
}

/** Impact of moving a cell by `shift` robust units: 0.15 at 1, 0.5 at 10, 1 from 100 on. */
export function shiftGain(shift: number): number {
  return Math.min(1, Math.log10(1 + shift) / 2);
}

/** Per row, the cell finding with the highest pWrong × gain (null for rows without one). */
export function cellEvidence(
  frame: Frame,
  spec: Preprocessing,
  findings: readonly Finding[],
): (CellEvidence | null)[] {
  const out: (CellEvidence | null)[] = new Array(frame.rows).fill(null);
  const numeric = new Map<string, { median: number; scale: number }>();
  const categorical = new Set<string>();
  for (const f of spec.features)
    if (f.kind === 'numeric') numeric.set(f.column, f);
    else categorical.add(f.column);
  for (const f of findings) {
    if (f.row < 0 || f.column === null || !CELL_DETECTOR_NAMES.has(f.detector)) continue;
    const column = frame.columns[f.column];
    const feature = numeric.get(column.meta.name);
    let shift = 1;
    let measured = false;
    if (feature && column.kind === 'number') {
      const dirty = column.values[f.row];
      const op = f.suggestion;
      const repaired =
        op?.kind === 'set-cell' && op.value !== null && Number.isFinite(Number(op.value))
          ? Number(op.value)
          : feature.median;
      // An empty or unparsable cell is imputed by any model, and a finding without a suggested
      // repair (a plain outlier, often a real extreme value) has no counterfactual to measure: in
      // both cases count the typical distance of a value from the median (about one robust unit).
      if (Number.isFinite(dirty) && op !== null) {
        shift = Math.abs(dirty - repaired) / (feature.scale || 1);
        measured = true;
      }
    }
    const e: CellEvidence = {
      pWrong: f.score,
      gain: shiftGain(shift),
      shift,
      measured,
      finding: f,
    };
    if (column.kind === 'string' || categorical.has(column.meta.name)) e.categorical = true;
    const current = out[f.row];
    if (!current || e.pWrong * e.gain > current.pWrong * current.gain) out[f.row] = e;
  }
  return out;
}
