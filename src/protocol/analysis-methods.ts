import type { Operation } from '../core/clean/operations';
import type { DatasetProfile } from '../core/profile/profile';

/** Progress of a long analysis call: `phase` names the step ("read", "profile", a detector). */
export interface AnalysisProgress {
  phase: string;
  done: number;
  total: number;
}

/**
 * The profile as it crosses to the page: the column × column missing matrix stays behind, and
 * correlated pairs (with their alerts) are capped at the strongest few hundred.
 */
export type ProfileResult = Omit<DatasetProfile, 'missingTogether'> & {
  /** Name of the target the associations were computed against, or null. */
  target: string | null;
  /** Correlated pairs found, before the cap. */
  correlatedPairsTotal: number;
};

/** One detector's tally over a dataset version. */
export interface DetectorSummary {
  name: string;
  description: string;
  /** Findings raised (cells, rows or columns). */
  findings: number;
  /** Findings per kind it reports (e.g. outlier: "outlier", "unit-error"). */
  kinds: Array<{ kind: string; count: number }>;
  /** Distinct data rows with at least one finding. */
  rows: number;
  /** rows / rows considered (excluded rows left out), 0..1. */
  share: number;
  /** Why it found nothing or was skipped (e.g. the label detector without a target). */
  note: string | null;
  ms: number;
}

/** What `detect` returns: tallies only; the findings stay in the worker and come by page. */
export interface DetectSummary {
  /** Rows considered (excluded rows left out). */
  rows: number;
  target: string | null;
  detectors: DetectorSummary[];
  /** Distinct rows flagged by any detector. */
  flaggedRows: number;
  /** Findings per column index (row-level findings are not counted here). */
  byColumn: Array<{ column: number; count: number }>;
  total: number;
  /** TF.js backend the label detector trains on (e.g. "cpu"). */
  backend: string;
  /** The version detected: seq of the last operation replayed (0: the imported source). */
  opsSeq: number;
}

/** One finding as the page shows it: core's Finding plus the detector that raised it. */
export interface FindingRow {
  /** 0-based data row; -1 for a column-level finding. */
  row: number;
  column: number | null;
  /** Name of the detector that ran (what the summary and the detector filter use). */
  source: string;
  /** Kind of finding, as core names it (e.g. "unit-error" from the outlier detector). */
  detector: string;
  score: number;
  reason: string;
  suggestion: Operation | null;
}

/**
 * Which findings to list; null/absent = no filter. `detector` matches the detector that ran or
 * the finding's kind; `column: -1` = row-level findings only.
 */
export interface FindingsQuery {
  id: string;
  offset: number;
  limit: number;
  detector?: string | null;
  column?: number | null;
}

/** A page of findings, highest score first. */
export interface FindingsPage {
  offset: number;
  /** Findings matching the filter. */
  total: number;
  rows: FindingRow[];
}

/** What the analysis worker does: profile a dataset version, run detectors, page their findings. */
export type AnalysisMethods = {
  profile: {
    params: { id: string; target?: string | null };
    result: ProfileResult;
    progress: AnalysisProgress;
  };
  detect: {
    params: { id: string; target?: string | null; detectors?: string[] };
    result: DetectSummary;
    progress: AnalysisProgress;
  };
  findings: { params: FindingsQuery; result: FindingsPage; progress: never };
};
