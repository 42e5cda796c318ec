/** Missing cells, placeholder words (N/A, ?, unknown…) and numeric sentinels (-999, 99999…). */
import type { Operation } from '../clean/operations';
import { boolSpellings, type Frame, type FrameColumn } from '../table/frame';
import { findNumericSentinels, isMissingToken } from './sentinels';
import { formatDate } from '../table/parse-date';
import { columnStats, fmt } from '../stats/robust';
import { valueCounts } from '../stats/value-counts';
import type { Detector, DetectorOutput, Finding } from './types';

const NO_SENTINELS: ReadonlySet<number> = new Set();

const replace = (column: number, value: string): Operation => ({
  kind: 'column-transform',
  column,
  transform: { kind: 'replace-with-missing', values: [value] },
});

/**
 * The fill a person would accept for this column's empty cells, computed now so that the op
 * replays identically later: the median for numbers (rounded for integers, a date for dates),
 * the most frequent value otherwise. Sentinel codes, placeholder words and excluded rows are left
 * out. Null when the column has nothing to fill with.
 */
function imputeFor(
  frame: Frame,
  column: FrameColumn,
  c: number,
  sentinels: ReadonlySet<number>,
): Operation | null {
  const type = column.meta.type;
  if (column.kind === 'number' && type !== 'boolean') {
    const stats = columnStats(column.values, frame.excluded, sentinels);
    if (stats.n === 0) return null;
    const median = stats.median;
    const value =
      type === 'date'
        ? formatDate(Math.round(median))
        : type === 'integer'
          ? String(Math.round(median))
          : fmt(median);
    return {
      kind: 'column-transform',
      column: c,
      transform: { kind: 'impute', strategy: 'median', value },
    };
  }
  let mode: string | null = null;
  let best = 0;
  if (column.kind === 'number') {
    // Booleans: the commoner of true and false (a tie goes to the one seen first).
    const seen = [0, 0];
    let first = -1;
    for (let r = 0; r < frame.rows; r++) {
      const v = column.values[r];
      if (frame.excluded[r] || (v !== 0 && v !== 1)) continue;
      seen[v]++;
      if (first < 0) first = v;
    }
    // Named as the file spells it ("Yes"), so the suggestion reads as the data does.
    const spellings = boolSpellings(column) ?? ['false', 'true'];
    if (first >= 0) mode = spellings[seen[1] === seen[0] ? first : seen[1] > seen[0] ? 1 : 0];
  } else
    for (const [text, n] of valueCounts(column.values, frame.excluded))
      if (n > best && !isMissingToken(text)) [mode, best] = [text, n];
  if (mode === null) return null;
  return {
    kind: 'column-transform',
    column: c,
    transform: { kind: 'impute', strategy: 'mode', value: mode },
  };
}

/** Finds missing and disguised-missing cells, column by column. */
export function detectMissing(frame: Frame): DetectorOutput {
  const findings: Finding[] = [];
  frame.columns.forEach((column, c) => {
    const name = column.meta.name;
    let fill: Operation | null | undefined;
    // Computed on the first empty cell only: most columns have none.
    let skip: ReadonlySet<number> = NO_SENTINELS;
    const fillFor = () => (fill === undefined ? (fill = imputeFor(frame, column, c, skip)) : fill);
    const push = (
      row: number,
      detector: string,
      score: number,
      reason: string,
      op: Operation | null,
    ) => {
      if (!frame.excluded[row])
        findings.push({ row, column: c, detector, score, reason, suggestion: op });
    };
    if (column.kind === 'number') {
      const sentinels = new Map(
        findNumericSentinels(column, frame.excluded).map((s) => [s.value, s]),
      );
      skip = new Set(sentinels.keys());
      const { values, invalid } = column;
      for (let r = 0; r < frame.rows; r++) {
        const v = values[r];
        if (Number.isNaN(v)) {
          const text = invalid.get(r);
          if (text === undefined) push(r, 'missing', 0.2, `${name} is empty.`, fillFor());
          else if (isMissingToken(text))
            push(
              r,
              'disguised-missing',
              0.95,
              `"${text.trim()}" in ${name} stands for a missing value.`,
              replace(c, text),
            );
          continue;
        }
        const s = sentinels.size ? sentinels.get(v) : undefined;
        if (s)
          push(
            r,
            'disguised-missing',
            s.nines ? 0.9 : 0.75,
            `${fmt(v)} in ${name} looks like a missing-value code: it occurs ${s.count} times, far outside the other values.`,
            replace(c, fmt(v)),
          );
      }
      return;
    }
    for (let r = 0; r < frame.rows; r++) {
      const v = column.values[r];
      if (v === null) push(r, 'missing', 0.2, `${name} is empty.`, fillFor());
      else if (isMissingToken(v))
        push(
          r,
          'disguised-missing',
          0.9,
          `"${v.trim()}" in ${name} stands for a missing value.`,
          replace(c, v),
        );
    }
  });
  return { findings };
}

/** Detector: missing cells and disguised missing values. */
export const missingDetector: Detector = {
  name: 'missing',
  description: 'Empty cells, placeholder words (N/A, ?, unknown…) and numeric codes such as -999.',
  run: (frame) => detectMissing(frame),
};
