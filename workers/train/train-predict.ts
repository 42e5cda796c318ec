/** Batch prediction in the worker: a model zip scores a stored dataset version, with drift. */
import { loadBundleModel, readBundle } from '../../src/core/export/bundle';
import { describeSchema, predictFrame } from '../../src/core/export/predict-batch';
import { predictionsCsv } from '../../src/core/export/predictions-csv';
import type { Frame } from '../../src/core/table/frame';
import type { BatchPredictionResult } from '../../src/protocol/train-methods';
import { useBackend } from '../shared/tf-backend';

/** Scores `frame` (named `name`) with the bundle in `zip`. */
export async function predictWithZip(
  zip: Uint8Array,
  frame: Frame,
  name: string,
): Promise<BatchPredictionResult> {
  const bundle = readBundle(zip);
  if (!(await useBackend('wasm'))) await useBackend('cpu');
  const model = await loadBundleModel(bundle);
  try {
    const result = await predictFrame(model, bundle, frame, { drift: true });
    return {
      csv: new TextEncoder().encode(predictionsCsv(result, bundle.preprocessing, frame)),
      fileName: `${name.replace(/[^\w.-]+/g, '_')}-predictions.csv`,
      rows: result.rows,
      model: bundle.card.name,
      schema: describeSchema(result.schema),
      drift: result.drift,
    };
  } finally {
    model.dispose();
  }
}
