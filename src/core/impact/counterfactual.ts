/**
 * Counterfactual re-scoring: move one training row to new features (a repaired cell, re-encoded
 * with the training pipeline) and see what changes for the validation KNN it takes part in.
 * Each validation point keeps its K + 1 nearest training rows from the Shapley pass, so whether
 * the moved row enters or leaves a point's K nearest, and what that point then predicts, is known
 * from one distance per validation point, without re-sorting anything.
 */
import type { Frame } from '../table/frame';
import type { Preprocessing } from '../train/preprocessing';
import { transformRecords, type InputRecord } from '../train/transform-records';
import { forEachDistanceBlock, type Matrix } from './distances';

/** A split the training rows were valued against, with its neighbourhoods. */
export interface Reference {
  val: Matrix;
  valLabels: Int32Array;
  /**
   * Rows of the reference in their own frame (validation rows, or training rows for a held-out
   * part), one per row of `val`; absent when they are rows 0..n-1.
   */
  source?: Int32Array;
  /** Training rows (global indices) valued against this reference. */
  rows: Int32Array;
  /** K + 1 nearest training rows (global indices, nearest first, -1 = none) per validation point. */
  nearest: Int32Array;
  nearestDist: Float32Array;
  k: number;
}

/** One training row at a new position in feature space. */
export interface Move {
  row: number;
  /** The row's features after the change (the training pipeline's encoding). */
  x: Float32Array;
}

/** What a move does to the validation KNN. */
export interface MoveEffect {
  /**
   * Change of the KNN utility (mean over validation points of the share of the K nearest with the
   * point's class): a fraction of validation accuracy, the unit KNN-Shapley values sum to.
   */
  utility: number;
  /** Validation points (indices into the reference) whose majority prediction changes, and to what. */
  changed: Map<number, number>;
}

/** Effects of each move on `ref`; `labels` are the training rows' class codes. */
export async function rescoreMoves(
  ref: Reference,
  labels: Int32Array,
  classes: number,
  moves: readonly Move[],
): Promise<MoveEffect[]> {
  const effects: MoveEffect[] = moves.map(() => ({ utility: 0, changed: new Map() }));
  if (moves.length === 0 || ref.val.rows === 0) return effects;
  const width = ref.val.width;
  const query: Matrix = { x: new Float32Array(moves.length * width), rows: moves.length, width };
  moves.forEach((m, q) => query.x.set(m.x, q * width));
  const m = ref.val.rows;
  const counts = new Int32Array(classes);
  const depth = ref.k + 1;
  const valued = ref.valLabels.filter((y) => y >= 0).length;
  const agrees = (r: number, y: number) => (r >= 0 && labels[r] === y ? 1 : 0);
  const index = placesOf(ref);
  // posInList[j]: the moving row's place in validation point j's list (-1 = not in it).
  const posInList = new Int16Array(m).fill(-1);
  await forEachDistanceBlock(query, ref.val, (start, count, d) => {
    for (let q = 0; q < count; q++) {
      const { row } = moves[start + q];
      const effect = effects[start + q];
      const places = index.places.subarray(index.start[row], index.start[row + 1]);
      for (const p of places) posInList[Math.floor(p / depth)] = p % depth;
      for (let j = 0; j < m; j++) {
        const y = ref.valLabels[j];
        if (y < 0) continue;
        const delta = neighbourhoodChange(ref, labels, row, j, posInList[j], d[q * m + j]);
        if (!delta) continue;
        effect.utility += (agrees(delta.entering, y) - agrees(delta.leaving, y)) / ref.k;
        const before = majority(ref, labels, j, -1, -1, counts);
        const after = majority(ref, labels, j, delta.leaving, delta.entering, counts);
        if (after !== before) effect.changed.set(j, after);
      }
      for (const p of places) posInList[Math.floor(p / depth)] = -1;
      effect.utility /= Math.max(1, valued);
    }
  });
  return effects;
}

