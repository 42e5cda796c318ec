/** Batch prediction in the worker: a model zip scores a stored dataset version, with drift. */
import { loadBundleModel, readBundle } from '../src/core/export/bundle';
import { describeSchema, predictFrame } from '../src/core/export/predict-batch';
import type { Frame } from '../src/core/table/frame';
import type { BatchPredictionResult } from '../src/protocol/train-methods';
import { useBackend } from './train-backends';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
    const spec = bundle.preprocessing;
    // Identifier columns travel along so predictions can be joined back to their rows.
    const trainedIds = new Set(
      spec.excluded.filter((e) => e.reason.startsWith('identifier')).map((e) => e.column),
    );
    const ids = frame.columns.filter(
      (c) => c.meta.type === 'identifier' || trainedIds.has(c.meta.name),
    );
    const k = spec.classes.length;
    const lines = [
      [
        'row',
        ...ids.map((c) => c.meta.name),
        `predicted_${spec.target}`,
        ...spec.classes.map((c) => `p_${c}`),
      ]
        .map(field)
        .join(','),
    ];
    for (let r = 0; r < result.rows; r++) {
      const probs = result.probabilities
        ? Array.from(result.probabilities.subarray(r * k, r * k + k), (p) => +p.toFixed(6))
        : [];
      // float32 outputs carry ~7 significant digits.
      const prediction = result.labels ? result.labels[r] : +result.values![r].toPrecision(7);
      const cells = [
        r + 1,
        ...ids.map((c) => c.values[r] as string | number | null),
        prediction,
        ...probs,
      ];
      lines.push(cells.map(field).join(','));
    }
    return {
      csv: new TextEncoder().encode(`${lines.join('\n')}\n`),
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
