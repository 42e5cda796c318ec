/**
 * `npm run bench:train`: MLP training speed per TF.js backend available in Node, on a seeded
 * synthetic 50k × 20 binary task, against a closed-form logistic regression (IRLS) baseline.
 * Last line: one JSON object with the figures.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Frame, FrameColumn } from '../src/core/table/frame';
import { seededRandom } from '../src/core/train/rng';
import { trainModel } from '../src/core/train/train';
import { transformFrame } from '../src/core/train/transform';
import { irls, irlsAccuracy } from './train-irls';

const ROWS = 50_000;
const FEATURES = 20;
const SEED = 2024;

/** y = 1 when x·w + 3.2·x0·x1 + noise > 0: a linear part plus an interaction a linear model cannot fit. */
function syntheticTask(): Frame {
  const random = seededRandom(SEED);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const w = Array.from({ length: FEATURES }, () => gauss());
  const x = Array.from({ length: FEATURES }, () => new Float64Array(ROWS));
  const y: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    let z = 0;
    for (let f = 0; f < FEATURES; f++) z += (x[f][r] = gauss()) * w[f];
    z += 3.2 * x[0][r] * x[1][r] + gauss();
    y.push(z > 0 ? 'yes' : 'no');
  }
  const meta = (index: number, name: string, type: 'float' | 'categorical') => ({
    index,
    name,
    originalName: name,
    type,
    missingCount: 0,
    invalidCount: 0,
    distinctCount: ROWS,
    distinctCapped: false,
    maxLength: 20,
  });
  const columns: FrameColumn[] = x.map((values, f) => ({
    kind: 'number',
    meta: meta(f, `x${f}`, 'float'),
    values,
    invalid: new Map(),
  }));
  columns.push({
    kind: 'string',
    meta: meta(FEATURES, 'label', 'categorical'),
    values: y,
    invalid: new Map(),
  });
  return { rows: ROWS, columns, excluded: new Uint8Array(ROWS) };
}

interface BackendFigures {
  backend: string;
  epochs: number;
  msPerEpoch: number;
  msPerEpochFirst: number;
  validationAccuracy: number;
}

async function benchBackend(
  frame: Frame,
  backend: string,
): Promise<BackendFigures | { backend: string; error: string }> {
  if (!(await tf.setBackend(backend).catch(() => false)))
    return { backend, error: 'backend unavailable' };
  await tf.ready();
  const run = await trainModel(frame, {
    target: 'label',
    model: {
      kind: 'mlp',
      hidden: [64, 32],
      epochs: 10,
      batchSize: 256,
      patience: 1000,
      seed: SEED,
    },
    bootstrap: { resamples: 0 },
    hooks: {
      onEpoch: (e) =>
        process.stderr.write(
          `  ${backend} epoch ${e.epoch}: ${Math.round(e.ms)} ms, loss ${e.loss.toFixed(4)}\n`,
        ),
    },
  });
  run.model.dispose();
  const ms = run.fit.epochs.map((e) => e.ms);
  const accuracy = run.validation.task === 'classification' ? run.validation.accuracy.value : NaN;
  // Later epochs: the first one carries kernel compilation / warm-up.
  const steady = ms.length > 1 ? ms.slice(1) : ms;
  return {
    backend,
    epochs: ms.length,
    msPerEpoch: Math.round(steady.reduce((a, b) => a + b, 0) / steady.length),
    msPerEpochFirst: Math.round(ms[0]),
    validationAccuracy: +accuracy.toFixed(4),
  };
}

async function main(): Promise<void> {
  const frame = syntheticTask();
  const out: string[] = [
    `train bench: synthetic ${ROWS} × ${FEATURES} binary task (seed ${SEED}), split 70/15/15; MLP (64, 32), 10 epochs, batch 256`,
  ];
  const results = [];
  for (const backend of ['wasm', 'cpu']) {
    process.stderr.write(`${backend}…\n`);
    const r = await benchBackend(frame, backend);
    results.push(r);
    out.push(
      'error' in r
        ? `${backend}: ${r.error}`
        : `${backend}: ${r.msPerEpoch} ms/epoch (first epoch ${r.msPerEpochFirst} ms), validation accuracy ${r.validationAccuracy}`,
    );
  }
  // Baseline on exactly the same split and inputs as the MLP runs.
  await tf.setBackend('cpu');
  const probe = await trainModel(frame, {
    target: 'label',
    model: { kind: 'logistic', epochs: 1, seed: SEED },
    bootstrap: { resamples: 0 },
  });
  probe.model.dispose();
  const train = transformFrame(probe.preprocessing, frame, probe.rows.train);
  const val = transformFrame(probe.preprocessing, frame, probe.rows.validation);
  const label = frame.columns[FEATURES].values as string[];
  const yOf = (rows: Int32Array) => Float64Array.from(rows, (r) => (label[r] === 'yes' ? 1 : 0));
  const started = performance.now();
  const fit = irls(train.x, yOf(probe.rows.train), train.rows, train.width);
  const irlsMs = Math.round(performance.now() - started);
  const irlsAcc = +irlsAccuracy(
    fit.weights,
    val.x,
    yOf(probe.rows.validation),
    val.rows,
    val.width,
  ).toFixed(4);
  out.push(
    `baseline logistic regression (IRLS, closed form, ${fit.iterations} iterations): ${irlsMs} ms, validation accuracy ${irlsAcc}`,
  );
  out.push(
    'TODO: browser backends (webgpu, webgl, wasm in headless Chromium) were not measured by this script yet.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  const summary = {
    bench: 'train',
    rows: ROWS,
    features: FEATURES,
    seed: SEED,
    model: { kind: 'mlp', hidden: [64, 32], epochs: 10, batchSize: 256 },
    node: results,
    irls: { ms: irlsMs, iterations: fit.iterations, validationAccuracy: irlsAcc },
    browser: 'not measured (TODO)',
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

await main();
