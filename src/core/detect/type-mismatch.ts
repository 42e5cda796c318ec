/** Cells whose text does not parse as the column's type (the frame's `invalid` map). */
import type { Frame } from '../table/frame';
import { isMissingToken } from './sentinels';
import type { Detector, DetectorOutput, Finding } from './types';

// Units, thousands separators or currency around a number: "12 kg", "$1,200", "45%".
const NUMBER_INSIDE = /^[^\d-]*(-?\d[\d,]*(?:\.\d+)?)(?:[eE][-+]?\d+)?[^\d]*$/;

/** A number recoverable from text such as "$1,200" or "12 kg", or null. */
export function salvageNumber(text: string): string | null {
  const m = NUMBER_INSIDE.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ''));
  return Number.isFinite(n) ? String(n) : null;
}

/** Flags unparsable cells; placeholders are left to the missing detector. */
export function detectTypeMismatch(frame: Frame): DetectorOutput {
  const findings: Finding[] = [];
  frame.columns.forEach((column, c) => {
    const numeric = column.kind === 'number';
    for (const [row, text] of column.invalid) {
      if (frame.excluded[row] || isMissingToken(text)) continue;
      const salvage =
        numeric && column.meta.type !== 'boolean' && column.meta.type !== 'date'
          ? salvageNumber(text)
          : null;
      const reason = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a valid ${column.meta.type} for ${column.meta.name}${salvage ? `; it reads as ${salvage}` : ''}.`;
      findings.push({
        row,
        column: c,
        detector: 'type-mismatch',
        score: 0.8,
        reason,
        suggestion: { kind: 'set-cell', row, column: c, value: salvage },
      });
    }
  });
  return { findings };
}

/** Detector: values that do not parse as their column's type. */
export const typeMismatchDetector: Detector = {
  name: 'type-mismatch',
  description:
    'Cells whose text is not a valid value of the column type (e.g. "abc" or Infinity in a number column).',
  run: (frame) => detectTypeMismatch(frame),
};
