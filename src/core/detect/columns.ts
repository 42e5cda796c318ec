/** Column-level problems: constant columns, identifier-like columns and target leaks. */
import { association } from '../stats/association';
import type { Frame, FrameColumn } from '../table/frame';
import { fmt } from '../stats/robust';
import { valueCounts } from '../stats/value-counts';
import type { Detector, DetectorOutput, Finding } from './types';

// Association with the target above which a feature is suspected of leaking it.
const LEAK = 0.95;

function distinctNonMissing(
  c: FrameColumn,
  excluded: Uint8Array,
): { distinct: number; present: number } {
  if (c.kind === 'string') {
    let present = 0;
    const counts = valueCounts(c.values, excluded);
    for (const n of counts.values()) present += n;
    return { distinct: counts.size, present };
  }
  const seen = new Set<string | number>();
  let present = 0;
  for (let r = 0; r < c.values.length; r++) {
    const v = c.values[r];
    if (excluded[r] || v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    present++;
    seen.add(v);
  }
  return { distinct: seen.size, present };
}

/**
 * Why a column looks like an identifier, in words, or null. Strings (and columns the importer
 * typed as identifiers) count when nearly every value differs. A measurement spread over a wide
 * range also has nearly all values different (a monthly rate of 2,094–26,999 over 1,470 rows), so
 * an integer counts only when every value differs and they also count up row by row or fill
 * their range densely, as keys do.
 */
function identifierReason(
  c: FrameColumn,
  excluded: Uint8Array,
  distinct: number,
  present: number,
): string | null {
  const share = `has a different value in ${fmt(Math.round((100 * distinct) / present))}% of rows`;
  if (c.meta.type === 'identifier') return share;
  if (c.meta.type === 'categorical' || c.meta.type === 'text')
    return distinct >= 0.95 * present ? share : null;
  if (c.meta.type !== 'integer' || c.kind !== 'number' || distinct < present) return null;
  let min = Infinity;
  let max = -Infinity;
  let increasing = true;
  let previous = -Infinity;
  for (let r = 0; r < c.values.length; r++) {
    const v = c.values[r];
    if (excluded[r] || Number.isNaN(v)) continue;
    if (v <= previous) increasing = false;
    previous = v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const span = `${fmt(min)}–${fmt(max)}`;
  if (increasing) return `has a different value in every row, counting up row by row (${span})`;
  if (max - min + 1 <= 2 * present)
    return `has a different value in every row, filling ${fmt(Math.round((100 * present) / (max - min + 1)))}% of the whole numbers ${span}`;
  return null;
}

/** Flags constant, identifier-like and (with a target) leaking columns. */
export function detectColumnIssues(frame: Frame, target: number | null): DetectorOutput {
  const findings: Finding[] = [];
  const push = (column: number, detector: string, score: number, reason: string) =>
    findings.push({ row: -1, column, detector, score, reason, suggestion: null });
  frame.columns.forEach((c, i) => {
    const name = c.meta.name;
    const { distinct, present } = distinctNonMissing(c, frame.excluded);
    if (present === 0)
      push(i, 'constant', 1, `${name} is empty in every row; it carries no information.`);
    else if (distinct === 1)
      push(
        i,
        'constant',
        1,
        `${name} holds one value in every non-missing row; it carries no information.`,
      );
    else if (i !== target && present >= 20) {
      const reason = identifierReason(c, frame.excluded, distinct, present);
      if (reason)
        push(
          i,
          'identifier',
          0.9,
          `${name} ${reason}, like an identifier; a model would memorise it instead of learning.`,
        );
    }
  });
  if (target !== null) {
    frame.columns.forEach((c, i) => {
      // An identifier "predicts" anything in-sample; it is already flagged as such.
      if (i === target || findings.some((f) => f.column === i)) return;
      const a = association(c, frame.columns[target]);
      if (a.value >= LEAK)
        push(
          i,
          'target-leak',
          a.value,
          `${c.meta.name} predicts ${frame.columns[target].meta.name} almost perfectly (${a.measure} ${fmt(+a.value.toFixed(3))}); it may be derived from the target.`,
        );
    });
  }
  return { findings };
}

/** Detector: column-level problems. */
export const columnDetector: Detector = {
  name: 'columns',
  description: 'Constant columns, identifier-like columns and columns that leak the target.',
  run: (frame, context) => detectColumnIssues(frame, context.target),
};
