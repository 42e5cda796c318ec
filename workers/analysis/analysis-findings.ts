/**
 * Findings held in the analysis worker: the detect summary that crosses to the page, and pages of
 * findings filtered by detector and column. Pure: no storage, no DOM (unit-tested in Node).
 */
import type {
  DetectSummary,
  FindingRow,
  FindingsPage,
  FindingsQuery,
} from '../../src/protocol/analysis-methods';

/** Most findings one page may carry (the page asks for fewer). */
export const MAX_PAGE = 500;

/** One detector's run as the summary needs it. */
export interface DetectorRun {
  name: string;
  description: string;
  note: string | null;
  ms: number;
}

/** Findings sorted highest score first (then by row, column), as every page lists them. */
export function sortFindings(findings: FindingRow[]): FindingRow[] {
  return findings.sort(
    (a, b) => b.score - a.score || a.row - b.row || (a.column ?? -1) - (b.column ?? -1),
  );
}

/** Tallies findings: per detector findings, kinds, distinct rows and their share of `rows`. */
export function summarize(
  findings: readonly FindingRow[],
  runs: readonly DetectorRun[],
  rows: number,
  target: string | null,
): Omit<DetectSummary, 'backend' | 'opsSeq'> {
  const flaggedBy = new Map<string, Set<number>>(runs.map((r) => [r.name, new Set()]));
  const kinds = new Map<string, Map<string, number>>(runs.map((r) => [r.name, new Map()]));
  const byColumn = new Map<number, number>();
  const flagged = new Set<number>();
  for (const f of findings) {
    let k = kinds.get(f.source);
    if (!k) kinds.set(f.source, (k = new Map()));
    k.set(f.detector, (k.get(f.detector) ?? 0) + 1);
    if (f.column !== null) byColumn.set(f.column, (byColumn.get(f.column) ?? 0) + 1);
    if (f.row < 0) continue;
    flaggedBy.get(f.source)?.add(f.row);
    flagged.add(f.row);
  }
  const share = (n: number) => (rows > 0 ? n / rows : 0);
  return {
    rows,
    target,
    detectors: runs.map((r) => {
      const k = [...(kinds.get(r.name) ?? [])].map(([kind, count]) => ({ kind, count }));
      const flaggedRows = flaggedBy.get(r.name)?.size ?? 0;
      return {
        ...r,
        findings: k.reduce((sum, x) => sum + x.count, 0),
        kinds: k.sort((a, b) => b.count - a.count),
        rows: flaggedRows,
        share: share(flaggedRows),
      };
    }),
    flaggedRows: flagged.size,
    byColumn: [...byColumn]
      .sort((a, b) => a[0] - b[0])
      .map(([column, count]) => ({ column, count })),
    total: findings.length,
  };
}

/** Whether `f` passes the query's filters. */
function matches(f: FindingRow, query: FindingsQuery): boolean {
  if (query.detector && f.source !== query.detector && f.detector !== query.detector) return false;
  if (query.column === undefined || query.column === null) return true;
  return query.column === -1 ? f.column === null : f.column === query.column;
}

/** One page of `sorted` findings under the query's filters. */
export function findingsPage(sorted: readonly FindingRow[], query: FindingsQuery): FindingsPage {
  const offset = Math.max(0, Math.floor(query.offset) || 0);
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.limit) || 0));
  const filtered = query.detector || (query.column ?? null) !== null;
  const list = filtered ? sorted.filter((f) => matches(f, query)) : sorted;
  return { offset, total: list.length, rows: list.slice(offset, offset + limit) };
}
