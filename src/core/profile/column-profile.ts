/**
 * Per-column statistics over a whole frame column. Quantiles, median and MAD are exact: the
 * finite values are copied and sorted once (MAD by bisection on that sorted copy) (typed-array sort, about 0.1 s per 1M values), which is
 * simpler than a sketch and fine up to a few million rows; a chunked caller would swap in a
 * sketch here. Mean, variance and skewness use one pass of running sums (Welford-style).
 */
import { findNumericSentinels, isMissingToken } from '../detect/sentinels';
import { madSorted } from '../stats/robust';
import { quantileSorted } from '../stats/select';
import { valueCounts } from '../stats/value-counts';
import { boolSpellings, type FrameColumn } from '../table/frame';
import type { ColumnType } from '../table/types';

const BINS = 24;
const TOP = 10;

/** Statistics of one column; numeric fields are null for string columns. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Present, valid values. */
  count: number;
  /** Empty cells plus disguised missing values (placeholders, numeric sentinels). */
  missing: number;
  disguisedMissing: number;
  /** Cells that did not parse as the type (placeholders excluded). */
  invalid: number;
  distinct: number;
  /** distinct / count. */
  uniqueShare: number;
  topValues: Array<{ value: string; count: number }>;
  numeric: NumericProfile | null;
  /** Text length in characters of present string values. */
  textLength: { min: number; mean: number; max: number } | null;
}

/** Numeric part of a column profile (over finite, non-sentinel values). */
export interface NumericProfile {
  min: number;
  max: number;
  mean: number;
  std: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  iqr: number;
  mad: number;
  skewness: number;
  /** `BINS` equal-width bins from min to max: edges has BINS + 1 entries. */
  histogram: { edges: number[]; counts: number[] };
}

function top(counts: Map<string | number, number>): Array<{ value: string; count: number }> {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([value, count]) => ({ value: String(value), count }));
}

function numericProfile(sorted: Float64Array): NumericProfile | null {
  const n = sorted.length;
  if (n === 0) return null;
  let mean = 0,
    m2 = 0,
    m3 = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i],
      k = i + 1,
      d = x - mean,
      dn = d / k,
      t = d * dn * (k - 1);
    mean += dn;
    m3 += t * dn * (k - 2) - 3 * dn * m2;
    m2 += t;
  }
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const skewness = m2 > 0 ? (Math.sqrt(n) * m3) / m2 ** 1.5 : 0;
  const q = (p: number) => quantileSorted(sorted, p);
  const median = q(0.5);
  const min = sorted[0],
    max = sorted[n - 1];
  const width = (max - min) / BINS || 1;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of sorted) counts[Math.min(BINS - 1, Math.floor((v - min) / width))]++;
  return {
    min,
    max,
    mean,
    std,
    p5: q(0.05),
    p25: q(0.25),
    p50: median,
    p75: q(0.75),
    p95: q(0.95),
    iqr: q(0.75) - q(0.25),
    mad: madSorted(sorted, median),
    skewness,
    histogram: { edges: Array.from({ length: BINS + 1 }, (_, i) => min + i * width), counts },
  };
}

/** Profiles one column (rows flagged in `excluded` are skipped). */
export function profileColumn(column: FrameColumn, excluded: Uint8Array): ColumnProfile {
  const counts = new Map<string | number, number>();
  let empty = 0,
    disguised = 0,
    invalid = 0;
  if (column.kind === 'number') {
    const sentinels = new Set(findNumericSentinels(column, excluded).map((s) => s.value));
    const { values } = column;
    const finite = new Float64Array(values.length);
    const anySentinel = sentinels.size > 0;
    let n = 0;
    for (let r = 0; r < values.length; r++) {
      if (excluded[r]) continue;
      const v = values[r];
      if (Number.isNaN(v)) {
        const text = column.invalid.get(r);
        if (text === undefined) empty++;
        else if (isMissingToken(text)) disguised++;
        else invalid++;
      } else if (anySentinel && sentinels.has(v)) disguised++;
      else if (Number.isFinite(v)) finite[n++] = v;
    }
    const sorted = finite.subarray(0, n).sort();
    const numeric = numericProfile(sorted);
    // Distinct values and their counts are runs of the sorted copy: no hash map of 1M numbers.
    const runs = numericRuns(sorted);
    // Yes/no values are named as the file spells them ("Yes"), not by their stored 0/1.
    const spellings = boolSpellings(column);
    const topValues = spellings
      ? runs.top.map((t) => ({ ...t, value: spellings[t.value === '0' ? 0 : 1] }))
      : runs.top;
    return finish(column, runs.distinct, n, topValues, empty, disguised, invalid, numeric, null);
  }
  let min = Infinity,
    max = 0,
    total = 0,
    present = 0;
  const { values } = column;
  for (let r = 0; r < values.length; r++) if (!excluded[r] && values[r] === null) empty++;
  // Per distinct value (counted once per column, shared with the detectors): same order of
  // first appearance as a pass over the rows, so ties in the top values stay put.
  for (const [v, n] of valueCounts(values, excluded)) {
    if (isMissingToken(v)) disguised += n;
    else {
      counts.set(v, n);
      present += n;
      total += v.length * n;
      if (v.length < min) min = v.length;
      if (v.length > max) max = v.length;
    }
  }
  invalid = column.invalid.size;
  const textLength = present ? { min, mean: total / present, max } : null;
  return finish(
    column,
    counts.size,
    present,
    top(counts),
    empty,
    disguised,
    invalid,
    null,
    textLength,
  );
}

/** Distinct count and the most frequent values of ascending-sorted numbers. */
function numericRuns(sorted: Float64Array): { distinct: number; top: ColumnProfile['topValues'] } {
  let distinct = 0;
  const best: Array<{ value: string; count: number }> = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    distinct++;
    const count = j - i;
    if (best.length < TOP || count > best[best.length - 1].count) {
      best.push({ value: String(sorted[i]), count });
      best.sort((a, b) => b.count - a.count);
      if (best.length > TOP) best.pop();
    }
    i = j;
  }
  return { distinct, top: best };
}

function finish(
  column: FrameColumn,
  distinct: number,
  count: number,
  topValues: ColumnProfile['topValues'],
  empty: number,
  disguised: number,
  invalid: number,
  numeric: NumericProfile | null,
  textLength: ColumnProfile['textLength'],
): ColumnProfile {
  return {
    name: column.meta.name,
    type: column.meta.type,
    count,
    missing: empty + disguised,
    disguisedMissing: disguised,
    invalid,
    distinct,
    uniqueShare: count ? distinct / count : 0,
    topValues,
    numeric,
    textLength,
  };
}
