/** Missing cells, placeholder words (N/A, ?, unknown…) and numeric sentinels (-999, 99999…). */
import type { Operation } from '../clean/operations';
import type { Frame, FrameColumn } from '../table/frame';
import { findNumericSentinels, isMissingToken } from './sentinels';
import { formatDate } from '../table/parse-date';
import { columnStats, fmt } from './stats';
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
  const counts = new Map<string, number>();
  for (let r = 0; r < frame.rows; r++) {
    if (frame.excluded[r]) continue;
    const v = column.values[r];
    const text =
      column.kind === 'number'
        ? Number.isNaN(v as number)
          ? null
          : (v as number) === 1
            ? 'true'
            : 'false'
        : (v as string | null);
    if (text === null || isMissingToken(text)) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let mode: string | null = null;
  let best = 0;
  for (const [text, n] of counts) if (n > best) [mode, best] = [text, n];
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
