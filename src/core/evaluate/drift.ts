/**
 * Drift of new data against the training data, column by column, with Evidently's defaults:
 * a reference of ≤ 1,000 rows uses KS (numeric, > 5 distinct values) or χ² (categorical),
 * p < 0.05 = drift; a larger one uses normalised Wasserstein or Jensen–Shannon, ≥ 0.1 = drift.
 * Every tested column also gets the KS or χ² p-value, whichever test decides. The data set drifts
 * (retraining advised) when at least half of the columns do; the summary names every drifted
 * column either way, so it never calls the data calm while columns in its table drifted.
 */
import { columnIndex, type Frame, type FrameColumn } from '../table/frame';
import { binnedKs, binnedWasserstein } from './drift-binned';
import { chiSquareTest, jensenShannon, ksTest, wassersteinNormed } from './drift-stats';
import {
  DEFAULT_PRIVACY_K,
  poolRare,
  summariseNumeric,
  type NumericSummary,
} from './private-summary';

/**
 * drift-reference.json in the bundle: per feature column, a summary of the training values that
 * gives no row back (see private-summary.ts): bins of ≥ k rows, or counts of values seen ≥ k
 * times with the rest pooled. Identifier and free-text columns are never summarised.
 */
export interface DriftReference {
  format?: 'cleanroom-drift-reference';
  /** 2: private summaries. Absent (1): older bundles that kept a sample of raw values. */
  version?: 2;
  /** Fewest rows behind any bin or category. */
  k?: number;
  /** Training rows the reference describes (decides which test applies). */
  rows: number;
  columns: {
    column: string;
    kind: 'numeric' | 'categorical';
    /** Numeric: equal-frequency bins of ≥ k values; null when fewer than k values were present. */
    bins?: NumericSummary | null;
    /** Categorical: values seen ≥ k times. */
    counts?: Record<string, number>;
    /** Categorical: how many values were seen fewer than k times each (pooled, unnamed). */
    other?: number;
    /** Older bundles only: a sorted sample of raw values (read, never written). */
    values?: number[];
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

/** Key the pooled rare categories go under: no cell can hold a NUL character and this text. */
const OTHER = '\u0000other';

/** What the reference needs of a run's preprocessing: its feature columns and privacy k. */
export interface DriftFeatures {
  features: ReadonlyArray<{ column: string; kind: 'numeric' | 'categorical' }>;
  privacyK?: number;
}

/**
 * Summarises the training rows of every feature column with at least `k` rows behind every
 * published figure; identifier and free-text columns are left out even when kept as features.
 */
export function buildDriftReference(
  frame: Frame,
  spec: DriftFeatures,
  trainRows: ArrayLike<number>,
  k = spec.privacyK ?? DEFAULT_PRIVACY_K,
): DriftReference {
  const columns = spec.features.flatMap((feature): DriftReference['columns'] => {
    const column = frame.columns[columnIndex(frame, feature.column)];
    if (column.meta.type === 'identifier' || column.meta.type === 'text') return [];
    const values = present(column, trainRows);
    const numeric = feature.kind === 'numeric' && new Set(values).size > 5;
    if (!numeric)
      return [
        { column: feature.column, kind: 'categorical' as const, ...poolRare(countsOf(values), k) },
      ];
    const sorted = Float64Array.from(values as number[]).sort();
    const taken = new Set(column.kind === 'number' ? column.values : []);
    return [
      {
        column: feature.column,
        kind: 'numeric' as const,
        bins: summariseNumeric(sorted, k, taken),
      },
    ];
  });
  return { format: 'cleanroom-drift-reference', version: 2, k, rows: trainRows.length, columns };
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
      if (cur.length === 0) return none('no numeric values in the new data');
      if (ref.values) {
        const refValues = Float64Array.from(ref.values);
        const ks = ksTest(refValues, cur);
        if (small) return byPValue('ks', ks);
        return byDistance('wasserstein', wassersteinNormed(refValues, cur), ks.pValue);
      }
      if (!ref.bins) return none('too few training values to summarise privately');
      const ks = binnedKs(ref.bins, cur);
      if (small) return byPValue('ks', ks);
      return byDistance('wasserstein', binnedWasserstein(ref.bins, cur), ks.pValue);
    }
    // Values the reference does not name (rare in training, or new) are compared as one pool.
    const refCounts = new Map(Object.entries(ref.counts!));
    if (ref.other) refCounts.set(OTHER, ref.other);
    const curCounts = new Map<string, number>();
    for (const [value, count] of Object.entries(countsOf(values))) {
      const key = refCounts.has(value) && value !== OTHER ? value : OTHER;
      curCounts.set(key, (curCounts.get(key) ?? 0) + count);
    }
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
