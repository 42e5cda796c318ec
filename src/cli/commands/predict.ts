import { readFileSync, writeFileSync } from 'node:fs';
import { CleanroomError } from '../../core/errors';
import { loadBundleModel, readBundle } from '../../core/export/bundle';
import { describeSchema, predictFrame } from '../../core/export/predict-batch';
import type { Flags } from '../args';
import { loadCsv } from '../load-csv';
import { endProgress, readRows } from '../progress-line';
import { useTrainBackend } from '../train-backend';
import { csvLine } from '../train-csv';
import { choiceFlag } from '../train-flags';
import { driftLines } from '../train-report';

/** One line of help. */
export const usage =
  'predict --model model.zip --data new.csv --out predictions.csv [--drift] [--backend wasm|cpu]   score a CSV with a trained bundle';

function readZip(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new CleanroomError('unreadable-file', `Cannot read ${path}: no such file.`);
  }
}

/** Scores a CSV with a model bundle; writes predictions as CSV, schema and drift notes to the terminal. */
export async function run(flags: Flags): Promise<void> {
  const bundle = readBundle(readZip(flags.require('model')));
  const dataPath = flags.require('data');
  const out = flags.require('out');
  await useTrainBackend(choiceFlag(flags, 'backend', ['wasm', 'cpu'] as const, 'wasm'));
  const { frame } = await loadCsv(dataPath, readRows);
  endProgress();
  const model = await loadBundleModel(bundle);
  try {
    const result = await predictFrame(model, bundle, frame, { drift: flags.has('drift') });
    const spec = bundle.preprocessing;
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
    const lines = [csvLine(header)];
    const k = spec.classes.length;
    for (let r = 0; r < result.rows; r++) {
      const probs = result.probabilities
        ? Array.from(result.probabilities.subarray(r * k, r * k + k), (p) => +p.toFixed(6))
        : [];
      // float32 model outputs carry ~7 significant digits; more would be noise.
      const prediction = result.labels ? result.labels[r] : +result.values![r].toPrecision(7);
      lines.push(
        csvLine([
          r + 1,
          ...ids.map((c) => c.values[r] as string | number | null),
          prediction,
          ...probs,
        ]),
      );
    }
    writeFileSync(out, `${lines.join('\n')}\n`);
    const schema = describeSchema(result.schema);
    const report = [
      `scored ${result.rows} rows with ${bundle.card.name}; wrote ${out}`,
      ...(schema.length
        ? ['schema differences (predictions still produced):', ...schema.map((s) => `  ${s}`)]
        : ['schema: every column matched the training data']),
      ...(result.drift
        ? ['drift vs training data:', ...driftLines(result.drift)]
        : flags.has('drift')
          ? ['drift: this bundle has no reference data']
          : []),
    ];
    process.stdout.write(`${report.join('\n')}\n`);
  } finally {
    model.dispose();
  }
}
