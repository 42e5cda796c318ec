/** The target column: which task it implies, its classes, and the rows that carry a value. */
import { CleanroomError } from '../errors';
import { classLabel, columnIndex, type Frame } from '../table/frame';
import { splitFarTargets } from './target-range';

/** Classification (string classes) or regression (a numeric target). */
export type Task = 'classification' | 'regression';

/** A target ready for training: one entry per kept row. */
export interface EncodedTarget {
  name: string;
  task: Task;
  /** Class names (sorted) for classification; empty for regression. */
  classes: string[];
  /** Frame rows that have a target value and are not excluded, ascending. */
  rows: Int32Array;
  /** Class index per kept row (classification) or the numeric value (regression). */
  values: Float64Array;
  /** Rows left out because the target is missing or unparsed. */
  missingCount: number;
  /** Rows left out because the operation log excluded them. */
  excludedCount: number;
  /** Frame rows left out because their regression target lies far outside the rest (ascending). */
  farRows: number[];
  /** The robust bounds those rows lie beyond; null for classification. */
  farBounds: { low: number; high: number } | null;
}

/** Numeric targets with at most this many distinct integer values are treated as classes. */
const MAX_NUMERIC_CLASSES = 20;

/** Reads the target column; `task` 'auto' picks classification for strings and small integer sets. */
export function encodeTarget(
  frame: Frame,
  name: string,
  task: Task | 'auto' = 'auto',
): EncodedTarget {
  const index = columnIndex(frame, name);
  if (index < 0)
    throw new CleanroomError('invalid-operation', `Target column "${name}" is not in the data.`);
  const column = frame.columns[index];
  // Class names as the file spells them: a yes/no target's classes are "No" and "Yes".
  const labels: (string | null)[] = new Array(frame.rows);
  let excludedCount = 0;
  let missingCount = 0;
  const numericValues = column.kind === 'number' ? column.values : null;
  const boolean = column.meta.type === 'boolean';
  for (let r = 0; r < frame.rows; r++) labels[r] = classLabel(column, r);
  const distinct = new Set<number>();
  if (numericValues) for (const v of numericValues) if (v === v) distinct.add(v);
  const integerValued = numericValues !== null && [...distinct].every(Number.isInteger);
  const chosen: Task =
    task !== 'auto'
      ? task
      : numericValues === null || (integerValued && distinct.size <= MAX_NUMERIC_CLASSES)
        ? 'classification'
        : 'regression';
  if (chosen === 'regression' && numericValues === null)
    throw new CleanroomError(
      'invalid-operation',
      `Target "${name}" is not numeric: regression needs numbers.`,
    );
  const present: number[] = [];
  for (let r = 0; r < frame.rows; r++) {
    if (frame.excluded[r]) excludedCount++;
    else if (labels[r] === null) missingCount++;
    else present.push(r);
  }
  const range = chosen === 'regression' ? splitFarTargets(present, numericValues!) : null;
  const kept = range?.kept ?? present;
  // Yes/no classes in value order (false first, as the model's output 0), whatever their case.
  const byValue = numericValues !== null && (boolean || integerValued);
  const classes =
    chosen === 'classification'
      ? [...new Map(kept.map((r) => [labels[r]!, numericValues?.[r] ?? 0]))]
          .sort(([a, x], [b, y]) => (byValue ? x - y : a < b ? -1 : a > b ? 1 : 0))
          .map(([label]) => label)
      : [];
  if (kept.length === 0)
    throw new CleanroomError(
      'invalid-operation',
      `Target "${name}" has no values: nothing to learn from.`,
    );
  if (chosen === 'classification' && classes.length < 2)
    throw new CleanroomError(
      'invalid-operation',
      `Target "${name}" has a single class ("${classes[0]}"): a classifier needs at least two.`,
    );
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const values = new Float64Array(kept.length);
  kept.forEach((r, i) => {
    values[i] = chosen === 'classification' ? classIndex.get(labels[r]!)! : numericValues![r];
  });
  return {
    name: column.meta.name,
    task: chosen,
    classes,
    rows: Int32Array.from(kept),
    values,
    missingCount,
    excludedCount,
    farRows: range?.far ?? [],
    farBounds: range?.bounds ?? null,
  };
}
