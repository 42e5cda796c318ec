/**
 * Gradient and influence signals of a quick model (ActiveClean, Krishnan et al., VLDB 2016): a
 * seeded softmax regression trained for a few epochs with the project's training loop, then per
 * row the norm of its loss gradient, ‖(p − y) ⊗ [x, 1]‖, and its last-layer self-influence
 * gᵀ H⁻¹ g with a diagonal Hessian. A mislabelled row the model cannot fit has a large gradient; a
 * typical row, a small one.
 */
import { fitModel, type FitData } from '../train/fit-model';
import { buildModel, defaultSpec } from '../train/model-spec';
import { modelOutputs, toProbabilities } from '../train/predict-model';
import { seededRandom, shuffleInPlace } from '../stats/rng';
import type { Matrix } from './distances';
import { pickRows } from './features';
import type { LabelEvidence } from './label-signal';

/** Per training row; NaN (or -1) where the label is missing. */
export interface ModelEvidence {
  /** ‖(p − y) ⊗ [x, 1]‖: how hard the row pulls on the model's weights. */
  gradNorm: Float64Array;
  /** gᵀ H⁻¹ g with H the diagonal of the mean loss's Hessian (plus damping). */
  influence: Float64Array;
  /** The model's probability of the row's own label. */
  pGiven: Float32Array;
  /** The model's most likely class. */
  predicted: Int32Array;
}

/** Fitting choices; the defaults aim at about a second on 50k rows. */
export interface GradientOptions {
  seed: number;
  epochs?: number;
  /** The model is fitted on at most this many (seeded) rows, then scores every row. */
  sampleRows?: number;
}

const BATCH = 256;
const STEPS = 150;
// Keeps H⁻¹ bounded where a class is (nearly) never predicted: H's diagonal is then ~0.
const DAMPING = 1e-2;

/** Trains the quick model on the labelled rows of `x` and scores every row. */
export async function gradientSignals(
  x: Matrix,
  labels: Int32Array,
  classes: number,
  options: GradientOptions,
): Promise<ModelEvidence> {
  const labelled = Array.from(labels.keys()).filter((r) => labels[r] >= 0);
  shuffleInPlace(labelled, seededRandom(options.seed));
  const sample = labelled.slice(0, options.sampleRows ?? 8000);
  const fit: FitData = {
    ...pickRows(x, sample),
    y: Float32Array.from(sample, (r) => labels[r]),
  };
  // About 150 optimiser steps whatever the size: a few epochs on large data, more on small (each
  // step costs milliseconds of tfjs overhead, so steps, not rows, set the time).
  const epochs = Math.max(
    3,
    Math.min(200, Math.ceil((STEPS * BATCH) / Math.max(1, sample.length))),
  );
  const spec = defaultSpec('logistic', {
    epochs: options.epochs ?? epochs,
    batchSize: BATCH,
    seed: options.seed,
    patience: Infinity,
  });
  const model = buildModel(spec, x.width, 'classification', classes);
  try {
    const none: FitData = {
      x: new Float32Array(0),
      y: new Float32Array(0),
      rows: 0,
      width: x.width,
    };
    await fitModel(model, spec, 'classification', classes, fit, none);
    const out = await modelOutputs(model, x.x, x.rows, x.width);
    return scoreRows(x, labels, classes, toProbabilities(out.values, out.units, classes));
  } finally {
    model.dispose();
  }
}

/** The per-row signals from the model's class probabilities (rows × classes). */
export function scoreRows(
  x: Matrix,
  labels: Int32Array,
  classes: number,
  probs: Float32Array,
): ModelEvidence {
  const n = x.rows;
  const w = x.width + 1;
  // Squared inputs of one row, bias last: the loops below read them C times each (1M rows × C ×
  // width calls of a helper were 14 s of a 1M-row ranking; the arithmetic is unchanged).
  const sq = new Float64Array(w);
  const squares = (i: number) => {
    for (let f = 0; f < x.width; f++) sq[f] = x.x[i * x.width + f] ** 2;
    sq[x.width] = 1;
  };
  // Diagonal of the mean softmax-regression Hessian: H[c, f] = mean p_c (1 − p_c) x̃_f².
  const hessian = new Float64Array(classes * w);
  let counted = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] < 0) continue;
    counted++;
    squares(i);
    for (let c = 0; c < classes; c++) {
      const p = probs[i * classes + c];
      const curvature = p * (1 - p);
      for (let f = 0; f < w; f++) hessian[c * w + f] += curvature * sq[f];
    }
  }
  for (let e = 0; e < hessian.length; e++) hessian[e] = hessian[e] / Math.max(1, counted) + DAMPING;
  const gradNorm = new Float64Array(n).fill(NaN);
  const influence = new Float64Array(n).fill(NaN);
  const pGiven = new Float32Array(n).fill(NaN);
  const predicted = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probs[i * classes + c] > probs[i * classes + best]) best = c;
    predicted[i] = best;
    const y = labels[i];
    if (y < 0) continue;
    pGiven[i] = probs[i * classes + y];
    squares(i);
    let residual = 0;
    let inputs = 0;
    let inf = 0;
    for (let f = 0; f < w; f++) inputs += sq[f];
    for (let c = 0; c < classes; c++) {
      const r = probs[i * classes + c] - (c === y ? 1 : 0);
      const r2 = r * r;
      residual += r2;
      for (let f = 0; f < w; f++) inf += (r2 * sq[f]) / hessian[c * w + f];
    }
    // The gradient is an outer product, so its norm is the product of the two norms.
    gradNorm[i] = Math.sqrt(residual * inputs);
    influence[i] = inf;
  }
  return { gradNorm, influence, pGiven, predicted };
}

/** How much the model's opinion counts when it agrees with the neighbours (0..1). */
const SECOND_OPINION = 0.5;

/**
 * The model as a second opinion on the neighbours' label evidence: where both name the same other
 * class, pWrong rises (noisy-or with the model's doubt about the row's label, half weight); where
 * they disagree, the neighbours' evidence stands.
 */
export function withModelOpinion(
  labels: (LabelEvidence | null)[],
  given: Int32Array,
  model: ModelEvidence,
): (LabelEvidence | null)[] {
  return labels.map((l, r) => {
    if (!l || l.suggested === given[r] || model.predicted[r] !== l.suggested) return l;
    const doubt = 1 - model.pGiven[r];
    return { ...l, pWrong: 1 - (1 - l.pWrong) * (1 - SECOND_OPINION * doubt), modelAgrees: true };
  });
}
