/**
 * The accuracy a cell repair wins back, by counterfactual: the row is re-encoded with the
 * suggested value and re-scored against the validation rows it is near (see counterfactual.ts).
 * The estimate is in KNN-utility units (a fraction of validation accuracy), the unit of the
 * relabel gains, so cell and label fixes can be told in the same words.
 */
import type { Finding } from '../detect/types';
import type { Frame } from '../table/frame';
import type { CellEvidence } from './cell-signal';
import { encodeRepairs, rescoreMoves, type CellRepair, type Reference } from './counterfactual';
import type { ImpactData } from './features';

/** The cell value a finding's suggestion would write (null = empty), or null when it has none. */
export function repairOf(f: Finding): CellRepair | null {
  const op = f.suggestion;
  if (!op || f.row < 0 || f.column === null) return null;
  const at = { row: f.row, column: f.column };
  if (op.kind === 'set-cell') return { ...at, value: op.value };
  if (op.kind !== 'column-transform') return null;
  const t = op.transform;
  if (t.kind === 'impute') return { ...at, value: t.value };
  if (t.kind === 'replace-with-missing') return { ...at, value: null };
  if (t.kind === 'map-categories') return { ...at, value: t.mapping[0]?.[1] ?? null };
  return null;
}

/** Per training row, the reference it was valued against (-1 where none). */
export function referenceOfRows(rows: number, references: readonly Reference[]): Int32Array {
  const of = new Int32Array(rows).fill(-1);
  references.forEach((ref, i) => ref.rows.forEach((r) => (of[r] = i)));
  return of;
}

/**
 * Upper bound on (repairs re-scored × reference rows): at 1M rows nearly every row can carry a
 * flagged cell, and re-scoring all of them cost as much as the KNN-Shapley pass itself.
 */
const MAX_REPAIR_WORK = 1e8;

/**
 * Sets `accuracyGain` on the cell evidence whose finding suggests a repair, strongest evidence
 * (pWrong × gain) first, within MAX_REPAIR_WORK; returns how many were left unmeasured.
 */
export async function measureCellRepairs(
  frame: Frame,
  data: ImpactData,
  references: readonly Reference[],
  cells: (CellEvidence | null)[],
): Promise<number> {
  const refOf = referenceOfRows(frame.rows, references);
  const candidates: { c: CellEvidence; repair: CellRepair }[] = [];
  for (const c of cells) {
    const repair = c ? repairOf(c.finding) : null;
    if (c && repair && refOf[repair.row] >= 0) candidates.push({ c, repair });
  }
  let work = 0;
  const measured = candidates
    .sort((a, b) => b.c.pWrong * b.c.gain - a.c.pWrong * a.c.gain || a.repair.row - b.repair.row)
    .filter((p) => (work += references[refOf[p.repair.row]].val.rows) <= MAX_REPAIR_WORK);
  for (let i = 0; i < references.length; i++) {
    const picked = measured
      .filter((p) => refOf[p.repair.row] === i)
      .sort((a, b) => a.repair.row - b.repair.row);
    const effects = await rescoreMoves(
      references[i],
      data.trainLabels,
      data.classes.length,
      encodeRepairs(
        frame,
        data.spec,
        picked.map((p) => p.repair),
      ),
    );
    picked.forEach((p, q) => (p.c.accuracyGain = effects[q].utility));
  }
  return candidates.length - measured.length;
}
