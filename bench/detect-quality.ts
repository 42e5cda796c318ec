/** Precision and recall of each detector against the errors a bench case injected. */
import { readFileSync } from 'node:fs';
import type { Finding } from '../src/core/detect/types';
import type { Frame } from '../src/core/table/frame';

/** Which detectors answer for each injected noise kind. */
export const DETECTORS_FOR: Record<string, string[]> = {
  sentinel: ['disguised-missing'],
  outlier: ['unit-error'],
  typo: ['typo'],
  missing: ['missing'],
  mnar: ['missing'],
  label: ['label'],
};

/** Figures for one noise kind of one case. */
export interface KindQuality {
  kind: string;
  injected: number;
  flagged: number;
  precision: number;
  recall: number;
  /** For labels: precision among the k highest-scored findings, k = number of flips. */
  precisionAtK?: number;
}

/** Minimal CSV reader for errors.csv (quoted fields, no embedded newlines needed). */
function parseLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Scores findings against errors.csv, per noise kind present in the case. */
export function scoreCase(errorsCsv: string, frame: Frame, findings: Finding[]): KindQuality[] {
  const lines = readFileSync(errorsCsv, 'utf8').split('\n').slice(1).filter(Boolean);
  const byKind = new Map<string, Set<string>>();
  for (const line of lines) {
    const [row, column, kind] = parseLine(line);
    const key = kind === 'label' ? row : `${row}:${column}`;
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(key);
  }
  const out: KindQuality[] = [];
  for (const [kind, truth] of byKind) {
    const names = DETECTORS_FOR[kind] ?? [];
    const mine = findings.filter((f) => names.includes(f.detector));
    const keyOf = (f: Finding) =>
      kind === 'label'
        ? String(f.row)
        : `${f.row}:${f.column === null ? '' : frame.columns[f.column].meta.name}`;
    const keys = new Set(mine.map(keyOf));
    let hit = 0;
    for (const k of keys) if (truth.has(k)) hit++;
    const q: KindQuality = {
      kind,
      injected: truth.size,
      flagged: keys.size,
      precision: keys.size ? hit / keys.size : 0,
      recall: hit / truth.size,
    };
    if (kind === 'label') {
      const top = [...mine].sort((a, b) => b.score - a.score).slice(0, truth.size);
      q.precisionAtK = top.length ? top.filter((f) => truth.has(keyOf(f))).length / top.length : 0;
    }
    out.push(q);
  }
  return out;
}
