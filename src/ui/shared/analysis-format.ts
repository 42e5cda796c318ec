/** Text shared by the analysis tabs (Profile, Issues, Priority): shares and an analysis's progress. */
import type { AnalysisProgress } from '../../protocol/analysis-methods';

/** A share 0..1 as a percentage: 0.1234 → "12.3%", tiny non-zero shares → "<0.1%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(100 * share).toFixed(1)}%`;
}

/** What a progress report means, in words. */
export function progressText(p: AnalysisProgress | null): string {
  if (!p) return 'Starting…';
  if (p.phase === 'read') return `Reading the dataset: chunk ${p.done} of ${p.total}`;
  if (p.phase === 'profile') return 'Computing column statistics…';
  if (p.phase === 'done') return 'Finishing…';
  return `Running the ${p.phase} detector (${p.done + 1} of ${p.total})`;
}

/** Fraction 0..1 of a progress report (reading counts as the first tenth of the work). */
export function progressFraction(p: AnalysisProgress | null): number {
  if (!p || p.total <= 0) return 0;
  const f = Math.min(1, p.done / p.total);
  return p.phase === 'read' ? 0.1 * f : 0.1 + 0.9 * f;
}
