/**
 * The shape every detector shares: findings with a score in [0,1], a reason a person can read and
 * a suggested fix expressed as an operation of the log (so accepting it is one append).
 */
import type { Operation } from '../clean/operations';
import type { Frame } from '../table/frame';

/** One suspicious cell, row or column. */
export interface Finding {
  /** 0-based data row; -1 for a column-level finding. */
  row: number;
  /** Column index; null for a row-level finding. */
  column: number | null;
  /** Name of the detector that raised it. */
  detector: string;
  /** How sure the detector is that something is wrong, 0..1 (1 = certain). */
  score: number;
  /** One sentence saying what looks wrong and why. */
  reason: string;
  /** The fix the detector proposes, or null when only a person can decide. */
  suggestion: Operation | null;
}

/** What a detector is given besides the frame. */
export interface DetectContext {
  /** Index of the target column, or null when none was chosen. */
  target: number | null;
  /** Seed for every random choice (sampling, folds, initial weights). */
  seed: number;
  /** Checked between steps; an AbortSignal fits (core has no DOM types). */
  signal?: { readonly aborted: boolean };
}

/** A detector's output: its findings (only flagged ones), plus a note when it could not run. */
export interface DetectorOutput {
  findings: Finding[];
  /** Why the detector found nothing or skipped (e.g. "needs a target column"). */
  note?: string;
}

/** One detector; `run` is pure over the frame (no I/O), async only where a model trains. */
export interface Detector {
  name: string;
  /** One sentence saying what the detector looks for. */
  description: string;
  run(frame: Frame, context: DetectContext): DetectorOutput | Promise<DetectorOutput>;
}

/** Per-row score (max over a row's findings), 0 for rows without findings. */
export function rowScores(findings: readonly Finding[], rows: number): Float32Array {
  const scores = new Float32Array(rows);
  for (const f of findings) if (f.row >= 0 && f.score > scores[f.row]) scores[f.row] = f.score;
  return scores;
}

/** Clamps to [0,1] (NaN → 0) so every score honours the contract. */
export function clampScore(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}
