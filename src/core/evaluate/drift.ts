/**
 * Drift of new data against the training data, column by column, with Evidently's defaults:
 * a reference of ≤ 1,000 rows uses KS (numeric, > 5 distinct values) or χ² (categorical),
 * p < 0.05 = drift; a larger one uses normalised Wasserstein or Jensen–Shannon, ≥ 0.1 = drift.
 * Every tested column also gets the KS or χ² p-value, whichever test decides. The data set drifts
 * (retraining advised) when at least half of the columns do; the summary names every drifted
 * column either way, so it never calls the data calm while columns in its table drifted.
 */
import { columnIndex, type Frame, type FrameColumn } from '../table/frame';
import type { Preprocessing } from '../train/preprocessing';
import { seededRandom, shuffleInPlace } from '../train/rng';
import { chiSquareTest, jensenShannon, ksTest, wassersteinNormed } from './drift-stats';

/** reference.json in the bundle: per feature column, what drift tests need of the training data. */
export interface DriftReference {
  /** Training rows the reference describes (decides which test applies). */
  rows: number;
  columns: {
    column: string;
    /** 'numeric' keeps a sorted sample of values; 'categorical' keeps exact counts. */
    kind: 'numeric' | 'categorical';
    values?: number[];
    counts?: Record<string, number>;
  }[];
}

/** Evidently's defaults: p-value below which a test says drift, distance from which it does. */
const P_DRIFT = 0.05;
const DISTANCE_DRIFT = 0.1;

/** One column's verdict. */
export interface ColumnDrift {
  column: string;
  test: 'ks' | 'chi-square' | 'wasserstein' | 'jensen-shannon' | 'none';
  statistic: number;
  /** p-value of the two-sample KS (numeric) or χ² (categorical) test; NaN when not tested. */
  pValue: number;
  threshold: number;
  drifted: boolean;
  note?: string;
}

/** The whole report. */
export interface DriftReport {
  columns: ColumnDrift[];
  driftedShare: number;
  datasetDrift: boolean;
  retrainAdvised: boolean;
  summary: string;
}

const SAMPLE = 5000;
const SMALL = 1000;

function present(column: FrameColumn, rows: ArrayLike<number>): (number | string)[] {
  const out: (number | string)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = column.values[rows[i]];
    if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) out.push(v);
  }
  return out;
}

function countsOf(values: (number | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

/** Describes the training rows of every feature column; numeric samples are seeded. */
export function buildDriftReference(
  frame: Frame,
  spec: Preprocessing,
  trainRows: ArrayLike<number>,
  seed = 11,
): DriftReference {
  const random = seededRandom(seed);
  const columns = spec.features.map((feature) => {
    const column = frame.columns[columnIndex(frame, feature.column)];
    const values = present(column, trainRows);
    const numeric = feature.kind === 'numeric' && new Set(values).size > 5;
    if (!numeric)
      return { column: feature.column, kind: 'categorical' as const, counts: countsOf(values) };
    const sample =
      values.length > SAMPLE ? shuffleInPlace(values.slice(), random).slice(0, SAMPLE) : values;
    return {
      column: feature.column,
      kind: 'numeric' as const,
      values: (sample as number[]).sort((a, b) => a - b),
    };
  });
  return { rows: trainRows.length, columns };
}

/** Compares `frame` (all rows) with the reference. */
export function driftReport(reference: DriftReference, frame: Frame): DriftReport {
  const all = Int32Array.from({ length: frame.rows }, (_, i) => i);
  const small = reference.rows <= SMALL;
  const columns = reference.columns.map((ref): ColumnDrift => {
    const index = columnIndex(frame, ref.column);
    const none = (note: string): ColumnDrift => ({
      column: ref.column,
      test: 'none',
      statistic: NaN,
      pValue: NaN,
      threshold: NaN,
      drifted: false,
      note,
    });
    // Small references: a significance test, drift at p < 0.05. Larger: a distance, drift at ≥ 0.1.
    const byPValue = (
      test: 'ks' | 'chi-square',
      { statistic, pValue }: { statistic: number; pValue: number },
    ): ColumnDrift => ({
      column: ref.column,
      test,
      statistic,
      pValue,
      threshold: P_DRIFT,
      drifted: pValue < P_DRIFT,
    });
    // The p-value is shown next to the distance, but at thousands of rows any small shift is
    // significant, so the distance decides.
    const byDistance = (
      test: 'wasserstein' | 'jensen-shannon',
      statistic: number,
      pValue: number,
    ): ColumnDrift => ({
      column: ref.column,
      test,
      statistic,
      pValue,
      threshold: DISTANCE_DRIFT,
      drifted: statistic >= DISTANCE_DRIFT,
    });
    if (index < 0) return none('column missing from the new data');
    const values = present(frame.columns[index], all);
    if (values.length === 0) return none('no values in the new data');
    if (ref.kind === 'numeric') {
      const cur = Float64Array.from(values, Number).filter(Number.isFinite).sort();
      const refValues = Float64Array.from(ref.values!);
      if (cur.length === 0) return none('no numeric values in the new data');
      const ks = ksTest(refValues, cur);
      if (small) return byPValue('ks', ks);
      return byDistance('wasserstein', wassersteinNormed(refValues, cur), ks.pValue);
    }
    const refCounts = new Map(Object.entries(ref.counts!));
    const curCounts = new Map(Object.entries(countsOf(values)));
    const chi = chiSquareTest(refCounts, curCounts);
    if (small) return byPValue('chi-square', chi);
    return byDistance('jensen-shannon', jensenShannon(refCounts, curCounts), chi.pValue);
  });
  const tested = columns.filter((c) => c.test !== 'none');
  const drifted = tested.filter((c) => c.drifted);
  const driftedShare = tested.length ? drifted.length / tested.length : 0;
  const datasetDrift = tested.length > 0 && driftedShare >= 0.5;
  const names = drifted.map((c) => c.column).join(', ');
  const summary = datasetDrift
    ? `Drift in ${drifted.length} of ${tested.length} columns (${names}): the data set has drifted; retraining advised.`
    : drifted.length
      ? `Drift in ${drifted.length} of ${tested.length} columns (${names}). Fewer than half of the columns drifted, so retraining is not yet advised; check predictions that depend on ${drifted.length === 1 ? 'this column' : 'these columns'}.`
      : `No drift detected in ${tested.length} columns; retraining not advised.`;
  return { columns, driftedShare, datasetDrift, retrainAdvised: datasetDrift, summary };
}
