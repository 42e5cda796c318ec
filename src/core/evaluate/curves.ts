/** ROC and precision-recall curves with their areas, for a binary task. */

/** A curve as (x, y) points with the score threshold at each point. */
export interface CurvePoint {
  x: number;
  y: number;
  threshold: number;
}

/** Points sorted by threshold (high to low), at most `maxPoints` of them kept for plotting. */
export interface Curve {
  points: CurvePoint[];
  area: number;
}

/** Indices of `rows` sorted by descending score. */
function byScore(scores: ArrayLike<number>, rows: ArrayLike<number>): number[] {
  return Array.from(rows).sort((a, b) => scores[b] - scores[a]);
}

/** Area under the ROC curve (ties count half); NaN when one class is absent. */
export function rocAuc(
  scores: ArrayLike<number>,
  positive: ArrayLike<number>,
  rows: ArrayLike<number>,
): number {
  return rocCurve(scores, positive, rows, 0).area;
}

/** ROC curve (x = false positive rate, y = true positive rate) over `rows`. */
export function rocCurve(
  scores: ArrayLike<number>,
  positive: ArrayLike<number>,
  rows: ArrayLike<number>,
  maxPoints = 200,
): Curve {
  const sorted = byScore(scores, rows);
  let pos = 0;
  for (const r of sorted) pos += positive[r] ? 1 : 0;
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return { points: [], area: NaN };
  const points: CurvePoint[] = [{ x: 0, y: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  let area = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (positive[r]) tp++;
    else fp++;
    if (i + 1 < sorted.length && scores[sorted[i + 1]] === scores[r]) continue;
    const last = points[points.length - 1];
    const next = { x: fp / neg, y: tp / pos, threshold: scores[r] };
    area += ((next.x - last.x) * (next.y + last.y)) / 2;
    points.push(next);
  }
  return { points: thin(points, maxPoints), area };
}

/** Precision-recall curve (x = recall, y = precision); area = average precision. */
export function prCurve(
  scores: ArrayLike<number>,
  positive: ArrayLike<number>,
  rows: ArrayLike<number>,
  maxPoints = 200,
): Curve {
  const sorted = byScore(scores, rows);
  let pos = 0;
  for (const r of sorted) pos += positive[r] ? 1 : 0;
  if (pos === 0) return { points: [], area: NaN };
  const points: CurvePoint[] = [];
  let tp = 0;
  let area = 0;
  let lastRecall = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (positive[r]) tp++;
    if (i + 1 < sorted.length && scores[sorted[i + 1]] === scores[r]) continue;
    const recall = tp / pos;
    const precision = tp / (i + 1);
    // Average precision: step-wise sum, as scikit-learn computes it (no interpolation).
    area += (recall - lastRecall) * precision;
    lastRecall = recall;
    points.push({ x: recall, y: precision, threshold: scores[r] });
  }
  return { points: thin(points, maxPoints), area };
}

/** Keeps at most `max` points, evenly spaced, always the first and last (0 = keep none). */
function thin(points: CurvePoint[], max: number): CurvePoint[] {
  if (max <= 0) return [];
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}
