/**
 * Training and validation rows as numeric matrices for the neighbour signals: the training
 * pipeline (robust scaling so a unit error in one row does not squash a whole column, one-hot
 * categories), fitted on the training rows, and class codes shared by both splits.
 */
import { CleanroomError } from '../errors';
import { boolSpellings, classLabel, columnIndex, type Frame } from '../table/frame';
import { fitPreprocessing } from '../train/fit-preprocessing';
import type { Preprocessing } from '../train/preprocessing';
import { encodeTarget } from '../train/target';
import { transformFrame } from '../train/transform';
import type { Matrix } from './distances';

/** More classes than this is not a label column. */
const MAX_CLASSES = 100;

/** Both splits encoded. Labels are class codes; -1 where the target is missing or unknown. */
export interface ImpactData {
  train: Matrix;
  trainLabels: Int32Array;
  val: Matrix | null;
  valLabels: Int32Array | null;
  classes: string[];
  spec: Preprocessing;
  /** Index of the target column in the training frame. */
  target: number;
  /** Validation rows dropped because their class never occurs in training, by class. */
  unknownValClasses: Map<string, number>;
  /** Validation rows excluded by the operation log (their label is -1: they take no part). */
  valExcluded?: number;
}

/** Encodes `train` (and `val`, when given) for target column `targetName`. */
export function buildImpactData(train: Frame, val: Frame | null, targetName: string): ImpactData {
  const target = columnIndex(train, targetName);
  if (target < 0)
    throw new CleanroomError(
      'invalid-operation',
      `Unknown target column "${targetName}"; columns are: ${train.columns.map((c) => c.meta.name).join(', ')}.`,
    );
  const encoded = encodeTarget(train, targetName, 'classification');
  if (encoded.classes.length > MAX_CLASSES)
    throw new CleanroomError(
      'invalid-operation',
      `Target "${targetName}" has ${encoded.classes.length} distinct values: ranking needs a categorical target (at most ${MAX_CLASSES} classes).`,
    );
  const spec = fitPreprocessing(
    train,
    encoded,
    Int32Array.from(encoded.rows.keys()),
    // No leak check: a column that predicts the label well is exactly what neighbours should use.
    { scaling: 'robust', leakThreshold: null },
  );
  if (spec.inputNames.length === 0)
    throw new CleanroomError(
      'invalid-operation',
      `No usable feature columns besides "${targetName}": nothing to compare rows by.`,
    );
  const classIndex = new Map(encoded.classes.map((c, i) => [c, i]));
  // A yes/no target keeps the training file's spelling, whatever the validation file's.
  const spellings = boolSpellings(train.columns[target]);
  const trainLabels = labelsOf(train, target, classIndex, null, null, spellings);
  const t = transformFrame(spec, train);
  const unknownValClasses = new Map<string, number>();
  let valMatrix: Matrix | null = null;
  let valLabels: Int32Array | null = null;
  if (val) {
    const vt = columnIndex(val, targetName);
    if (vt < 0)
      throw new CleanroomError(
        'invalid-operation',
        `The validation file has no column "${targetName}".`,
      );
    valLabels = labelsOf(val, vt, classIndex, unknownValClasses, val.excluded, spellings);
    const v = transformFrame(spec, val);
    valMatrix = { x: v.x, rows: v.rows, width: v.width };
  }
  return {
    train: { x: t.x, rows: t.rows, width: t.width },
    trainLabels,
    val: valMatrix,
    valLabels,
    classes: encoded.classes,
    spec,
    target,
    unknownValClasses,
    valExcluded: val ? count(val.excluded) : 0,
  };
}

function count(flags: Uint8Array | undefined): number {
  let n = 0;
  if (flags) for (const f of flags) n += f ? 1 : 0;
  return n;
}

function labelsOf(
  frame: Frame,
  column: number,
  classIndex: Map<string, number>,
  unknown: Map<string, number> | null,
  /** Rows left at -1 whatever their value. */
  skip: Uint8Array | null,
  spellings: [string, string] | null,
): Int32Array {
  const target = frame.columns[column];
  const labels = new Int32Array(frame.rows).fill(-1);
  for (let r = 0; r < frame.rows; r++) {
    const label = skip?.[r] ? null : classLabel(target, r, spellings);
    if (label === null) continue;
    const code = classIndex.get(label);
    if (code !== undefined) labels[r] = code;
    else if (unknown) unknown.set(label, (unknown.get(label) ?? 0) + 1);
  }
  return labels;
}

/** Rows `rows` of `m` as a new matrix. */
export function pickRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const x = new Float32Array(rows.length * m.width);
  for (let i = 0; i < rows.length; i++)
    x.set(m.x.subarray(rows[i] * m.width, (rows[i] + 1) * m.width), i * m.width);
  return { x, rows: rows.length, width: m.width };
}
