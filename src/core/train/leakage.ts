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
  const byValue = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const v = column.values[rows[i]];
    const key = v === null || (typeof v === 'number' && Number.isNaN(v)) ? '\u0000missing' : v;
    let counts = byValue.get(key);
    if (!counts) byValue.set(key, (counts = new Array<number>(classCount).fill(0)));
    counts[labels[i]]++;
  }
  // A rule over many distinct values memorises rows; it says nothing about leakage.
  if (byValue.size <= Math.max(2, n / 10)) {
    let correct = 0;
    for (const counts of byValue.values()) correct += Math.max(...counts);
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
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(values[rows[i]])) order.push(i);
  order.sort((a, b) => values[rows[a]] - values[rows[b]]);
  const n = order.length;
  if (n === 0) return 0;
  let positives = 0;
  for (const i of order) positives += labels[i];
  let best = Math.max(positives, n - positives);
  let posBelow = 0;
  for (let k = 0; k < n; k++) {
    posBelow += labels[order[k]];
    const tie = k + 1 < n && values[rows[order[k + 1]]] === values[rows[order[k]]];
    if (tie) continue;
    const below = k + 1;
    // "≤ t is negative": negatives below + positives above; the other orientation is the rest.
    const correct = below - posBelow + (positives - posBelow);
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
