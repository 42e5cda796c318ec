/** Fits the feature pipeline on the training rows only, so no statistic sees validation or test. */
import { boolSpellings, type Frame, type FrameColumn } from '../table/frame';
import { DEFAULT_PRIVACY_K, offValues, privateQuantile } from '../evaluate/private-summary';
import { absCorrelation, oneRuleAccuracy } from './leakage';
import {
  inputNamesOf,
  type ExcludedColumn,
  type Feature,
  type NumericFeature,
  type Preprocessing,
} from './preprocessing';
import { clip, robustBounds, safeMeanStd } from './robust-bounds';
import type { EncodedTarget } from './target';

/** Choices for the pipeline; every field has a default. */
export interface PreprocessingOptions {
  /** 'robust' centers on the median and scales by the IQR (outlier-heavy columns). */
  scaling?: 'standard' | 'robust';
  /** Columns with at most this many categories get one input per category (default 20). */
  maxOneHot?: number;
  /** Above `maxOneHot`, keep the k most frequent categories plus "other" (default 20). */
  topK?: number;
  /** Columns left out by the user. */
  exclude?: string[];
  /** Columns kept even when flagged as identifier-like or leaking. */
  keep?: string[];
  /** One-rule accuracy (classification) or |r| (regression) at which a column counts as leaking (default 0.99; null: off). */
  leakThreshold?: number | null;
  /** Rows behind every kept figure (default 10): no median is one row's value, no category rarer. */
  privacyK?: number;
}

/** Fits preprocessing on `trainPositions` (positions into `target.rows`). */
export function fitPreprocessing(
  frame: Frame,
  target: EncodedTarget,
  trainPositions: Int32Array,
  options: PreprocessingOptions = {},
): Preprocessing {
  const { scaling = 'standard', maxOneHot = 20, topK = 20, leakThreshold = 0.99 } = options;
  const k = options.privacyK ?? DEFAULT_PRIVACY_K;
  const rows = Int32Array.from(trainPositions, (p) => target.rows[p]);
  const labels = Float64Array.from(trainPositions, (p) => target.values[p]);
  const probe = leakProbe(rows, labels);
  const features: Feature[] = [];
  const excluded: ExcludedColumn[] = [];
  for (const column of frame.columns) {
    const name = column.meta.name;
    if (name === target.name) continue;
    const reason = options.exclude?.includes(name)
      ? 'excluded by the user'
      : options.keep?.includes(name)
        ? null
        : exclusionReason(column, rows, probe, target, leakThreshold);
    if (reason) {
      excluded.push({ column: name, reason });
      continue;
    }
    const present = presentCount(column, rows);
    if (present === 0)
      excluded.push({ column: name, reason: 'entirely missing in the training split' });
    else if (column.kind === 'number') {
      const spellings = boolSpellings(column);
      const feature = fitNumeric(name, column.values, rows, scaling, k);
      features.push(spellings ? { ...feature, spellings } : feature);
    } else features.push(fitCategorical(name, column.values, rows, maxOneHot, topK, k));
  }
  let targetScaling: Preprocessing['targetScaling'] = null;
  if (target.task === 'regression') {
    // Overflow-safe: far targets are left out already, but a squared 1e200 is still Infinity.
    const { mean, std } = safeMeanStd(labels);
    targetScaling = { mean, std: std > 0 ? std : 1 };
  }
  return {
    format: 'cleanroom-preprocessing',
    version: 1,
    task: target.task,
    target: target.name,
    classes: target.classes,
    targetScaling,
    scaling,
    features,
    excluded,
    inputNames: features.flatMap(inputNamesOf),
    privacyK: k,
  };
}

/** Rows the leak check looks at: all of them up to this many, else an even spread of this many. */
const LEAK_PROBE_ROWS = 200_000;

/** The training rows and labels, thinned to an evenly spaced LEAK_PROBE_ROWS when larger. */
function leakProbe(
  rows: Int32Array,
  labels: Float64Array,
): { rows: Int32Array; labels: Float64Array } {
  if (rows.length <= LEAK_PROBE_ROWS) return { rows, labels };
  const step = rows.length / LEAK_PROBE_ROWS;
  const at = (i: number) => Math.floor(i * step);
  return {
    rows: Int32Array.from({ length: LEAK_PROBE_ROWS }, (_, i) => rows[at(i)]),
    labels: Float64Array.from({ length: LEAK_PROBE_ROWS }, (_, i) => labels[at(i)]),
  };
}

