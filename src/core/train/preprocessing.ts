/**
 * The feature pipeline as data: fitted on the training split, stored as preprocessing.json in the
 * model bundle, applied by `transformFrame` identically at training and prediction time.
 */
import type { Task } from './target';

/** A numeric column: median imputation, optional missing indicator, then (x - center) / scale. */
export interface NumericFeature {
  kind: 'numeric';
  column: string;
  /** Training median; replaces missing values. */
  median: number;
  /** Mean (standard) or median (robust) of the training values. */
  center: number;
  /** Standard deviation (standard) or IQR (robust); 1 where that is 0. */
  scale: number;
  /** True when the training split had missing values: adds a 0/1 "was missing" input. */
  indicator: boolean;
  /** Yes/no columns: how the file writes the values read as 0 and 1 (e.g. ["No", "Yes"]). */
  spellings?: [string, string];
  /** Values are clipped to these bounds first (robust-bounds.ts); absent in older bundles. */
  clip?: { low: number; high: number };
}

/** A string column: one input per kept category, plus "other" when only the top k were kept. */
export interface CategoricalFeature {
  kind: 'categorical';
  column: string;
  categories: string[];
  /** True for high-cardinality columns: values outside `categories` go to an "other" input. */
  other: boolean;
}

/** One input column of the source data. */
export type Feature = NumericFeature | CategoricalFeature;

/** A source column not used as a feature, and why. */
export interface ExcludedColumn {
  column: string;
  reason: string;
}

/** preprocessing.json: everything needed to turn a row of the CSV into model inputs. */
export interface Preprocessing {
  format: 'cleanroom-preprocessing';
  version: 1;
  task: Task;
  target: string;
  /**
   * Class names in output order (classification), as the file spells them: the model's output i
   * is classes[i]; for a yes/no target ["No", "Yes"], so output 1 (the sigmoid) is "Yes".
   */
  classes: string[];
  /** Regression: the model predicts (y - mean) / std; undo that to get the target's units. */
  targetScaling: { mean: number; std: number } | null;
  scaling: 'standard' | 'robust';
  features: Feature[];
  excluded: ExcludedColumn[];
  /** Name of each model input, in order (e.g. `age`, `age__missing`, `city=Paris`). */
  inputNames: string[];
  /**
   * Fewest training rows behind any figure kept here: medians and quartiles are means of ≥ k
   * middle values, categories seen fewer than k times go to "other". Absent in older files.
   */
  privacyK?: number;
}

/** Names of the inputs one feature produces, in order. */
export function inputNamesOf(feature: Feature): string[] {
  if (feature.kind === 'numeric')
    return feature.indicator ? [feature.column, `${feature.column}__missing`] : [feature.column];
  const names = feature.categories.map((c) => `${feature.column}=${c}`);
  return feature.other ? [...names, `${feature.column}=__other__`] : names;
}