/** For each training row, the places (j * (K + 1) + t) it holds in the neighbourhood lists. */
interface Places {
  start: Int32Array;
  places: Int32Array;
}

const placesCache = new WeakMap<Reference, Places>();

function placesOf(ref: Reference): Places {
  const cached = placesCache.get(ref);
  if (cached) return cached;
  let rows = 0;
  for (const r of ref.nearest) rows = Math.max(rows, r + 1);
  for (const r of ref.rows) rows = Math.max(rows, r + 1);
  const start = new Int32Array(rows + 1);
  for (const r of ref.nearest) if (r >= 0) start[r + 1]++;
  for (let r = 0; r < rows; r++) start[r + 1] += start[r];
  const fill = start.slice(0, rows);
  const places = new Int32Array(start[rows]);
  ref.nearest.forEach((r, p) => {
    if (r >= 0) places[fill[r]++] = p;
  });
  const out = { start, places };
  placesCache.set(ref, out);
  return out;
}

/**
 * Which row leaves and which enters validation point j's K nearest when `row` moves to squared
 * distance `dist` from it (`pos`: its place in j's list, -1 when not in it; -1 for "none" when
 * fewer than K + 1 rows exist); null when nothing changes. Ties go to the lower row index, as in the sort.
 */
function neighbourhoodChange(
  ref: Reference,
  labels: Int32Array,
  row: number,
  j: number,
  pos: number,
  dist: number,
): { leaving: number; entering: number } | null {
  const base = j * (ref.k + 1);
  const wasIn = pos >= 0 && pos < ref.k;
  // The K-th nearest of the other rows: one further down when the row itself is among the K.
  const edge = wasIn ? ref.k : ref.k - 1;
  const edgeRow = ref.nearest[base + edge];
  const edgeDist = ref.nearestDist[base + edge];
  const isIn = edgeRow < 0 || dist < edgeDist || (dist === edgeDist && row < edgeRow);
  if (wasIn === isIn || labels[row] < 0) return null;
  return wasIn ? { leaving: row, entering: edgeRow } : { leaving: edgeRow, entering: row };
}

/**
 * Majority class of validation point j's K nearest, with `leaving` swapped for `entering`; ties go
 * to the class reached first in distance order (the entering row counts last: it sits at the edge).
 */
function majority(
  ref: Reference,
  labels: Int32Array,
  j: number,
  leaving: number,
  entering: number,
  counts: Int32Array,
): number {
  counts.fill(0);
  const depth = ref.k + 1;
  let best = -1;
  const vote = (r: number) => {
    if (r < 0 || labels[r] < 0) return;
    const c = labels[r];
    counts[c]++;
    if (best < 0 || counts[c] > counts[best]) best = c;
  };
  // The entering row takes the last of the K places.
  const others = ref.k - (entering >= 0 ? 1 : 0);
  let taken = 0;
  for (let t = 0; t < depth && taken < others; t++) {
    const r = ref.nearest[j * depth + t];
    if (r < 0) break;
    if (r === leaving || r === entering) continue;
    vote(r);
    taken++;
  }
  vote(entering);
  return best;
}

/** A cell of a training row set to a new value (null = empty). */
export interface CellRepair {
  row: number;
  column: number;
  value: string | number | null;
}

/** Each repaired row encoded by the training pipeline, as moves. */
export function encodeRepairs(
  frame: Frame,
  spec: Preprocessing,
  repairs: readonly CellRepair[],
): Move[] {
  if (repairs.length === 0) return [];
  const records = repairs.map((repair) => {
    const record: InputRecord = {};
    frame.columns.forEach((column, c) => {
      const v = c === repair.column ? repair.value : column.values[repair.row];
      record[column.meta.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
    });
    return record;
  });
  const t = transformRecords(spec, records);
  return repairs.map((repair, i) => ({
    row: repair.row,
    x: t.x.slice(i * t.width, (i + 1) * t.width),
  }));
}
