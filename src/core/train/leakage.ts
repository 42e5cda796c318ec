/** Flags columns that predict the target almost perfectly on their own: likely derived from it. */
import type { FrameColumn } from '../table/frame';

/** Best accuracy of a one-rule classifier on `column` (by value, or by one threshold for binary). */
export function oneRuleAccuracy(
  column: FrameColumn,
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
  classCount: number,
): number {
  const n = rows.length;
  if (n === 0) return 0;
  // A rule over many distinct values memorises rows; it says nothing about leakage. Counting
  // stops as soon as that is clear (a float column at 1M rows would otherwise fill a 700k-key map).
  const maxValues = Math.max(2, n / 10);
  const byValue = new Map<string | number, number[]>();
  for (let i = 0; i < n && byValue.size <= maxValues; i++) {
    const v = column.values[rows[i]];
    const key = v === null || (typeof v === 'number' && Number.isNaN(v)) ? '\u0000missing' : v;
    let counts = byValue.get(key);
    if (!counts) byValue.set(key, (counts = new Array<number>(classCount).fill(0)));
    counts[labels[i]]++;
  }
  if (byValue.size <= maxValues) {
    let correct = 0;
    for (const counts of byValue.values()) correct += counts.reduce((a, b) => Math.max(a, b), 0);
    return correct / n;
  }
  if (column.kind !== 'number' || classCount !== 2) return 0;
  return bestThresholdAccuracy(column.values, rows, labels);
}

/** Binary labels: the best accuracy of "value ≤ t" (either orientation) over all thresholds t. */
function bestThresholdAccuracy(
  values: Float64Array,
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  // Each class's values sorted natively (typed-array sort), then walked together: an index sort
  // with a comparator took about a minute per column at 1M rows.
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < rows.length; i++) {
    if (Number.isNaN(values[rows[i]])) continue;
    if (labels[i]) positives++;
    else negatives++;
  }
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (Number.isNaN(v)) continue;
    if (labels[i]) pos[p++] = v;
    else neg[q++] = v;
  }
  pos.sort();
  neg.sort();
  const n = positives + negatives;
  if (n === 0) return 0;
  let best = Math.max(positives, negatives);
  let p = 0;
  let q = 0;
  while (p < positives || q < negatives) {
    // Take every value equal to the next smallest one, so ties never split.
    const t = q >= negatives || (p < positives && pos[p] <= neg[q]) ? pos[p] : neg[q];
    while (p < positives && pos[p] === t) p++;
    while (q < negatives && neg[q] === t) q++;
    if (p + q === n) break;
    // "≤ t is negative": negatives below + positives above; the other orientation is the rest.
    const correct = q + (positives - p);
    best = Math.max(best, correct, n - correct);
  }
  return best / n;
}

/** |Pearson correlation| between a numeric column and a numeric target over `rows`. */
export function absCorrelation(
  values: Float64Array,
  rows: ArrayLike<number>,
  target: ArrayLike<number>,
): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = values[rows[i]];
    if (Number.isNaN(x)) continue;
    n++;
    sx += x;
    sy += target[i];
  }
  if (n < 3) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = values[rows[i]];
    if (Number.isNaN(x)) continue;
    sxy += (x - mx) * (target[i] - my);
    sxx += (x - mx) ** 2;
    syy += (target[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? Math.abs(sxy / Math.sqrt(sxx * syy)) : 0;
}