function exclusionReason(
  column: FrameColumn,
  rows: Int32Array,
  probe: { rows: Int32Array; labels: Float64Array },
  target: EncodedTarget,
  leakThreshold: number | null,
): string | null {
  const { type } = column.meta;
  const present = presentCount(column, rows);
  // Checked first: an all-empty column is typed as text by the importer, but "missing" is the point.
  if (present === 0) return 'entirely missing in the training split';
  if (type === 'identifier') return 'identifier: a distinct value per row, no pattern to learn';
  if (type === 'text') return 'free text: not supported as a feature';
  if (column.kind === 'string' && present > 50 && distinctCount(column, rows) >= 0.95 * present)
    return 'identifier-like: nearly unique per row';
  if (present === rows.length && isConstant(column, rows))
    return 'constant in the training split: the same value in every row, nothing to learn';
  if (leakThreshold === null) return null;
  // The one-rule and correlation checks on a thinned sample: a ≥ 0.99 rule shows in 200k rows.
  const { labels } = probe;
  if (target.task === 'classification') {
    const accuracy = oneRuleAccuracy(column, probe.rows, labels, target.classes.length);
    const counts = new Array<number>(target.classes.length).fill(0);
    for (const l of labels) counts[l]++;
    const baseline = counts.reduce((a, b) => Math.max(a, b), 0) / labels.length;
    if (accuracy >= leakThreshold && baseline < leakThreshold)
      return `target leak suspected: predicts "${target.name}" alone with accuracy ${accuracy.toFixed(3)} on the training split`;
  } else if (column.kind === 'number') {
    const r = absCorrelation(column.values, probe.rows, labels);
    if (r >= leakThreshold)
      return `target leak suspected: |correlation| with "${target.name}" is ${r.toFixed(3)} on the training split`;
  }
  return null;
}

function presentCount(column: FrameColumn, rows: Int32Array): number {
  let n = 0;
  for (const r of rows) {
    const v = column.values[r];
    if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) n++;
  }
  return n;
}

function isConstant(column: FrameColumn, rows: Int32Array): boolean {
  const first = column.values[rows[0]];
  for (let i = 1; i < rows.length; i++) if (column.values[rows[i]] !== first) return false;
  return true;
}

function distinctCount(column: FrameColumn, rows: Int32Array): number {
  const seen = new Set<string | number | null>();
  for (const r of rows) seen.add(column.values[r]);
  seen.delete(null);
  return seen.size;
}

function fitNumeric(
  column: string,
  values: Float64Array,
  rows: Int32Array,
  scaling: 'standard' | 'robust',
  k: number,
): NumericFeature {
  // Typed arrays throughout: a number[] of 700k pushes plus reduce passes cost ~0.2 s a column.
  const sorted = new Float64Array(rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (!Number.isNaN(v)) sorted[count++] = v;
  }
  const observed = sorted.subarray(0, count);
  observed.sort();
  // Each a mean of k middle values: the bundle ships these, and a plain median is one row's value.
  const median = offValues(privateQuantile(observed, 0.5, k), rareValueOf(values, k));
  const iqr = privateQuantile(observed, 0.75, k) - privateQuantile(observed, 0.25, k);
  // Statistics of the clipped values: a few huge floats must not overflow or dominate them.
  const bounds = robustBounds(observed);
  const { mean, std } = safeMeanStd(observed.map((v) => clip(v, bounds.low, bounds.high)));
  // A zero spread (constant or mostly-constant column) would divide by zero: fall back.
  const robust = scaling === 'robust' && iqr > 0;
  return {
    kind: 'numeric',
    column,
    median,
    center: robust ? median : mean,
    scale: robust ? iqr : std > 0 ? std : 1,
    indicator: count < rows.length,
    clip: bounds,
  };
}

/** Whether `x` is a value of the column seen fewer than k times (one a file could be traced by). */
function rareValueOf(values: Float64Array, k: number): { has(x: number): boolean } {
  return {
    has(x) {
      let count = 0;
      for (const v of values) if (v === x && ++count >= k) return false;
      return count > 0;
    },
  };
}

function fitCategorical(
  column: string,
  values: (string | null)[],
  rows: Int32Array,
  maxOneHot: number,
  topK: number,
  k: number,
): Feature {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = values[r];
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // Most frequent first; ties by name so the order is reproducible.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  // Values seen fewer than k times are never named (the bundle ships the names): they go to "other".
  const common = ranked.filter((v) => counts.get(v)! >= k);
  const other = common.length < ranked.length || ranked.length > maxOneHot;
  const categories = ranked.length > maxOneHot ? common.slice(0, topK) : common;
  return { kind: 'categorical', column, categories, other };
}
