/** Text for the Profile tab: statistics, dates and alert titles. */
import type { ProfileAlert } from '../../core/profile/alerts';

/** A statistic with 4 significant digits (thousands separated, no exponent below 1e15). */
export function formatStat(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(2);
  const digits =
    Math.abs(x) >= 1000 ? 0 : Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x) || 1)));
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A date column's value (epoch ms, UTC) as an ISO date, with the time when it is not midnight. */
export function formatDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z')
    ? iso.slice(0, 10)
    : `${iso.slice(0, 16).replace('T', ' ')}`;
}

/** A spread of a date column (milliseconds) in days. */
export function formatDays(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  return `${formatStat(ms / 86_400_000)} days`;
}

/** Short title of an alert kind, with the threshold that raised it (ydata-profiling's defaults). */
export const ALERT_TITLES: Record<ProfileAlert['kind'], string> = {
  missing: 'Missing values (over 1% of rows)',
  skewed: 'Highly skewed (|skewness| over 20)',
  'high-cardinality': 'High cardinality (over 50 categories)',
  'high-correlation': 'Highly correlated (|r| over 0.9)',
  constant: 'Constant',
  unique: 'Unique in every row',
  imbalance: 'Imbalanced (imbalance score over 0.5)',
};

/** Name of an association measure. */
export function measureName(measure: string): string {
  if (measure === 'pearson') return '|Pearson r|';
  if (measure === 'cramers-v') return "Cramér's V";
  if (measure === 'correlation-ratio') return 'correlation ratio η';
  return measure;
}
