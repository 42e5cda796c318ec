/**
 * Category typos and variants: rare values that collide with a frequent one under OpenRefine's
 * fingerprint key (case, spacing, punctuation, word order), or lie within a small edit distance
 * of a much more frequent value (nearest-neighbour clustering). Also invalid cells of boolean
 * columns close to yes/no/true/false.
 */
import type { Frame } from '../table/frame';
import type { BoolVariants } from '../table/types';
import { editDistance, fingerprint } from './edit-distance';
import { isMissingToken } from './sentinels';
import { valueCounts } from '../stats/value-counts';
import type { Detector, DetectorOutput, Finding } from './types';

// A variant must be this many times rarer than the value it is mapped onto.
const RATIO = 5;
// Frequent values considered as targets for edit-distance matching (bounds the work at 10k+ categories).
const MAX_TARGETS = 200;
const BOOL_WORDS = ['yes', 'no', 'true', 'false'];

/** Frequent value that `value` is probably a misspelling of, with the evidence; or null. */
function canonicalFor(
  value: string,
  count: number,
  byKey: Map<string, [string, number]>,
  targets: Array<[string, number]>,
): { to: string; how: string } | null {
  const key = byKey.get(fingerprint(value));
  if (key && key[0] !== value && key[1] >= RATIO * count)
    return { to: key[0], how: 'differs only in case, spacing or punctuation from' };
  const lower = value.trim().toLowerCase();
  // Short words get one edit, longer ones two: "ifxed"→"fixed", but not "cat"→"car".
  const max = lower.length <= 3 ? 0 : lower.length <= 7 ? 1 : 2;
  if (max === 0) return null;
  let best: { to: string; d: number; n: number } | null = null;
  for (const [t, n] of targets) {
    if (n < RATIO * count || t === value) continue;
    const d = editDistance(lower, t.trim().toLowerCase(), max);
    if (d <= max && (!best || d < best.d || (d === best.d && n > best.n))) best = { to: t, d, n };
  }
  return best ? { to: best.to, how: `is ${best.d} edit${best.d > 1 ? 's' : ''} away from` } : null;
}

/**
 * Rare spellings of a yes/no value ("YES" in 3 rows among 900 "yes"): the parsed value is right,
 * but the text is a slip worth normalising. A spelling used often (≥ 1/RATIO as often as the
 * usual one) is a convention of the file, not a typo, and stays silent.
 */
function boolVariants(
  frame: Frame,
  c: number,
  values: Float64Array,
  variants: BoolVariants,
): Finding[] {
  const valueCount = [0, 0];
  for (let r = 0; r < frame.rows; r++)
    if (!frame.excluded[r] && (values[r] === 0 || values[r] === 1)) valueCount[values[r]]++;
  const spelled = new Map<string, number>();
  const usualCount = [...valueCount];
  for (const [row, text] of variants.text) {
    if (frame.excluded[row] || !(values[row] === 0 || values[row] === 1)) continue;
    spelled.set(text, (spelled.get(text) ?? 0) + 1);
    usualCount[values[row]]--;
  }
  const name = frame.columns[c].meta.name;
  const out: Finding[] = [];
  for (const [row, text] of variants.text) {
    const value = values[row];
    if (frame.excluded[row] || !(value === 0 || value === 1)) continue;
    const usual = variants.usual[value];
    const n = spelled.get(text)!;
    if (usual === '' || usualCount[value] < RATIO * n) continue;
    const how =
      fingerprint(text) === fingerprint(usual)
        ? 'differs only in case, spacing or punctuation from'
        : 'is a rare spelling of';
    out.push({
      row,
      column: c,
      detector: 'typo',
      score: Math.min(0.95, 0.6 + 0.35 * (1 - Math.min(1, (n / usualCount[value]) * RATIO))),
      reason: `"${text}" in ${name} ${how} the usual "${usual}" (${usualCount[value]} rows).`,
      suggestion: { kind: 'set-cell', row, column: c, value: usual },
    });
  }
  return out;
}

/** Flags probable misspellings in categorical columns with a map-categories fix. */
export function detectTypos(frame: Frame): DetectorOutput {
  const findings: Finding[] = [];
  frame.columns.forEach((column, c) => {
    const name = column.meta.name;
    if (column.kind === 'number') {
      if (column.meta.type !== 'boolean') return;
      for (const [row, text] of column.invalid) {
        if (frame.excluded[row] || isMissingToken(text)) continue;
        const lower = text.trim().toLowerCase();
        // One slip (including a swap, "on" for "no") away from a boolean word.
        const to = BOOL_WORDS.find((w) => editDistance(lower, w, 1) <= 1);
        if (to)
          findings.push({
            row,
            column: c,
            detector: 'typo',
            score: 0.8,
            reason: `"${text}" in ${name} is one slip away from "${to}".`,
            suggestion: { kind: 'set-cell', row, column: c, value: to },
          });
      }
      if (column.variants) findings.push(...boolVariants(frame, c, column.values, column.variants));
      return;
    }
    if (column.meta.type !== 'categorical') return;
    const counts = valueCounts(column.values, frame.excluded);
    const byKey = new Map<string, [string, number]>();
    for (const [v, n] of counts) {
      const k = fingerprint(v);
      const cur = byKey.get(k);
      if (!cur || n > cur[1]) byKey.set(k, [v, n]);
    }
    const targets = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_TARGETS)
      .filter(([, n]) => n >= RATIO);
    const fixes = new Map<string, { to: string; how: string; share: number }>();
    for (const [v, n] of counts) {
      if (isMissingToken(v)) continue;
      const hit = canonicalFor(v, n, byKey, targets);
      if (hit) fixes.set(v, { ...hit, share: n / (counts.get(hit.to) ?? n) });
    }
    if (fixes.size === 0) return;
    for (let r = 0; r < frame.rows; r++) {
      const v = column.values[r];
      const fix = v === null || frame.excluded[r] ? undefined : fixes.get(v);
      if (!fix) continue;
      findings.push({
        row: r,
        column: c,
        detector: 'typo',
        // Rarer relative to its canonical value → more likely a slip than a real category.
        score: Math.min(0.95, 0.6 + 0.35 * (1 - Math.min(1, fix.share * RATIO))),
        reason: `"${v}" in ${name} ${fix.how} the much more frequent "${fix.to}".`,
        suggestion: {
          kind: 'column-transform',
          column: c,
          transform: { kind: 'map-categories', mapping: [[v!, fix.to]] },
        },
      });
    }
  });
  return { findings };
}

/** Detector: misspelled or variant categories. */
export const typoDetector: Detector = {
  name: 'typo',
  description: 'Rare category values that are variants or misspellings of a frequent one.',
  run: (frame) => detectTypos(frame),
};
