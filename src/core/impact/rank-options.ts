/** The choices a ranking takes (their own file: rank.ts and value-splits.ts both read them). */
import type { ShapleyRunner } from './knn-shapley';

/** Choices for a ranking; every field has a default. */
export interface RankOptions {
  /** Neighbours of the KNN utility (default 10). */
  k?: number;
  /** Seed of the held-out split (default 1). */
  seed?: number;
  /** Share of training rows held out when there is no validation split (default 0.2). */
  holdout?: number;
  /** Told what happens, one short line at a time. */
  onProgress?: (message: string) => void;
  /**
   * Let the quick model's agreement raise the neighbours' pWrong (default false: measured on
   * bench:cleaning it lowered mean gap_closed, pushing label rows above cell errors; the model's
   * figures still go into the signals and the reasons).
   */
  modelOpinion?: boolean;
  /**
   * Most reference rows (validation rows, or held-out ones) each training row is valued against
   * (default `defaultMaxReference`: about 5e8 pairs, at least 500 rows). A larger reference is
   * replaced by a seeded, stratified sample; the notes say so.
   */
  maxReference?: number;
  /** Computes KNN-Shapley (default: `knnShapley` on this thread; the CLI passes a threaded one). */
  shapley?: ShapleyRunner;
}
