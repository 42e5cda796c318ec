/**
 * How often each value of a text column occurs (missing cells and excluded rows left out),
 * counted once per column and remembered: the profile, the missing, typo and column detectors
 * all need it, and at 1M rows each count is a million map updates. Frames are not changed once
 * built (a new version is a new frame), so the answer stays right; the WeakMap lets it go with
 * the column. Callers must not change the map they get.
 */
const memo = new WeakMap<
  (string | null)[],
  { excluded: Uint8Array; counts: ReadonlyMap<string, number> }
>();

/** Value → rows holding it, over rows not `excluded`. */
export function valueCounts(
  values: (string | null)[],
  excluded: Uint8Array,
): ReadonlyMap<string, number> {
  const known = memo.get(values);
  if (known && known.excluded === excluded) return known.counts;
  const counts = new Map<string, number>();
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v !== null && !excluded[r]) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  memo.set(values, { excluded, counts });
  return counts;
}
