/** Disguised missing values: placeholder words and numeric sentinels such as -999 or 99999. */
import type { FrameColumn } from '../table/frame';
import { columnStats, finiteValues, fmt, type RobustStats } from '../stats/robust';

/** Texts that stand for "no value" (compared trimmed, lower-case). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  'na',
  'n/a',
  'n.a.',
  'nan',
  'null',
  'none',
  'nil',
  '?',
  '-',
  '--',
  'unknown',
  'missing',
  '#n/a',
]);

/** True when `text` is a placeholder for a missing value. */
export function isMissingToken(text: string): boolean {
  // Called on every text cell (profile and detectors): a text longer than any token with no
  // space around it is answered at once, short ones are remembered (a column repeats them).
  const n = text.length;
  if (n > 8 && text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32) return false;
  let known = tokenMemo.get(text);
  if (known === undefined) {
    if (tokenMemo.size >= 4096) tokenMemo.clear();
    tokenMemo.set(text, (known = MISSING_TOKENS.has(text.trim().toLowerCase())));
  }
  return known;
}

const tokenMemo = new Map<string, boolean>();

/** A numeric value that stands for "missing", with how it was recognised. */
export interface NumericSentinel {
  value: number;
  count: number;
  /** True for all-nines patterns (-999, 9999, 99999): the usual codes, so more certain. */
  nines: boolean;
}

const NINES = /^-?9{2,}(\.9+)?$/;
// A value this many robust standard deviations from the median is outside the bulk.
const FAR_Z = 8;

/** True when value / 10^k lands inside the bulk: a repeated unit error, not a code. */
function unitExplained(value: number, s: RobustStats): boolean {
  for (let k = 1; k <= 4; k++) {
    const y = value / 10 ** k;
    if (y >= s.q1 - 1.5 * (s.q3 - s.q1) && y <= s.q3 + 1.5 * (s.q3 - s.q1)) return true;
  }
  return false;
}

/**
 * Numeric sentinels found from the data: a value repeated at least twice that lies far outside
 * the rest (beyond 3 IQR from the quartiles and FAR_Z robust σ from the median), kept when it is
 * an all-nines code or repeated at least 3 times (an unit error of one value rarely repeats).
 */
export function findNumericSentinels(
  column: FrameColumn,
  excluded?: Uint8Array,
): NumericSentinel[] {
  if (column.kind !== 'number') return [];
  const type = column.meta.type;
  if (type !== 'integer' && type !== 'float') return [];
  // Asked for by the profile, the missing and the outlier detectors: remembered (see statsMemo).
  const known = sentinelMemo.get(column.values);
  if (known && known.excluded === excluded) return known.found;
  const found = searchSentinels(column.values, excluded);
  sentinelMemo.set(column.values, { excluded, found });
  return found;
}

const sentinelMemo = new WeakMap<
  Float64Array,
  { excluded: Uint8Array | undefined; found: NumericSentinel[] }
>();

function searchSentinels(values: Float64Array, excluded?: Uint8Array): NumericSentinel[] {
  const finite = finiteValues(values, excluded);
  if (finite.length < 5) return [];
  const s = columnStats(values, excluded);
  const iqr = s.q3 - s.q1;
  let negatives = 0;
  for (const v of finite) if (v < 0) negatives++;
  // A negative code in a column that is otherwise never negative is out of range whatever its size.
  const signless = negatives < 0.01 * finite.length;
  const counts = new Map<number, number>();
  for (const v of finite) {
    const z = s.scale === 0 ? Infinity : Math.abs(v - s.median) / s.scale;
    const outside = v < s.q1 - 3 * iqr || v > s.q3 + 3 * iqr;
    if ((signless && v < 0) || (outside && z > 4)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const out: NumericSentinel[] = [];
  for (const [value, count] of counts) {
    const nines = NINES.test(fmt(value));
    const z = s.scale === 0 ? Infinity : Math.abs(value - s.median) / s.scale;
    const far = (signless && value < 0) || z > FAR_Z;
    if (nines ? count >= 2 : far && count >= 3 && !unitExplained(value, s))
      out.push({ value, count, nines });
  }
  return out;
}
