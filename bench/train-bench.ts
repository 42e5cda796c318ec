/**
 * `npm run bench:train`: MLP training speed per TF.js backend, on a seeded synthetic 50k × 20
 * binary task, against a closed-form logistic regression (IRLS) baseline fitted here.
 *
 *   npm run bench:train                        # full run
 *   npm run bench:train -- --rows 5000         # quick run
 *   npm run bench:train -- --webgpu-epochs 10  # all 10 epochs on software WebGPU too (slow)
 *   npm run bench:train -- --cpu-epochs 3      # cap the browser's cpu backend too (default 10)
 *   npm run bench:train -- --skip-browser      # Node and IRLS only
 *   npm run bench:train -- --scale-rows 0      # without the 1M-row run (default 1000000)
 *   npm run bench:train -- --skip-quality      # without the model-quality table
 *   npm run bench:train -- --quality           # only the model-quality table (no speed runs)
 *
 * Node: TF.js wasm and cpu through the core trainModel. Browser: the same task written as CSV
 * (.bench-data/, git-ignored), imported in headless Chromium through the app's data worker on the
 * bench page, then trained by the app's train worker with the backend forced to webgpu, webgl,
 * wasm, cpu in turn (bench/train-browser.ts). The npm script installs Chromium and builds first.
 * Progress goes to stderr; stdout: human-readable lines, then one JSON object (the LAST line).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Frame } from '../src/core/table/frame';
import { trainModel } from '../src/core/train/train';
import { transformFrame } from '../src/core/train/transform';
import { benchBrowser, type BrowserFigures } from './train-browser';
import { benchQuality, qualityLines, sklearnPython, type QualityRow } from './train-quality';
import { benchScale, type ScaleFigures } from './train-scale';
import { irls, irlsAccuracy } from './train-irls';
import { syntheticTask, writeTaskCsv } from './train-synthetic';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FEATURES = 20;
const SEED = 2024;
const EPOCHS = 10;

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
      epochs: EPOCHS,
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

function positiveInt(name: string, text: string): number {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got ${text}`);
  return value;
}

/** `ms` as a multiple of the IRLS fit time, e.g. "0.8× IRLS". */
const timesIrls = (ms: number, irlsMs: number) =>
  `${irlsMs > 0 ? +(ms / irlsMs).toFixed(2) : '∞'}× IRLS`;
