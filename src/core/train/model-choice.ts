/**
 * The automatic model choice: logistic/softmax regression and the MLP are both trained on the same
 * split and preprocessing (class-weighted when the classes are imbalanced, each early-stopped on
 * validation log loss) and the one with the better validation balanced accuracy is kept. A model
 * that predicts one class for every row is never kept when another beats it.
 */
import type { EvaluationReport } from '../evaluate/report';
import type { FitReport } from './fit-model';
import { defaultSpec, type ModelSpec } from './model-spec';

/**
 * Smallest class's rows over the largest's below which classes count as imbalanced and both
 * candidates are class-weighted. The choice and the report go by balanced accuracy, which an
 * unweighted model's 0.5 threshold gives away as soon as classes are unequal: at 0.5 the Pima
 * diabetes sample (0.54) trained unweighted and its logistic regression lost 0.06 test balanced
 * accuracy (0.715 vs 0.774 weighted). Near-equal classes keep unweighted, calibrated probabilities.
 */
export const IMBALANCE_RATIO = 0.8;

/** One candidate's figures on validation, shown with the run. */
export interface CandidateSummary {
  kind: ModelSpec['kind'];
  classWeights: ModelSpec['classWeights'];
  hidden: number[];
  /** Balanced accuracy (classification) or RMSE in target units (regression) on validation. */
  metric: number;
  /** Mean validation loss of the kept epoch (log loss, or squared error in scaled units). */
  valLoss: number;
  epochs: number;
  /** The model predicted a single class for every validation row. */
  constant: boolean;
  chosen: boolean;
}

/** What `chooseModel` reports besides the kept model. */
export interface ModelChoice {
  metric: 'balanced accuracy' | 'rmse';
  candidates: CandidateSummary[];
  /** One sentence: what was kept and why. */
  reason: string;
}

/** True when the smallest class has under IMBALANCE_RATIO of the largest class's rows. */
export function isImbalanced(labels: ArrayLike<number>, classCount: number): boolean {
  if (classCount < 2) return false;
  const counts = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  let min = Infinity;
  let max = 0;
  for (const c of counts) {
    min = Math.min(min, c);
    max = Math.max(max, c);
  }
  return max > 0 && min / max < IMBALANCE_RATIO;
}

/**
 * The candidates for `base` (the user's settings; kind ignored; epochs kept as the cap). Logistic
 * regression takes smaller batches on small data (at least ~20 steps an epoch) and more patience:
 * on a few hundred rows 50 epochs of one 256-row batch were only 50 Adam steps, under-fitted
 * against scikit-learn's.
 */
export function candidateSpecs(base: ModelSpec, trainRows: number, weighted: boolean): ModelSpec[] {
  const classWeights = weighted ? ('balanced' as const) : base.classWeights;
  const logistic = defaultSpec('logistic', {
    ...base,
    kind: 'logistic',
    hidden: [],
    dropout: 0,
    learningRate: Math.max(base.learningRate, 0.02),
    batchSize: Math.min(base.batchSize, Math.max(16, Math.ceil(trainRows / 20))),
    patience: Math.max(base.patience, 10),
    classWeights,
  });
  const mlp = defaultSpec('mlp', {
    ...base,
    kind: 'mlp',
    hidden: base.hidden.length ? base.hidden : [64, 32],
    dropout: base.kind === 'mlp' ? base.dropout : 0.1,
    classWeights,
  });
  return [logistic, mlp];
}

/** A fitted candidate as the caller holds it (the model itself stays with the caller). */
export interface FittedCandidate<M> {
  model: M;
  spec: ModelSpec;
  fit: FitReport;
  validation: EvaluationReport;
}

/** Whether a classifier predicted one class for every validation row. */
export function predictsOneClass(report: EvaluationReport): boolean {
  if (report.task !== 'classification') return false;
  const predicted = report.classes.map((_, c) => report.confusion.reduce((s, r) => s + r[c], 0));
  return predicted.filter((n) => n > 0).length <= 1;
}

/** The candidate's selection figure: balanced accuracy (higher is better) or RMSE (lower). */
function metricOf(report: EvaluationReport): number {
  return report.task === 'classification' ? report.balancedAccuracy.value : report.rmse.value;
}

/**
 * Index of the candidate to keep: best balanced accuracy (classification) or RMSE (regression).
 * Within 0.001 of each other a model that predicts more than one class wins, then the earlier
 * (simpler) one; so a one-class model is kept only when nothing beats it.
 */
export function pickCandidate(reports: EvaluationReport[]): number {
  const sign = reports[0]?.task === 'regression' ? -1 : 1;
  const score = (i: number) => {
    const m = sign * metricOf(reports[i]);
    return Number.isFinite(m) ? m : -Infinity;
  };
  let best = 0;
  for (let i = 1; i < reports.length; i++) {
    const gap = score(i) - score(best);
    const tie = Math.abs(gap) <= 1e-3;
    if (gap > 1e-3 || (tie && predictsOneClass(reports[best]) && !predictsOneClass(reports[i])))
      best = i;
  }
  return best;
}

/** Summaries and the reason for a finished choice. */
export function describeChoice<M>(
  fitted: FittedCandidate<M>[],
  chosen: number,
  weighted: boolean,
): ModelChoice {
  const regression = fitted[0].validation.task === 'regression';
  const candidates = fitted.map((f, i): CandidateSummary => ({
    kind: f.spec.kind,
    classWeights: f.spec.classWeights,
    hidden: f.spec.kind === 'mlp' ? f.spec.hidden : [],
    metric: metricOf(f.validation),
    valLoss: f.fit.epochs[f.fit.bestEpoch - 1]?.valLoss ?? NaN,
    epochs: f.fit.epochs.length,
    constant: predictsOneClass(f.validation),
    chosen: i === chosen,
  }));
  const name = (c: CandidateSummary) =>
    c.kind === 'mlp' ? `MLP (${c.hidden.join(', ')})` : regression ? 'linear' : 'logistic';
  const figures = candidates
    .map((c) => `${name(c)} ${c.metric.toFixed(3)}${c.constant ? ' (one class only)' : ''}`)
    .join(', ');
  const metric = regression ? ('rmse' as const) : ('balanced accuracy' as const);
  const weights = weighted ? '; classes imbalanced, so both were class-weighted' : '';
  return {
    metric,
    candidates,
    reason: `kept ${name(candidates[chosen])}: validation ${regression ? 'RMSE' : 'balanced accuracy'} ${figures}${weights}`,
  };
}

/**
 * Fits each spec in turn with `fitOne`, evaluates it with `evaluate`, keeps the best by
 * `pickCandidate` and disposes the others (also every fitted one when a later step throws).
 */
export async function fitAndChoose<M extends { dispose(): void }>(
  specs: ModelSpec[],
  fitOne: (spec: ModelSpec, index: number) => Promise<{ model: M; fit: FitReport }>,
  evaluate: (model: M) => Promise<EvaluationReport>,
): Promise<{ kept: FittedCandidate<M>; index: number; fitted: FittedCandidate<M>[] }> {
  const fitted: FittedCandidate<M>[] = [];
  try {
    for (let i = 0; i < specs.length; i++) {
      const { model, fit } = await fitOne(specs[i], i);
      fitted.push({ model, spec: specs[i], fit, validation: null as unknown as EvaluationReport });
      fitted[i].validation = await evaluate(model);
    }
  } catch (error) {
    for (const f of fitted) f.model.dispose();
    throw error;
  }
  const index = pickCandidate(fitted.map((f) => f.validation));
  fitted.forEach((f, i) => i !== index && f.model.dispose());
  return { kept: fitted[index], index, fitted };
}
