/**
 * Univariate outliers per numeric column, robust to the outliers themselves (median/MAD and
 * IQR fences), and unit errors: an outlier whose value / 10^k (or × 10^k) falls inside the bulk.
 * Positive right-skewed columns (incomes, prices) are judged on a log10 scale, where a × 100
 * error is a shift of 2 and natural long tails stay close.
 */
import type { Frame, FrameColumn } from '../table/frame';
import { quantilesInPlace } from '../stats/select';
import { findNumericSentinels } from './sentinels';
import {
  columnStats,
  finiteValues,
  fmt,
  normalCdf,
  robustStats,
  positives,
  strideSample,
  type RobustStats,
} from '../stats/robust';
import { clampScore, type Detector, type DetectorOutput, type Finding } from './types';

// Robust z beyond which a value is an outlier (≈ 1 in 10^9 under a normal bulk).
const OUTLIER_Z = 6;
// A unit slip moves a value by whole decades; natural tails rarely reach 20× the median.
const MIN_DECADES = 1.3;
// A slip must also stand out on the column's own scale: near zero in a column centred on zero,
// a value is "10 times too small" on a log grid while sitting in the middle of the data.
const SLIP_MIN_Z = 2;
// Unit slips concern magnitudes of positive quantities; a column with more negatives than this
// share is a signed quantity, where powers of ten mean nothing.
const SIGNED_SHARE = 0.01;
// A family of values (a 0.3-decade window on the log grid) holding this share of the positive
// values, and at least FAMILY_MIN_ROWS of them, is part of the distribution: slips are rare
// mistakes, so a few percent of the rows sitting 10 000× below the bulk are a mode (one-cent
// charges), not 10 000× too small. Injected slips at 1% of a column's cells spread over factors
// and over the bulk's width, so their windows stay well under it.
const FAMILY_SHARE = 0.01;
const FAMILY_MIN_ROWS = 20;
// The tail test (see unitSlip) speaks only where a smooth bulk expects at least this many values
// in the window: a lone far value where the fit expects almost none keeps the tests above
// (measured on bench:detect: a higher floor let lognormal tails through, a zero one lost slips).
const TAIL_MIN = 1;

interface Scale {
  log: boolean;
  stats: RobustStats;
}

/** `logs`: log10 of (a stride sample of) the positive values, shared with logGrid. */
function chooseScale(
  finite: Float64Array,
  lin: RobustStats,
  positive: Float64Array,
  logs: Float64Array,
): Scale {
  let negative = false;
  for (const v of finite) if (v < 0) negative = true;
  if (negative || positive.length < 8) return { log: false, stats: lin };
  // Right skew (Bowley, on the non-zero part): a long upper tail makes the log scale the fair
  // one. Zeros are left out there: a zero cannot be a power-of-ten slip of anything.
  const p = robustStats(positive);
  const bowley = p.q3 > p.q1 ? (p.q3 + p.q1 - 2 * p.median) / (p.q3 - p.q1) : 0;
  const zeroInflated = positive.length < 0.75 * finite.length;
  if (bowley > 0.1 || zeroInflated) return { log: true, stats: robustStats(logs) };
  return { log: false, stats: lin };
}

function countNegative(values: Float64Array): number {
  let n = 0;
  for (const v of values) if (v < 0) n++;
  return n;
}

function z(x: number, s: Scale): number {
  const v = s.log ? (x > 0 ? Math.log10(x) : -Infinity) : x;
  return s.stats.scale > 0
    ? (v - s.stats.median) / s.stats.scale
    : v === s.stats.median
      ? 0
      : Infinity;
}

/** Positive values on a log10 grid of 0.1 decade, to compare how crowded two places are. */
interface LogGrid {
  median: number;
  lo: number;
  hi: number;
  /** counts[b − first] = values whose round(10·log10) is b. */
  counts: Int32Array;
  first: number;
  /** Values on the grid. */
  total: number;
  /** Robust scale of the log values (their median is `median`). */
  scale: number;
}

/** `logs` (log10 of positive values, ≥ 8 of them) is reordered. */
function logGrid(logs: Float64Array): LogGrid {
  const { scale } = robustStats(logs);
  let first = Infinity;
  let last = -Infinity;
  for (const l of logs) {
    const b = Math.round(l * 10);
    if (b < first) first = b;
    if (b > last) last = b;
  }
  const counts = new Int32Array(last - first + 1);
  for (const l of logs) counts[Math.round(l * 10) - first]++;
  const [lo, median, hi] = quantilesInPlace(logs, [0.02, 0.5, 0.98]);
  return { median, lo, hi, counts, first, total: logs.length, scale };
}

function density(g: LogGrid, l: number): number {
  return windowCount(g, Math.round(l * 10));
}

/** Values in the three grid bins around bin `b`. */
function windowCount(g: LogGrid, b: number): number {
  const at = b - g.first;
  let n = 0;
  for (let i = at - 1; i <= at + 1; i++) if (i >= 0 && i < g.counts.length) n += g.counts[i];
  return n;
}

/**
 * Values a smooth bulk would put in the 0.3-decade window around log10 `l`: a normal fit to the
 * log values (robust median and scale), so a lognormal column's long tail is expected, not news.
 */
function expectedInWindow(g: LogGrid, l: number): number {
  if (!(g.scale > 0)) return 0;
  const at = Math.round(l * 10) / 10;
  const z = (x: number) => (x - g.median) / g.scale;
  return g.total * Math.abs(normalCdf(z(at + 0.15)) - normalCdf(z(at - 0.15)));
}

