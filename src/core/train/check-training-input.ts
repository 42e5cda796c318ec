/**
 * Refusals before any fitting, shared by the CLI and the app's training worker: a run with no
 * feature to learn from, or with no validation or test rows to judge it on, would otherwise
 * "succeed" with a model of nothing or metrics of n/a and ±Infinity.
 */
import { CleanroomError } from '../errors';
import type { Preprocessing } from './preprocessing';
import type { Split, SplitOptions } from './split';
import type { EncodedTarget } from './target';

/** Throws when no column is left to learn from, saying which columns there were and why not. */
export function checkFeatures(preprocessing: Preprocessing, columnCount: number): void {
  if (preprocessing.features.length > 0) return;
  const target = preprocessing.target;
  if (columnCount <= 1 || preprocessing.excluded.length === 0) {
    throw new CleanroomError(
      'invalid-operation',
      `Cannot train: the data has no column besides the target "${target}", so there is nothing to predict it from. Add the feature columns to the file and import it again.`,
    );
  }
  const why = preprocessing.excluded
    .slice(0, 5)
    .map((e) => `"${e.column}" (${e.reason})`)
    .join('; ');
  const more = preprocessing.excluded.length > 5 ? '; …' : '';
  throw new CleanroomError(
    'invalid-operation',
    `Cannot train: no column can be used as a feature to predict "${target}": ${why}${more}. Add usable columns, or keep an excluded one if it is safe to use.`,
  );
}

/** Rows a class needs so that the split gives it at least one validation and one test row. */
export function minimumRowsPerClass(split: Pick<SplitOptions, 'validation' | 'test'>): number {
  // stratifiedSplit gives a class round(n × fraction) rows of a split: ≥ 1 once n × f ≥ 0.5.
  const smallest = Math.min(split.validation, split.test);
  return smallest > 0 ? Math.max(3, Math.ceil(0.5 / smallest - 1e-9)) : Infinity;
}

/** Throws when the split left the validation or the test part empty, saying why and what to do. */
export function checkSplit(
  split: Split,
  target: EncodedTarget,
  options: Pick<SplitOptions, 'validation' | 'test'>,
): void {
  if (split.validation.length > 0 && split.test.length > 0) return;
  const empty =
    split.validation.length === 0 && split.test.length === 0
      ? 'no validation or test rows'
      : split.validation.length === 0
        ? 'no validation rows'
        : 'no test rows';
  const need = minimumRowsPerClass(options);
  const rows = target.rows.length.toLocaleString('en-US');
  if (target.task === 'classification') {
    const counts = new Array<number>(target.classes.length).fill(0);
    for (const v of target.values) counts[v]++;
    const small = counts.filter((c) => c < need).length;
    throw new CleanroomError(
      'invalid-operation',
      `Cannot train: ${target.classes.length.toLocaleString('en-US')} classes of "${target.name}" in ${rows} rows leave ${empty}, because ${small.toLocaleString('en-US')} classes have fewer than ${need} rows (each split is drawn per class). Merge rare classes into broader ones or into "other", or drop classes with fewer than ${need} rows, then train again.`,
    );
  }
  throw new CleanroomError(
    'invalid-operation',
    `Cannot train: ${rows} rows with a target are too few to set aside validation and test rows (${empty}). Add rows (at least ${need}), then train again.`,
  );
}
