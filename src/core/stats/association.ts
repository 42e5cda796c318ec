/**
 * Association between two columns on a 0..1 scale: |Pearson r| for two numeric columns,
 * Cramér's V for two categorical ones, the correlation ratio η for numeric vs categorical.
 * Rows where either cell is missing are left out.
 */
import type { FrameColumn } from '../table/frame';

// Categories beyond this many (by first appearance) share one "other" code: bounds the tables.
const MAX_CODES = 64;

/** True when a column is treated as numbers (booleans count as categories). */
export function isNumericColumn(c: FrameColumn): c is FrameColumn & { kind: 'number' } {
  return c.kind === 'number' && c.meta.type !== 'boolean';
}

/** Category codes of a column (-1 missing), at most MAX_CODES + 1 distinct. */
export function categoryCodes(c: FrameColumn): { codes: Int32Array; k: number } {
  const map = new Map<string | number, number>();
  const codes = new Int32Array(c.values.length);
  for (let i = 0; i < c.values.length; i++) {
    const v = c.values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
      codes[i] = -1;
      continue;
    }
    let code = map.get(v);
    if (code === undefined) {
      code = Math.min(map.size, MAX_CODES);
      if (map.size < MAX_CODES) map.set(v, code);
    }
    codes[i] = code;
  }
  return { codes, k: Math.min(map.size + 1, MAX_CODES + 1) };
}

/** |Pearson r| over rows where both are finite; NaN when undefined. */
export function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i],
      b = y[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  const cov = sxy - (sx * sy) / n;
  const den = Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  return n > 2 && den > 0 ? Math.abs(cov / den) : NaN;
}

/** Cramér's V of two code arrays. */
export function cramersV(a: Int32Array, ka: number, b: Int32Array, kb: number): number {
  const table = new Float64Array(ka * kb);
  const ra = new Float64Array(ka),
    rb = new Float64Array(kb);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    table[a[i] * kb + b[i]]++;
    ra[a[i]]++;
    rb[b[i]]++;
    n++;
  }
  let chi = 0;
  for (let i = 0; i < ka; i++)
    for (let j = 0; j < kb; j++) {
      const e = (ra[i] * rb[j]) / n;
      if (e > 0) chi += (table[i * kb + j] - e) ** 2 / e;
    }
  const usedA = ra.filter((v) => v > 0).length,
    usedB = rb.filter((v) => v > 0).length;
  const m = Math.min(usedA, usedB) - 1;
  return n > 0 && m > 0 ? Math.sqrt(chi / n / m) : NaN;
}

/** Correlation ratio η of numbers `x` grouped by `codes`. */
export function correlationRatio(x: Float64Array, codes: Int32Array, k: number): number {
  const sum = new Float64Array(k),
    cnt = new Float64Array(k);
  let n = 0,
    total = 0,
    sq = 0;
  for (let i = 0; i < x.length; i++) {
    if (codes[i] < 0 || !Number.isFinite(x[i])) continue;
    sum[codes[i]] += x[i];
    cnt[codes[i]]++;
    n++;
    total += x[i];
    sq += x[i] * x[i];
  }
  const mean = total / n;
  let between = 0;
  for (let j = 0; j < k; j++) if (cnt[j] > 0) between += cnt[j] * (sum[j] / cnt[j] - mean) ** 2;
  const all = sq - n * mean * mean;
  return n > 1 && all > 0 ? Math.sqrt(Math.min(1, between / all)) : NaN;
}

/** Association of two frame columns on 0..1, and which measure was used. */
export function association(
  a: FrameColumn,
  b: FrameColumn,
): { value: number; measure: 'pearson' | 'cramers-v' | 'correlation-ratio' } {
  const na = isNumericColumn(a),
    nb = isNumericColumn(b);
  if (na && nb) return { value: pearson(a.values, b.values), measure: 'pearson' };
  if (na || nb) {
    const num = (na ? a : b) as FrameColumn & { kind: 'number' };
    const cat = categoryCodes(na ? b : a);
    return { value: correlationRatio(num.values, cat.codes, cat.k), measure: 'correlation-ratio' };
  }
  const ca = categoryCodes(a),
    cb = categoryCodes(b);
  return { value: cramersV(ca.codes, ca.k, cb.codes, cb.k), measure: 'cramers-v' };
}