/**
 * The power of ten that brings positive `x` back into the bulk: x must lie at least MIN_DECADES
 * from the median (log10), in a place at least 10× emptier than where x / 10^k lands, and
 * x / 10^k inside the central 96% of values. In an integer column only "too large" slips are
 * sought: a value 1000× too small would be a small whole number, which says nothing.
 */
function unitSlip(
  x: number,
  g: LogGrid,
  integer: boolean,
  skewed: boolean,
): { value: number; k: number } | null {
  const lx = Math.log10(x);
  const d = lx - g.median;
  if (Math.abs(d) < MIN_DECADES || (d < 0 && integer)) return null;
  const here = density(g, lx);
  if (here >= Math.max(FAMILY_MIN_ROWS, FAMILY_SHARE * g.total)) return null;
  // Judged on the log scale: where a smooth bulk puts about as many values as are there (a
  // skewed spend column's tail, crowded at 300k rows), they are its tail, not slips. "About":
  // Poisson noise above, and no fewer than a third of it (far fewer than a lognormal tail would
  // hold means the column has no such tail, and a value there is news).
  const expected = expectedInWindow(g, lx);
  if (
    skewed &&
    expected >= TAIL_MIN &&
    here >= expected / 3 &&
    here <= expected + 3 * Math.sqrt(expected)
  )
    return null;
  let best: { value: number; k: number; dens: number } | null = null;
  for (let k = 1; k <= 4; k++) {
    const shift = d > 0 ? k : -k;
    const ly = lx - shift;
    if (ly < g.lo - 0.05 || ly > g.hi + 0.05) continue;
    const dens = density(g, ly);
    if (dens >= 10 * Math.max(1, here) && (!best || dens > best.dens))
      best = { value: +(x / 10 ** shift).toPrecision(12), k: shift, dens };
  }
  return best;
}

function outlierColumn(
  frame: Frame,
  column: FrameColumn & { kind: 'number' },
  c: number,
  out: Finding[],
): void {
  const sentinels = new Set(findNumericSentinels(column, frame.excluded).map((s) => s.value));
  // Sentinel codes (-999) would otherwise decide the scale (a negative value forbids logs).
  const finite = finiteValues(column.values, frame.excluded, sentinels);
  if (finite.length < 8) return;
  const positive = positives(finite);
  const logs = strideSample(positive).map(Math.log10);
  const lin = columnStats(column.values, frame.excluded, sentinels);
  const scale = chooseScale(finite, lin, positive, logs);
  if (scale.stats.scale === 0) return;
  const integer = column.meta.type === 'integer';
  const signed = countNegative(finite) > SIGNED_SHARE * finite.length;
  // Last use of `logs`: the grid reorders it.
  const grid = signed || positive.length < 8 ? null : logGrid(logs);
  const name = column.meta.name;
  const { values } = column;
  // Values inside both bands (|z| < OUTLIER_Z, and < MIN_DECADES from the median) are skipped
  // with two comparisons, so the per-value logs below only run on the rare far values.
  const { median: m, scale: sd } = scale.stats;
  const zLo = scale.log ? 10 ** (m - OUTLIER_Z * sd) : m - OUTLIER_Z * sd;
  const zHi = scale.log ? 10 ** (m + OUTLIER_Z * sd) : m + OUTLIER_Z * sd;
  const uLo = grid ? 10 ** (grid.median - MIN_DECADES) : -Infinity;
  const uHi = grid ? 10 ** (grid.median + MIN_DECADES) : Infinity;
  const lo = Math.max(zLo, uLo);
  const hi = Math.min(zHi, uHi);
  for (let r = 0; r < frame.rows; r++) {
    const x = values[r];
    if (x > lo && x < hi) continue;
    if (!Number.isFinite(x) || frame.excluded[r] || sentinels.has(x)) continue;
    if (scale.log && x === 0) continue;
    const zx = z(x, scale);
    const best =
      grid && x > 0 && Math.abs(zx) >= SLIP_MIN_Z ? unitSlip(x, grid, integer, scale.log) : null;
    if (!best && Math.abs(zx) < OUTLIER_Z) continue;
    const score = clampScore(0.5 + Math.abs(zx) / 40);
    if (best) {
      const factor =
        best.k > 0 ? `${10 ** best.k} times too large` : `${10 ** -best.k} times too small`;
      out.push({
        row: r,
        column: c,
        detector: 'unit-error',
        score: clampScore(score + 0.2),
        reason: `${name} = ${fmt(x)} is far outside the column (robust z ${fmt(Math.round(zx))}) and looks ${factor}: ${fmt(best.value)} fits the other values.`,
        suggestion: { kind: 'set-cell', row: r, column: c, value: fmt(best.value) },
      });
    } else {
      out.push({
        row: r,
        column: c,
        detector: 'outlier',
        score,
        reason: `${name} = ${fmt(x)} is far outside the column (robust z ${fmt(Math.round(zx))}, median ${fmt(scale.log ? 10 ** scale.stats.median : scale.stats.median)}).`,
        suggestion: null,
      });
    }
  }
}

/** Flags outliers and unit errors in every integer and float column. */
export function detectOutliers(frame: Frame): DetectorOutput {
  const findings: Finding[] = [];
  frame.columns.forEach((column, c) => {
    if (
      column.kind === 'number' &&
      (column.meta.type === 'integer' || column.meta.type === 'float')
    )
      outlierColumn(frame, column, c, findings);
  });
  return { findings };
}

/** Detector: robust univariate outliers and power-of-ten unit errors. */
export const outlierDetector: Detector = {
  name: 'outlier',
  description: 'Values far outside their column (median/MAD), and values off by a power of ten.',
  run: (frame) => detectOutliers(frame),
};
