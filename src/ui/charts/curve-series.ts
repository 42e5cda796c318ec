/** A cleaning curve's lines on one x axis, as the curve chart draws them. */
import type { CleaningCurve } from '../../protocol/priority-methods';

/** The curve on one shared x axis (rows reviewed); each line interpolated where it has no point. */
export interface CurveSeries {
  x: number[];
  ours: number[];
  random: number[];
  /** Balanced accuracy in our order and in a random one, when the curve has it. */
  balancedOurs: number[] | null;
  balancedRandom: number[] | null;
}

/** Merges the two lines of a cleaning curve onto the union of their x values, starting at 0. */
export function curveSeries(curve: CleaningCurve): CurveSeries {
  const ours = withStart(curve.ours, curve.start);
  const random = withStart(curve.random, curve.start);
  const b = curve.balanced;
  const bOurs = b ? withStart(b.ours, b.start) : [];
  const bRandom = b ? withStart(b.random, b.start) : [];
  const x = [...new Set([ours, random, bOurs, bRandom].flat().map((p) => p[0]))].sort(
    (a, c) => a - c,
  );
  return {
    x,
    ours: x.map((v) => interpolate(ours, v)),
    random: x.map((v) => interpolate(random, v)),
    balancedOurs: b ? x.map((v) => interpolate(bOurs, v)) : null,
    balancedRandom: b ? x.map((v) => interpolate(bRandom, v)) : null,
  };
}

function withStart(points: Array<[number, number]>, start: number): Array<[number, number]> {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  return sorted.length > 0 && sorted[0][0] === 0 ? sorted : [[0, start], ...sorted];
}

/** Linear interpolation inside the line; past its last point the line stays flat. */
function interpolate(points: Array<[number, number]>, x: number): number {
  let lo = 0;
  let hi = points.length - 1;
  if (x <= points[lo][0]) return points[lo][1];
  if (x >= points[hi][0]) return points[hi][1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= x) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = points[lo];
  const [x1, y1] = points[hi];
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}
