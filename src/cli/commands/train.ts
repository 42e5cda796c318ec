import { readFileSync, writeFileSync } from 'node:fs';
import { CleanroomError } from '../../core/errors';
import { buildDriftReference } from '../../core/evaluate/drift';
import { DEFAULT_PRIVACY_K } from '../../core/evaluate/private-summary';
import { evaluateGates, parseGates, validateGates, type Gate } from '../../core/evaluate/gates';
import { createLedger, describeLedger, recordReveal } from '../../core/evaluate/reveal-budget';
import { exportBundle } from '../../core/export/bundle';
import { buildModelCard } from '../../core/export/model-card';
import { revealTest, trainModel } from '../../core/train/train';
import { UsageError, type Flags } from '../args';
import { loadCsv } from '../load-csv';
import { rowProgress } from '../progress';
import { useTrainBackend } from '../train-backend';
import { choiceFlag, intFlag, positiveFlag } from '../train-flags';
import { gateLines, metricLines } from '../train-report';

/** One line of help. */
export const usage =
  'train --data D.csv --target T --out model.zip [--model auto|logistic|mlp] [--epochs N] [--seed S] [--lr X] [--batch N] [--hidden 64,32] [--balanced] [--robust] [--gates "accuracy>=0.85; recall[*]>=0.6" | gates.json] [--backend wasm|cpu] [--privacy-k K]';

/** `--gates` as criteria text, or a path to a JSON array of gates. */
function readGates(value: string): Gate[] {
  if (!value.endsWith('.json')) return parseGates(value);
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the gates file ${value}.`);
  }
  try {
    return validateGates(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`${value} is not valid JSON.`);
    throw error;
  }
}

function hiddenFlag(flags: Flags): number[] | undefined {
  const text = flags.get('hidden');
  if (text === undefined) return undefined;
  const sizes = text.split(',').map(Number);
  if (!sizes.every((s) => Number.isInteger(s) && s > 0 && s <= 4096))
    throw new UsageError(`--hidden must list layer sizes such as 64,32 (got "${text}").`);
  return sizes;
}

/** Trains a model on a CSV, prints validation metrics to stdout and writes the bundle zip. */
export async function run(flags: Flags): Promise<void> {
  const data = flags.require('data');
  const target = flags.require('target');
  const out = flags.require('out');
  const gates = flags.has('gates') ? readGates(flags.require('gates')) : [];
  // Fewest training rows behind any figure the zip holds (bins, categories, medians).
  const privacyK = intFlag(flags, 'privacy-k', DEFAULT_PRIVACY_K, 2, 1_000_000);
  const model = {
    kind: choiceFlag(flags, 'model', ['auto', 'logistic', 'mlp'] as const, 'auto'),
    epochs: intFlag(flags, 'epochs', 50, 1, 10_000),
    seed: intFlag(flags, 'seed', 42, 0, 2 ** 31 - 1),
    learningRate: positiveFlag(flags, 'lr', 0.01, 10),
    batchSize: intFlag(flags, 'batch', 256, 1, 1 << 20),
    classWeights: flags.has('balanced') ? ('balanced' as const) : ('none' as const),
    ...(hiddenFlag(flags) ? { hidden: hiddenFlag(flags) } : {}),
  };
  const backend = await useTrainBackend(
    choiceFlag(flags, 'backend', ['wasm', 'cpu'] as const, 'wasm'),
  );
  const progress = rowProgress();
  const { frame } = await loadCsv(data, progress);
  progress.done();
  const result = await trainModel(frame, {
    target,
    model,
    preprocessing: { scaling: flags.has('robust') ? 'robust' : 'standard', privacyK },
    hooks: {
      onEpoch: (e) =>
        process.stderr.write(
          `epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, validation loss ${e.valLoss.toFixed(4)} (${Math.round(e.ms)} ms)\n`,
        ),
    },
  });
  try {
    // The card's test metrics are the one reveal this run makes; the ledger records it.
    const test = await revealTest(frame, result);
    const ledger = recordReveal(
      createLedger(result.rows.test.length),
      'model card (CLI train)',
    ).ledger;
    const gated = gates.length ? evaluateGates(result.validation, gates) : null;
    const card = buildModelCard(result, {
      backend,
      test,
      testReveals: ledger,
      gates: gated ? { split: 'validation', ...gated } : null,
    });
    const zip = await exportBundle(result.model, {
      preprocessing: result.preprocessing,
      card,
      reference: buildDriftReference(frame, result.preprocessing, result.rows.train),
    });
    writeFileSync(out, zip);
    const { task, classes, missingCount, excludedCount, farRows } = result.target;
    const lines = [
      ...result.warnings.map((w) => `warning: ${w}`),
      `target: ${target} (${task}${classes.length ? `, classes ${classes.join(', ')}` : ''})`,
      `rows: ${result.rows.train.length} train, ${result.rows.validation.length} validation, ${result.rows.test.length} test; ${missingCount} left out (missing target)${farRows.length ? `, ${farRows.length} left out (target far outside the rest)` : ''}${excludedCount ? `, ${excludedCount} excluded` : ''}`,
      `features: ${result.preprocessing.features.map((f) => f.column).join(', ')}`,
      ...result.preprocessing.excluded.map((e) => `not used: ${e.column} (${e.reason})`),
      ...(result.choice ? [`model choice: ${result.choice.reason}`] : []),
      `model: ${result.spec.kind}${result.spec.classWeights === 'balanced' ? ' (class-weighted)' : ''}, backend ${backend}, ${result.fit.epochs.length} epochs (best ${result.fit.bestEpoch}${result.fit.stoppedEarly ? ', stopped early' : ''})`,
      'validation metrics:',
      ...metricLines(result.validation),
      ...(gated ? [`gates: ${gated.pass ? 'PASS' : 'FAIL'}`, ...gateLines(gated.results)] : []),
      `test: ${describeLedger(ledger)}; its metrics are in the model card`,
      `wrote ${out}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (gated && !gated.pass)
      throw new CleanroomError(
        'invalid-operation',
        `Validation gates failed; the bundle was written to ${out}.`,
      );
  } finally {
    result.model.dispose();
  }
}