/** Accuracy difference against IRLS, signed. */
const vsIrls = (accuracy: number, irlsAcc: number) => {
  const d = accuracy - irlsAcc;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(4)} vs IRLS`;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '50000' },
      'webgpu-epochs': { type: 'string', default: '2' },
      'cpu-epochs': { type: 'string', default: String(EPOCHS) },
      'skip-browser': { type: 'boolean', default: false },
      'skip-quality': { type: 'boolean', default: false },
      quality: { type: 'boolean', default: false },
      'scale-rows': { type: 'string', default: '1000000' },
      'scale-epochs': { type: 'string', default: '2' },
    },
  });
  if (values.quality) {
    // The quality table alone: no speed runs, no browser, no 1M-row run.
    const quality = await benchQuality(ROOT, sklearnPython(), (line) =>
      process.stderr.write(`${line}\n`),
    );
    process.stdout.write(`${qualityLines(quality).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify({ bench: 'train', quality })}\n`);
    return;
  }
  const rows = positiveInt('rows', values.rows);
  const webgpuEpochs = Math.min(EPOCHS, positiveInt('webgpu-epochs', values['webgpu-epochs']));
  const cpuEpochs = Math.min(EPOCHS, positiveInt('cpu-epochs', values['cpu-epochs']));
  const frame = syntheticTask(rows, FEATURES, SEED);
  const out: string[] = [
    `train bench: synthetic ${rows} × ${FEATURES} binary task (seed ${SEED}), split 70/15/15; MLP (64, 32), ${EPOCHS} epochs, batch 256`,
    'ms/epoch = mean of epochs 2…n (epoch 1, with kernel compilation / warm-up, shown apart); "N× IRLS" = one epoch ÷ the whole IRLS fit',
  ];
  const results = [];
  for (const backend of ['wasm', 'cpu']) {
    process.stderr.write(`${backend}…\n`);
    results.push(await benchBackend(frame, backend));
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
  const yOf = (r: Int32Array) => Float64Array.from(r, (i) => (label[i] === 'yes' ? 1 : 0));
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
  const line = (where: string, r: BackendFigures, note = '') =>
    `${where} ${r.backend}: ${r.msPerEpoch} ms/epoch (${timesIrls(r.msPerEpoch, irlsMs)}; first epoch ${r.msPerEpochFirst} ms) over ${r.epochs} epochs${note}, validation accuracy ${r.validationAccuracy} (${vsIrls(r.validationAccuracy, irlsAcc)})`;
  for (const r of results)
    out.push('error' in r ? `node ${r.backend}: ${r.error}` : line('node', r));

  let browser: ReturnType<typeof browserSummary> | { error: string } | 'skipped' = 'skipped';
  if (!values['skip-browser']) {
    const csvPath = join(ROOT, '.bench-data', `train-${rows}x${FEATURES}-seed${SEED}.csv`);
    try {
      const size = writeTaskCsv(frame, csvPath);
      process.stderr.write(`wrote ${csvPath} (${(size / 1e6).toFixed(1)} MB)\n`);
      const figures = await benchBrowser(
        ROOT,
        csvPath,
        { webgpu: webgpuEpochs, webgl: EPOCHS, wasm: EPOCHS, cpu: cpuEpochs },
        SEED,
      );
      browser = browserSummary(figures, irlsMs);
      out.push(
        `browser: headless ${figures.browser} (the app's train worker, backend forced; dataset imported through the app's data worker in ${figures.importMs} ms); ms per epoch here = time between the worker's epoch progress events, so it includes the per-epoch train/validation metric pass on ≤ 4096 rows`,
      );
      for (const r of browser.backends) {
        if ('error' in r) {
          out.push(`browser ${r.backend}: ${r.error}`);
          continue;
        }
        const capped =
          r.epochs < EPOCHS
            ? `, capped at ${r.epochs} of ${EPOCHS} (--${r.backend}-epochs ${r.epochs})`
            : '';
        const adapter = r.backend === 'webgpu' || r.backend === 'webgl' ? `, ${r.adapter}` : '';
        out.push(line('browser', r, `${capped}${adapter}`));
        if (r.trainedOn !== r.backend) out.push(`  note: ${r.backendNote}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      browser = { error: message };
      out.push(`browser: failed (${message})`);
      process.exitCode = 1;
    }
  } else out.push('browser: skipped (--skip-browser)');

  let quality: QualityRow[] | 'skipped' = 'skipped';
  if (!values['skip-quality']) {
    quality = await benchQuality(ROOT, sklearnPython(), (line) =>
      process.stderr.write(`${line}\n`),
    );
    out.push(...qualityLines(quality));
  } else out.push('model quality: skipped (--skip-quality)');

  const scaleRows =
    values['scale-rows'] === '0' ? 0 : positiveInt('scale-rows', values['scale-rows']);
  let scale: ScaleFigures | 'skipped' = 'skipped';
  if (scaleRows > 0) {
    const scaleEpochs = positiveInt('scale-epochs', values['scale-epochs']);
    scale = await benchScale(scaleRows, scaleEpochs, SEED, (line) =>
      process.stderr.write(`${line}\n`),
    );
    out.push(
      `scale (Node, the CLI's trainModel): ${scale.rows} × ${scale.features}, ${scale.model} on ${scale.backend}, batch ${scale.batchSize}: ${scale.secondsPerEpoch.join(', ')} s per epoch; prepare ${scale.prepareSeconds} s, total ${scale.totalSeconds} s; peak RSS ${scale.peakRssMb} MB (${scale.frameRssMb} MB with the frame alone), peak TF.js memory ${scale.peakTfKb} KB; validation accuracy ${scale.validationAccuracy}`,
    );
  } else out.push('scale: skipped (--scale-rows 0)');

  process.stdout.write(`${out.join('\n')}\n`);
  const summary = {
    bench: 'train',
    rows,
    features: FEATURES,
    seed: SEED,
    model: { kind: 'mlp', hidden: [64, 32], epochs: EPOCHS, batchSize: 256 },
    node: results.map((r) =>
      'error' in r ? r : { ...r, vsIrlsTime: +(r.msPerEpoch / irlsMs).toFixed(3) },
    ),
    irls: { ms: irlsMs, iterations: fit.iterations, validationAccuracy: irlsAcc },
    browser,
    quality,
    scale,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

type BrowserBackendFigures = BackendFigures & {
  adapter: string;
  software: boolean;
  trainedOn: string;
  backendNote: string;
  epochMs: number[];
  vsIrlsTime: number;
};

/** Per backend: ms/epoch as in Node (mean of epochs 2…n, first apart), accuracy, adapter. */
function browserSummary(figures: BrowserFigures, irlsMs: number) {
  const backends = figures.outcomes.map(
    (o): BrowserBackendFigures | { backend: string; error: string } => {
      if ('error' in o) return { backend: o.backend, error: o.error };
      const ms = o.run.epochMs;
      const steady = ms.length > 1 ? ms.slice(1) : ms;
      const detail = o.run.detail || 'unknown';
      const msPerEpoch = Math.round(steady.reduce((a, b) => a + b, 0) / steady.length);
      return {
        backend: o.backend,
        epochs: ms.length,
        msPerEpoch,
        vsIrlsTime: +(msPerEpoch / irlsMs).toFixed(3),
        msPerEpochFirst: Math.round(ms[0]),
        validationAccuracy: +o.run.validationAccuracy.toFixed(4),
        adapter:
          o.backend === 'webgpu' || o.backend === 'webgl'
            ? `${o.run.software ? 'software' : 'hardware'} ${o.backend === 'webgpu' ? 'adapter' : 'renderer'}: ${detail}`
            : detail,
        software: o.run.software,
        trainedOn: o.run.trainedOn,
        backendNote: o.run.backendNote,
        epochMs: ms.map((m) => Math.round(m)),
      };
    },
  );
  return { chromium: figures.browser, importMs: figures.importMs, backends };
}

await main();
