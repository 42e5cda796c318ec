/** Missing cells, placeholder words (N/A, ?, unknown…) and numeric sentinels (-999, 99999…). */
import type { Operation } from '../clean/operations';
import type { Frame, FrameColumn } from '../table/frame';
import { findNumericSentinels, isMissingToken } from './sentinels';
import { fmt } from './stats';
import type { Detector, DetectorOutput, Finding } from './types';

const replace = (column: number, value: string): Operation => ({
  kind: 'column-transform',
  column,
  transform: { kind: 'replace-with-missing', values: [value] },
});

function impute(column: FrameColumn, c: number): Operation {
  const numeric = column.kind === 'number' && column.meta.type !== 'boolean';
  // The value is filled in when the op is applied; the strategy is what the user accepts here.
  return {
    kind: 'column-transform',
    column: c,
    transform: { kind: 'impute', strategy: numeric ? 'median' : 'mode', value: '' },
  };
}

/** Finds missing and disguised-missing cells, column by column. */
export function detectMissing(frame: Frame): DetectorOutput {
  const findings: Finding[] = [];
  frame.columns.forEach((column, c) => {
    const name = column.meta.name;
    const fill = impute(column, c);
    const push = (row: number, detector: string, score: number, reason: string, op: Operation) => {
      if (!frame.excluded[row])
        findings.push({ row, column: c, detector, score, reason, suggestion: op });
    };
    if (column.kind === 'number') {
      const sentinels = new Map(
        findNumericSentinels(column, frame.excluded).map((s) => [s.value, s]),
      );
      const { values, invalid } = column;
      for (let r = 0; r < frame.rows; r++) {
        const v = values[r];
        if (Number.isNaN(v)) {
          const text = invalid.get(r);
          if (text === undefined) push(r, 'missing', 0.2, `${name} is empty.`, fill);
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
        const s = sentinels.get(v);
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
      if (v === null) push(r, 'missing', 0.2, `${name} is empty.`, fill);
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
