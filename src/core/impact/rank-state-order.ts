/**
 * Keeps a ranked order sorted after a few rows' scores change, without sorting everything again:
 * a handful of rows are taken out and put back by binary search; many are merged back in one pass.
 */

/** Rows moved one by one up to this many; beyond it, one merge pass is cheaper. */
const FEW = 64;

/**
 * Re-sorts `order` (row ids, sorted by `compare` except for `changed`) in place, where only the
 * rows in `changed` have new keys. Returns the number of rows whose place changed. `scratch`
 * (as long as `order`) is overwritten.
 */
export function fixOrder(
  order: Int32Array,
  changed: readonly number[],
  compare: (a: number, b: number) => number,
  scratch: Int32Array = new Int32Array(order.length),
): number {
  if (changed.length === 0) return 0;
  // The old order, to count moved rows; a reused buffer spares a large allocation per fix.
  const before = scratch;
  before.set(order);
  if (changed.length <= FEW) reinsertEach(order, changed, compare);
  else mergeBack(order, changed, compare);
  let moved = 0;
  for (let i = 0; i < order.length; i++) if (order[i] !== before[i]) moved++;
  return moved;
}

function reinsertEach(
  order: Int32Array,
  changed: readonly number[],
  compare: (a: number, b: number) => number,
): void {
  // All changed rows out first (their old places would mislead the searches), then each back in
  // at the first place whose row sorts after it.
  const moving = new Set(changed);
  let length = 0;
  for (let i = 0; i < order.length; i++) if (!moving.has(order[i])) order[length++] = order[i];
  for (const row of moving) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(order[mid], row) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.copyWithin(lo + 1, lo, length);
    order[lo] = row;
    length++;
  }
}

function mergeBack(
  order: Int32Array,
  changed: readonly number[],
  compare: (a: number, b: number) => number,
): void {
  const moving = new Set(changed);
  const rest = order.filter((row) => !moving.has(row));
  const sorted = [...moving].sort(compare);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < rest.length && j < sorted.length)
    order[k++] = compare(rest[i], sorted[j]) <= 0 ? rest[i++] : sorted[j++];
  while (i < rest.length) order[k++] = rest[i++];
  while (j < sorted.length) order[k++] = sorted[j++];
}
