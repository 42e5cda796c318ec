import { readFileSync, writeFileSync } from 'node:fs';
import { CleanroomError } from '../../core/errors';
import { loadBundleModel, readBundle } from '../../core/export/bundle';
import { describeSchema, predictFrame } from '../../core/export/predict-batch';
import { predictionsCsv } from '../../core/export/predictions-csv';
import type { Flags } from '../args';
import { loadCsv } from '../load-csv';
import { rowProgress } from '../progress';
import { useTrainBackend } from '../train-backend';
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
  const progress = rowProgress();
  const { frame } = await loadCsv(dataPath, progress);
  progress.done();
  const model = await loadBundleModel(bundle);
  try {
    const result = await predictFrame(model, bundle, frame, { drift: flags.has('drift') });
    writeFileSync(out, predictionsCsv(result, bundle.preprocessing, frame));
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
