/** Row selections for the ranking: labelled rows, and the seeded held-out split used without a validation file. */
import { seededRandom, shuffleInPlace } from '../stats/rng';

/** Indices where `ok(label)` holds. */
export function rowsWhere(labels: Int32Array, ok: (y: number) => boolean): Int32Array {
  const out: number[] = [];
  labels.forEach((y, i) => ok(y) && out.push(i));
  return Int32Array.from(out);
}

/** The labels of `rows`. */
export function pick(labels: Int32Array, rows: Int32Array): Int32Array {
  return Int32Array.from(rows, (r) => labels[r]);
}

/** Stratified, seeded split of `rows` into [kept, held out]; at least one row on each side. */
export function holdoutSplit(
  labels: Int32Array,
  rows: Int32Array,
  share: number,
  seed: number,
): [Int32Array, Int32Array] {
  const random = seededRandom(seed);
  const byClass = new Map<number, number[]>();
  for (const r of rows) {
    const members = byClass.get(labels[r]);
    if (members) members.push(r);
    else byClass.set(labels[r], [r]);
  }
  const held: number[] = [];
  const kept: number[] = [];
  for (const members of byClass.values()) {
    shuffleInPlace(members, random);
    const h = Math.round(members.length * share);
    // One by one: spreading a million rows into push() overflows the call stack.
    members.forEach((r, i) => (i < h ? held : kept).push(r));
  }
  if (held.length === 0) held.push(kept.pop()!);
  if (kept.length === 0) kept.push(held.pop()!);
  return [Int32Array.from(kept.sort((a, b) => a - b)), Int32Array.from(held.sort((a, b) => a - b))];
}

/**
 * About `cap` of `rows` (each class keeps its share, rounded), a seeded sample stratified by
 * label, in row order; `rows` itself when it has no more than `cap`.
 */
export function sampleRows(
  labels: Int32Array,
  rows: Int32Array,
  cap: number,
  seed: number,
): Int32Array {
  if (rows.length <= cap) return rows;
  const [, sample] = holdoutSplit(labels, rows, cap / rows.length, seed);
  return sample;
}
