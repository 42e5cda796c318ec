/** Classification metrics with intervals, from true class indices and predicted probabilities. */
import { calibration, type Calibration } from './calibration';
import { prCurve, rocAuc, rocCurve, type Curve } from './curves';
import { bootstrap, wilson, type BootstrapOptions, type Estimate } from './intervals';

/** Per-class figures; recall carries a Wilson interval (it is a proportion of the class's rows). */
export interface ClassMetrics {
  class: string;
  precision: number;
  recall: Estimate;
  f1: number;
  support: number;
}

/** Everything measured on one split for a classifier. */
export interface ClassificationReport {
  task: 'classification';
  n: number;
  classes: string[];
  accuracy: Estimate;
  balancedAccuracy: Estimate;
  macroF1: number;
  logLoss: Estimate;
  perClass: ClassMetrics[];
  /** confusion[true][predicted] = row count. */
  confusion: number[][];
  /** Binary only (positive = classes[1]). */
  roc: (Curve & { auc: Estimate }) | null;
  pr: Curve | null;
  calibration: Calibration;
}

/** Probabilities are row-major `n × classes.length`. */
export function classificationReport(
  truth: ArrayLike<number>,
  probs: Float32Array,
  classes: string[],
  options: BootstrapOptions = {},
): ClassificationReport {
  const n = truth.length;
  const k = classes.length;
  const predicted = new Int32Array(n);
  const confusion = classes.map(() => new Array<number>(k).fill(0));
  const rowLoss = new Float64Array(n);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + best]) best = c;
    predicted[i] = best;
    confusion[truth[i]][best]++;
    if (best === truth[i]) correct++;
    rowLoss[i] = -Math.log(Math.min(1 - 1e-15, Math.max(1e-15, probs[i * k + truth[i]])));
  }
  const perClass = classes.map((name, c) => {
    const support = confusion[c].reduce((s, v) => s + v, 0);
    const predictedAs = confusion.reduce((s, row) => s + row[c], 0);
    const tp = confusion[c][c];
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = wilson(tp, support);
    const r = support ? tp / support : 0;
    const f1 = precision + r > 0 ? (2 * precision * r) / (precision + r) : 0;
    return { class: name, precision, recall, f1, support };
  });
  const balanced = (rows: Int32Array) => {
    const hit = new Float64Array(k);
    const all = new Float64Array(k);
    for (const i of rows) {
      all[truth[i]]++;
      if (predicted[i] === truth[i]) hit[truth[i]]++;
    }
    let sum = 0;
    let present = 0;
    for (let c = 0; c < k; c++)
      if (all[c]) {
        sum += hit[c] / all[c];
        present++;
      }
    return present ? sum / present : NaN;
  };
  const meanLoss = (rows: Int32Array) => rows.reduce((s, i) => s + rowLoss[i], 0) / rows.length;
  let roc: ClassificationReport['roc'] = null;
  let pr: Curve | null = null;
  let cal: Calibration;
  if (k === 2) {
    const score = Float64Array.from({ length: n }, (_, i) => probs[i * 2 + 1]);
    const positive = Uint8Array.from(truth, (t) => (t === 1 ? 1 : 0));
    const curve = rocCurve(
      score,
      positive,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    const auc = bootstrap(n, (rows) => rocAuc(score, positive, rows), {
      ...options,
      seed: (options.seed ?? 7) + 2,
    });
    roc = { ...curve, auc };
    pr = prCurve(
      score,
      positive,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    cal = calibration(score, positive, 'positive');
  } else {
    const confidence = Float64Array.from({ length: n }, (_, i) => probs[i * k + predicted[i]]);
    cal = calibration(
      confidence,
      Uint8Array.from(predicted, (p, i) => (p === truth[i] ? 1 : 0)),
      'confidence',
    );
  }
  return {
    task: 'classification',
    n,
    classes,
    accuracy: wilson(correct, n),
    balancedAccuracy: bootstrap(n, balanced, options),
    macroF1: perClass.reduce((s, c) => s + c.f1, 0) / k,
    logLoss: bootstrap(n, meanLoss, { ...options, seed: (options.seed ?? 7) + 1 }),
    perClass,
    confusion,
    roc,
    pr,
    calibration: cal,
  };
}
