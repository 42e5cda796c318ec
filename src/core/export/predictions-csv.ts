/**
 * The predictions CSV, one writer for the CLI and the app: rows numbered from 0 (as in the
 * table, the CLI and recipes), identifier columns as the file wrote them so predictions join
 * back to their rows, the predicted class in the target's own spelling ("Yes", not 1), then one
 * probability per class in the model's output order.
 */
import { frameWrittenText, type Frame } from '../table/frame';
import type { Preprocessing } from '../train/preprocessing';
import { csvField } from './cleaned-csv';
import type { BatchPrediction } from './predict-batch';

/** The CSV text (LF line ends) of `result`, scored from `frame` with the pipeline `spec`. */
export function predictionsCsv(
  result: Pick<BatchPrediction, 'rows' | 'labels' | 'probabilities' | 'values'>,
  spec: Preprocessing,
  frame: Frame,
): string {
  // Identifier columns travel along so predictions can be joined back to their rows.
  const trainedIds = new Set(
    spec.excluded.filter((e) => e.reason.startsWith('identifier')).map((e) => e.column),
  );
  const ids = frame.columns.filter(
    (c) => c.meta.type === 'identifier' || trainedIds.has(c.meta.name),
  );
  const header = [
    'row',
    ...ids.map((c) => c.meta.name),
    `predicted_${spec.target}`,
    ...spec.classes.map((c) => `p_${c}`),
  ];
  const lines = [header.map((h) => csvField(h, true)).join(',')];
  const k = spec.classes.length;
  for (let r = 0; r < result.rows; r++) {
    // float32 model outputs carry ~7 significant digits; more would be noise.
    const probs = result.probabilities
      ? Array.from(result.probabilities.subarray(r * k, r * k + k), (p) => String(+p.toFixed(6)))
      : [];
    const prediction = result.labels
      ? csvField(result.labels[r], true)
      : String(+result.values![r].toPrecision(7));
    const idCells = ids.map((c) => csvField(frameWrittenText(c, r), c.kind === 'string'));
    lines.push([String(r), ...idCells, prediction, ...probs].join(','));
  }
  return `${lines.join('\n')}\n`;
}
