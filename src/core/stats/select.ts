/**
 * Order statistics by selection (Hoare's quickselect), O(n) on average instead of a sort's
 * O(n log n): robust stats ask for three quantiles and a median of deviations per column, and
 * sorting 200k values for that was the largest cost of the detectors at 1M rows.
 */

/** Puts the k-th smallest of a[lo..hi] at a[k], smaller ones before, larger after; returns it. */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    // Median of three as the pivot: sorted or constant runs stay O(n).
    const mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Quantiles (type 7, as quantileSorted) of `a`, which is reordered; `qs` ascending in [0, 1].
 * NaN for each when `a` is empty.
 */
export function quantilesInPlace(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return qs.map(() => NaN);
  let from = 0;
  return qs.map((q) => {
    const at = (n - 1) * q;
    const k = Math.floor(at);
    const low = selectInPlace(a, k, from, n - 1);
    // Everything after k is ≥ a[k]: the next order statistic is their minimum.
    let next = low;
    if (k + 1 < n) {
      next = Infinity;
      for (let i = k + 1; i < n; i++) if (a[i] < next) next = a[i];
    }
    from = k;
    return low + (next - low) * (at - k);
  });
}

/** Quantile (linear interpolation, type 7) of an ascending-sorted array; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const at = (n - 1) * q;
  const lo = Math.floor(at);
  // On an exact rank the value itself: interpolating towards an infinite neighbour gives NaN.
  if (at === lo) return sorted[lo];
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
