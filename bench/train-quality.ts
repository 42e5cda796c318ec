/**
 * bench:train's model-quality part: for each dataset the app's automatic choice (core trainModel,
 * as the CLI runs it) and scikit-learn's LogisticRegression and HistGradientBoosting on the same
 * training rows, features and test rows (bench/train-sklearn.py; optional).
 */
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from '../src/core/table/frame';
import { revealTest, trainModel } from '../src/core/train/train';
import { loadCsv } from '../src/cli/load-csv';
import { linearClassTask, syntheticTask, writeTaskCsv } from './train-synthetic';

/** Test figures of one model. */
export interface Scores {
  accuracy: number;
  balancedAccuracy: number;
}

/** One dataset's row of the quality table. */
export interface QualityRow {
  dataset: string;
  rows: number;
  classes: number;
  app: Scores & { model: string; reason: string; seconds: number };
  logistic: Scores | null;
  hgb: Scores | null;
}

interface Dataset {
  name: string;
  csv: string;
  target: string;
  frame: () => Promise<Frame>;
}

/** The public samples with their targets, and generated sets written to .bench-data. */
function datasets(root: string): Dataset[] {
  const samples = JSON.parse(readFileSync(join(root, 'public/samples/samples.json'), 'utf8')) as {
    file: string;
    target: string;
  }[];
  const out: Dataset[] = samples.map((s) => {
    const csv = join(root, 'public/samples', s.file);
    return { name: s.file, csv, target: s.target, frame: async () => (await loadCsv(csv)).frame };
  });
  const generated: [string, () => Frame][] = [
    ['generated interaction 20k × 20', () => syntheticTask(20_000, 20, 7)],
    ['generated imbalanced 20k × 10 (6% yes)', () => linearClassTask(20_000, 10, 2, 8, 0.06)],
    ['generated 4 classes 10k × 8', () => linearClassTask(10_000, 8, 4, 9)],
  ];
  for (const [name, make] of generated) {
    const csv = join(root, '.bench-data', `quality-${name.replace(/[^\w]+/g, '-')}.csv`);
    const frame = make();
    writeTaskCsv(frame, csv);
    out.push({ name, csv, target: 'label', frame: async () => frame });
  }
  return out;
}

/**
 * The first Python with scikit-learn and pandas: $PYTHON, then python3 on PATH, then the system's
 * /usr/bin/python3 (a pyenv or venv python3 on PATH often lacks Debian's python3-sklearn); null
 * when none has them.
 */
export function sklearnPython(): string | null {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(
    (p): p is string => !!p,
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import sklearn, pandas'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Runs every dataset; `python` null skips the scikit-learn baselines. */
export async function benchQuality(
  root: string,
  python: string | null,
  log: (line: string) => void,
): Promise<QualityRow[]> {
  await tf.setBackend('wasm');
  await tf.ready();
  const rows: QualityRow[] = [];
  for (const d of datasets(root)) {
    log(`quality: ${d.name}…`);
    const frame = await d.frame();
    const started = performance.now();
    const run = await trainModel(frame, {
      target: d.target,
      model: { kind: 'auto' },
      bootstrap: { resamples: 0 },
    });
    const seconds = (performance.now() - started) / 1000;
    const test = await revealTest(frame, run, { resamples: 0 });
    run.model.dispose();
    if (test.task !== 'classification') throw new Error(`${d.name}: not a classification target`);
    const kept = run.choice!.candidates.find((c) => c.chosen)!;
    const features = run.preprocessing.features;
    let baselines: { logistic: Scores; hgb: Scores } | null = null;
    if (python) {
      const job = {
        csv: d.csv,
        target: d.target,
        numeric: features.filter((f) => f.kind === 'numeric').map((f) => f.column),
        categorical: features.filter((f) => f.kind === 'categorical').map((f) => f.column),
        // The app's training and validation rows: scikit-learn has no early stopping to feed.
        train: [...run.rows.train, ...run.rows.validation],
        test: [...run.rows.test],
      };
      const py = spawnSync(python, [join(root, 'bench/train-sklearn.py')], {
        input: JSON.stringify(job),
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (py.status !== 0) throw new Error(`train-sklearn.py failed on ${d.name}: ${py.stderr}`);
      baselines = JSON.parse(py.stdout) as { logistic: Scores; hgb: Scores };
    }
    rows.push({
      dataset: d.name,
      rows: frame.rows,
      classes: run.target.classes.length,
      app: {
        accuracy: test.accuracy.value,
        balancedAccuracy: test.balancedAccuracy.value,
        model: `${kept.kind === 'mlp' ? `mlp(${kept.hidden.join(',')})` : 'logistic'}${kept.classWeights === 'balanced' ? ', class-weighted' : ''}`,
        reason: run.choice!.reason,
        seconds,
      },
      logistic: baselines?.logistic ?? null,
      hgb: baselines?.hgb ?? null,
    });
  }
  return rows;
}

const f3 = (v: number) => v.toFixed(3);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;

/** The quality table as text lines, targets checked. */
export function qualityLines(rows: QualityRow[]): string[] {
  const lines = [
    "model quality: test accuracy / balanced accuracy; app = automatic choice (trainModel, wasm); scikit-learn fitted on the app's train + validation rows, same features, same test rows",
  ];
  for (const r of rows) {
    const base = r.logistic
      ? ` | logistic ${f3(r.logistic.accuracy)}/${f3(r.logistic.balancedAccuracy)} | HGB ${f3(r.hgb!.accuracy)}/${f3(r.hgb!.balancedAccuracy)} | Δ BA vs logistic ${signed(r.app.balancedAccuracy - r.logistic.balancedAccuracy)}`
      : '';
    lines.push(
      `  ${r.dataset} (${r.rows} rows, ${r.classes} classes): app ${f3(r.app.accuracy)}/${f3(r.app.balancedAccuracy)} [${r.app.model}, ${r.app.seconds.toFixed(1)} s]${base}`,
    );
  }
  const mean = (pick: (r: QualityRow) => number) =>
    rows.reduce((s, r) => s + pick(r), 0) / Math.max(1, rows.length);
  if (rows.every((r) => r.logistic && r.hgb)) {
    const worst = Math.min(
      ...rows.map((r) => r.app.balancedAccuracy - r.logistic!.balancedAccuracy),
    );
    const appMean = mean((r) => r.app.balancedAccuracy);
    const hgbMean = mean((r) => r.hgb!.balancedAccuracy);
    lines.push(
      `  target 1, BA ≥ logistic − 0.01 on every dataset: ${worst >= -0.01 ? 'met' : 'NOT met'} (worst Δ ${signed(worst)})`,
      `  target 2 (stretch), mean BA ≥ HGB's: ${appMean >= hgbMean ? 'met' : 'NOT met'} (app ${f3(appMean)}, HGB ${f3(hgbMean)}, logistic ${f3(mean((r) => r.logistic!.balancedAccuracy))}; gap ${signed(appMean - hgbMean)})`,
    );
  } else
    lines.push(
      '  scikit-learn baselines: skipped (python3 with sklearn and pandas not found; apt-get install python3-sklearn python3-pandas)',
    );
  return lines;
}
