/** Profile alerts with ydata-profiling's default thresholds, each with a sentence saying why. */
import type { ColumnProfile } from './column-profile';

/** One alert about a column (or a pair of columns). */
export interface ProfileAlert {
  kind:
    | 'missing'
    | 'skewed'
    | 'high-cardinality'
    | 'high-correlation'
    | 'constant'
    | 'unique'
    | 'imbalance';
  column: string;
  message: string;
}

/** ydata-profiling defaults: missing share, |skewness|, categories, correlation, imbalance. */
export const THRESHOLDS = {
  missing: 0.01,
  skewness: 20,
  cardinality: 50,
  correlation: 0.9,
  imbalance: 0.5,
} as const;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Class imbalance 1 − H/log(k) of a value distribution (0 = balanced, 1 = one class). */
export function imbalance(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length < 2 || total === 0) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return 1 - h / Math.log(counts.length);
}

/** Alerts for one column profile; `rows` is the number of rows considered. */
export function columnAlerts(
  p: ColumnProfile,
  rows: number,
  allCounts: number[] | null,
): ProfileAlert[] {
  const out: ProfileAlert[] = [];
  const add = (kind: ProfileAlert['kind'], message: string) =>
    out.push({ kind, column: p.name, message });
  const missingShare = rows ? p.missing / rows : 0;
  if (p.count > 0 && p.distinct === 1)
    add(
      'constant',
      `${p.name} has one value ("${p.topValues[0].value}") in every present row: it carries no information.`,
    );
  if (p.count === 0) add('constant', `${p.name} has no values at all.`);
  if (missingShare > THRESHOLDS.missing)
    add(
      'missing',
      `${p.name} is missing in ${pct(missingShare)} of rows (${p.disguisedMissing} of them disguised as placeholders or codes); models need them imputed or dropped.`,
    );
  if (p.numeric && Math.abs(p.numeric.skewness) > THRESHOLDS.skewness)
    add(
      'skewed',
      `${p.name} is highly skewed (skewness ${p.numeric.skewness.toFixed(1)}): a few extreme values dominate its mean and scale; consider a log transform or check for unit errors.`,
    );
  const categorical = p.type === 'categorical' || p.type === 'text' || p.type === 'identifier';
  if (categorical && p.count > 0 && p.uniqueShare === 1 && p.count > 1)
    add(
      'unique',
      `${p.name} has a different value in every row, like an identifier: a model cannot generalise from it.`,
    );
  else if (categorical && p.distinct > THRESHOLDS.cardinality)
    add(
      'high-cardinality',
      `${p.name} has ${p.distinct} distinct values (over ${THRESHOLDS.cardinality}): one-hot encoding it would be large and sparse.`,
    );
  if (
    (categorical || p.type === 'boolean') &&
    allCounts &&
    p.distinct > 1 &&
    p.distinct <= THRESHOLDS.cardinality
  ) {
    const score = imbalance(allCounts);
    if (score > THRESHOLDS.imbalance)
      add(
        'imbalance',
        `${p.name} is imbalanced (score ${score.toFixed(2)}): "${p.topValues[0].value}" holds ${pct(p.topValues[0].count / p.count)} of values, so rare classes get little weight.`,
      );
  }
  return out;
}
