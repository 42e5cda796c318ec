/**
 * Duplicate rows: exact copies, near copies (equal after trimming, lower-casing and rounding
 * numbers to 4 significant digits) and conflicting copies (same features, different label).
 */
import type { Frame } from '../table/frame';
import type { Detector, DetectorOutput, Finding } from './types';

function cell(frame: Frame, c: number, r: number, loose: boolean): string {
  const v = frame.columns[c].values[r];
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return '\u0000';
  if (typeof v === 'number') return loose ? String(+v.toPrecision(4)) : String(v);
  return loose ? v.trim().toLowerCase() : v;
}

/** Row key over `columns`; \u0001 separates cells (it does not occur in CSV text in practice). */
function rowKey(frame: Frame, columns: number[], r: number, loose: boolean): string {
  let key = '';
  for (const c of columns) key += cell(frame, c, r, loose) + '\u0001';
  return key;
}

/** Row indexes grouped by their values over `columns` (groups of two or more only). */
export function duplicateGroups(frame: Frame, columns: number[], loose: boolean): number[][] {
  const byKey = new Map<string, number[]>();
  for (let r = 0; r < frame.rows; r++) {
    if (frame.excluded[r]) continue;
    const k = rowKey(frame, columns, r, loose);
    const g = byKey.get(k);
    if (g) g.push(r);
    else byKey.set(k, [r]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}

/** Flags exact, near and conflicting duplicates. */
export function detectDuplicates(frame: Frame, target: number | null): DetectorOutput {
  const findings: Finding[] = [];
  const all = frame.columns.map((_, c) => c);
  const flagged = new Set<number>();
  for (const g of duplicateGroups(frame, all, false))
    for (const r of g.slice(1)) {
      flagged.add(r);
      findings.push({
        row: r,
        column: null,
        detector: 'duplicate',
        score: 0.9,
        reason: `Row ${r} is an exact copy of row ${g[0]}.`,
        suggestion: { kind: 'exclude-row', row: r },
      });
    }
  for (const g of duplicateGroups(frame, all, true)) {
    for (const r of g.slice(1))
      if (!flagged.has(r)) {
        flagged.add(r);
        findings.push({
          row: r,
          column: null,
          detector: 'near-duplicate',
          score: 0.6,
          reason: `Row ${r} equals row ${g[0]} up to case, spacing and rounding.`,
          suggestion: { kind: 'exclude-row', row: r },
        });
      }
  }
  if (target === null) return { findings };
  const features = all.filter((c) => c !== target);
  const labels = frame.columns[target];
  for (const g of duplicateGroups(frame, features, false)) {
    const votes = new Map<string, number>();
    for (const r of g)
      votes.set(cell(frame, target, r, false), (votes.get(cell(frame, target, r, false)) ?? 0) + 1);
    if (votes.size < 2) continue;
    const [major, count] = [...votes].sort((a, b) => b[1] - a[1])[0];
    const tie = [...votes.values()].filter((n) => n === count).length > 1;
    for (const r of g) {
      const mine = cell(frame, target, r, false);
      if (mine === major && !tie) continue;
      const value = labels.kind === 'string' ? labels.values[r] : String(labels.values[r]);
      findings.push({
        row: r,
        column: target,
        detector: 'conflicting-duplicate',
        score: tie ? 0.5 : 0.8,
        reason: `Rows ${g.slice(0, 5).join(', ')}${g.length > 5 ? '…' : ''} have the same features but labels disagree (this one: "${value ?? ''}").`,
        suggestion:
          tie || major === '\u0000'
            ? null
            : { kind: 'relabel', row: r, column: target, value: major },
      });
    }
  }
  return { findings };
}

/** Detector: duplicate and conflicting rows. */
export const duplicateDetector: Detector = {
  name: 'duplicates',
  description: 'Exact and near-duplicate rows, and rows with the same features but another label.',
  run: (frame, context) => detectDuplicates(frame, context.target),
};
