/**
 * Repair certainty for missing cells, after CPClean (Karlaš et al., VLDB 2021): fill a row's
 * empty cell with each plausible value (column quantiles, or its most frequent categories),
 * re-score the row against the validation rows, and count the validation predictions that differ
 * between those repairs. None: whatever the true value, no prediction it takes part in changes,
 * so the row is certainly irrelevant to accuracy; many: cleaning it can move accuracy.
 */
import type { Frame, FrameColumn } from '../table/frame';
import type { CellEvidence } from './cell-signal';
import { referenceOfRows } from './cell-counterfactual';
import { encodeRepairs, rescoreMoves, type CellRepair, type Reference } from './counterfactual';
import type { ImpactData } from './features';

/** What the repairs of a row's most consequential empty cell can do. */
export interface RepairCertainty {
  column: number;
  /** Plausible values tried. */
  candidates: number;
  /** Validation predictions that differ between some of those repairs (0 = certainly irrelevant). */
  flippable: number;
}

const QUANTILES = [0.1, 0.3, 0.5, 0.7, 0.9];
const TOP_CATEGORIES = 5;
/**
 * Upper bound on (repairs tried × validation rows): beyond it, rows are left unchecked (null).
 * At 1M rows, 3e8 made this check and the cell counterfactuals together take 33 s; 1e8 keeps it to
 * seconds (each repair costs a distance row and a pass over the reference's neighbourhoods).
 */
const MAX_WORK = 1e8;

/** Plausible values of a column: its quantiles (numbers) or most frequent values (text). */
export function plausibleValues(column: FrameColumn): (number | string)[] {
  if (column.kind === 'number') {
    // A typed sort (numeric, no comparator calls): a million values in well under a second.
    const xs = Float64Array.from(column.values)
      .filter((v) => Number.isFinite(v))
      .sort();
    if (xs.length === 0) return [];
    return [...new Set(QUANTILES.map((q) => xs[Math.round(q * (xs.length - 1))]))];
  }
  const counts = new Map<string, number>();
  for (const v of column.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_CATEGORIES)
    .map(([v]) => v);
}

/** Per training row with an empty feature cell, its repair certainty (null elsewhere). */
export async function repairCertainty(
  frame: Frame,
  data: ImpactData,
  references: readonly Reference[],
): Promise<{ certainty: (RepairCertainty | null)[]; unchecked: number }> {
  const certainty: (RepairCertainty | null)[] = new Array(frame.rows).fill(null);
  const features = new Set(data.spec.features.map((f) => f.column));
  const refOf = referenceOfRows(frame.rows, references);
  const cells: { row: number; column: number; values: (number | string)[] }[] = [];
  frame.columns.forEach((column, c) => {
    if (!features.has(column.meta.name)) return;
    let values: (number | string)[] | null = null;
    for (let r = 0; r < frame.rows; r++) {
      const v = column.values[r];
      const empty = v === null || (typeof v === 'number' && Number.isNaN(v));
      if (!empty || refOf[r] < 0 || data.trainLabels[r] < 0) continue;
      values ??= plausibleValues(column);
      if (values.length > 1) cells.push({ row: r, column: c, values });
    }
  });
  let work = 0;
  let unchecked = 0;
  const checked = cells.filter((cell) => {
    work += cell.values.length * references[refOf[cell.row]].val.rows;
    if (work > MAX_WORK) unchecked++;
    return work <= MAX_WORK;
  });
  for (let i = 0; i < references.length; i++) {
    const mine = checked.filter((cell) => refOf[cell.row] === i);
    // Every repair of every cell in one pass: one distance product per block of repairs.
    const repairs: CellRepair[] = mine.flatMap((cell) =>
      cell.values.map((value) => ({ row: cell.row, column: cell.column, value })),
    );
    const effects = await rescoreMoves(
      references[i],
      data.trainLabels,
      data.classes.length,
      encodeRepairs(frame, data.spec, repairs),
    );
    let at = 0;
    for (const cell of mine) {
      const own = effects.slice(at, (at += cell.values.length));
      const flippable = countFlippable(own.map((e) => e.changed));
      const current = certainty[cell.row];
      if (!current || flippable > current.flippable)
        certainty[cell.row] = { column: cell.column, candidates: own.length, flippable };
    }
  }
  return { certainty, unchecked };
}

/**
 * Validation points whose prediction differs between repairs. `changed[i]` maps the points repair
 * i moves to their new class; a point a repair leaves alone keeps the current prediction, which
 * differs from any moved one.
 */
export function countFlippable(changed: readonly Map<number, number>[]): number {
  const points = new Set<number>();
  for (const m of changed) for (const j of m.keys()) points.add(j);
  let flippable = 0;
  for (const j of points) {
    const outcomes = new Set(changed.map((m) => m.get(j) ?? -1));
    if (outcomes.size > 1) flippable++;
  }
  return flippable;
}

/**
 * Applies the certainty to evidence about empty cells: a row no repair matters for drops its cell
 * evidence; otherwise its impact rises with the predictions a repair can flip.
 */
export function applyCertainty(
  cells: (CellEvidence | null)[],
  certainty: readonly (RepairCertainty | null)[],
): void {
  cells.forEach((c, r) => {
    const cert = certainty[r];
    if (!c || !cert || c.finding.detector !== 'missing') return;
    c.flippable = cert.flippable;
    c.candidates = cert.candidates;
    if (cert.flippable === 0) cells[r] = null;
    else c.gain = Math.min(1, c.gain * (1 + Math.log2(1 + cert.flippable)));
  });
}
