/** Batch prediction with a bundle: score a frame, report schema mismatches, optionally check drift. */
import type * as tf from '@tensorflow/tfjs';
import { driftReport, type DriftReport } from '../evaluate/drift';
import type { Frame } from '../table/frame';
import { predictInputs } from '../train/predict-model';
import { transformFrame, type SchemaReport } from '../train/transform';
import type { Bundle } from './bundle';

/** Predictions for every row of the frame. */
export interface BatchPrediction {
  rows: number;
  /** Predicted class name (classification) per row. */
  labels: string[] | null;
  /** Row-major `rows × classes` probabilities (classification). */
  probabilities: Float32Array | null;
  /** Predicted value (regression). */
  values: Float64Array | null;
  schema: SchemaReport;
  drift: DriftReport | null;
}

/** Scores `frame` with a loaded bundle model; missing/extra columns and unseen categories are reported, not fatal. */
export async function predictFrame(
  model: tf.LayersModel,
  bundle: Bundle,
  frame: Frame,
  options: { drift?: boolean } = {},
): Promise<BatchPrediction> {
  const spec = bundle.preprocessing;
  const inputs = transformFrame(spec, frame);
  const out = await predictInputs(model, spec, inputs.x, inputs.rows);
  let labels: string[] | null = null;
  if (out.probabilities) {
    const k = spec.classes.length;
    labels = Array.from({ length: inputs.rows }, (_, i) => {
      let best = 0;
      for (let c = 1; c < k; c++)
        if (out.probabilities![i * k + c] > out.probabilities![i * k + best]) best = c;
      return spec.classes[best];
    });
  }
  const drift = options.drift && bundle.reference ? driftReport(bundle.reference, frame) : null;
  return {
    rows: inputs.rows,
    labels,
    probabilities: out.probabilities,
    values: out.values,
    schema: inputs.report,
    drift,
  };
}

/** Human-readable lines for a schema report (empty when everything matched). */
export function describeSchema(report: SchemaReport): string[] {
  return [
    ...report.missingColumns.map(
      (c) =>
        `missing column "${c}": filled as missing (numeric: training median; categorical: no category)`,
    ),
    ...report.extraColumns.map((c) => `extra column "${c}": not known to the model, ignored`),
    ...report.unseenCategories.map(
      (u) =>
        `column "${u.column}": ${u.count} rows with categories unseen in training (e.g. ${u.examples.map((e) => JSON.stringify(e)).join(', ')}), ${u.mappedTo === 'other' ? 'counted as "other"' : 'encoded as no category'}`,
    ),
    ...report.typeMismatches.map(
      (c) =>
        `column "${c}" holds text where numbers were expected: numbers parsed, the rest treated as missing`,
    ),
  ];
}
