import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationReport } from '../../../src/core/evaluate/classification';
import {
  candidateSpecs,
  isImbalanced,
  pickCandidate,
  predictsOneClass,
} from '../../../src/core/train/model-choice';
import { defaultSpec } from '../../../src/core/train/model-spec';
import { seededRandom } from '../../../src/core/stats/rng';
import { trainModel } from '../../../src/core/train/train';
import { makeFrame } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A binary report from truth and hard predictions (probability 0.9 on the predicted class). */
function report(truth: number[], predicted: number[]) {
  const probs = Float32Array.from(predicted.flatMap((p) => (p ? [0.1, 0.9] : [0.9, 0.1])));
  return classificationReport(Int32Array.from(truth), probs, ['no', 'yes'], { resamples: 0 });
}

/** 90 "no" then 10 "yes". */
const truth = [...Array<number>(90).fill(0), ...Array<number>(10).fill(1)];
const majority = report(truth, Array<number>(100).fill(0));
/** Finds 6 of 10 "yes" at the cost of 10 false alarms: lower accuracy, higher balanced accuracy. */
const finder = report(truth, [
  ...Array<number>(80).fill(0),
  ...Array<number>(10).fill(1),
  1,
  1,
  1,
  1,
  1,
  1,
  0,
  0,
  0,
  0,
]);

describe('automatic model choice', () => {
  it('calls 90/10 imbalanced and 60/40 not', () => {
    expect(isImbalanced(Float32Array.from(truth), 2)).toBe(true);
    // 2 of 3 (Pima-like 0.54 too) counts: balanced accuracy is what the choice keeps.
    expect(isImbalanced([0, 0, 0, 1, 1], 2)).toBe(true);
    expect(isImbalanced([0, 0, 0, 0, 0, 1, 1, 1, 1], 2)).toBe(false);
    expect(isImbalanced([0, 1, 2, 2, 2, 2, 2], 3)).toBe(true);
  });

  it('never keeps a one-class model when another beats it on balanced accuracy', () => {
    expect(predictsOneClass(majority)).toBe(true);
    expect(majority.accuracy.value).toBeGreaterThan(finder.accuracy.value);
    expect(pickCandidate([majority, finder])).toBe(1);
    expect(pickCandidate([finder, majority])).toBe(0);
  });

  it('keeps the earlier (simpler) model on a tie, unless it predicts one class', () => {
    expect(pickCandidate([finder, finder])).toBe(0);
    // Balanced accuracy 0.5 both: the one predicting both classes wins the tie.
    const coin = report(
      truth,
      truth.map((_, i) => (i % 2 ? 1 : 0)),
    );
    expect(coin.balancedAccuracy.value).toBeCloseTo(0.5, 6);
    expect(pickCandidate([majority, coin])).toBe(1);
  });

  it('gives logistic regression enough steps on small data, and class weights when asked', () => {
    const [logistic, mlp] = candidateSpecs(defaultSpec('mlp'), 240, true);
    expect(logistic.kind).toBe('logistic');
    expect(Math.ceil(240 / logistic.batchSize)).toBeGreaterThanOrEqual(15);
    expect(logistic.epochs).toBe(50);
    expect(mlp).toMatchObject({ kind: 'mlp', hidden: [64, 32], classWeights: 'balanced' });
    expect(logistic.classWeights).toBe('balanced');
  });

  it('trains both on an imbalanced set, class-weighted, and keeps the better on balanced accuracy', async () => {
    const random = seededRandom(5);
    const n = 1200;
    const a = Array.from({ length: n }, () => random() * 2 - 1);
    const b = Array.from({ length: n }, () => random() * 2 - 1);
    // About 12% "yes": a rare class a majority-only model would miss entirely.
    const label = a.map((v, i) => (v + 0.5 * b[i] + 0.3 * (random() - 0.5) > 0.85 ? 'yes' : 'no'));
    const run = await trainModel(makeFrame({ a, b, label }), {
      target: 'label',
      model: { kind: 'auto', epochs: 40, seed: 3 },
      bootstrap: { resamples: 0 },
    });
    const choice = run.choice!;
    expect(choice.candidates.map((c) => c.kind)).toEqual(['logistic', 'mlp']);
    expect(choice.candidates.every((c) => c.classWeights === 'balanced')).toBe(true);
    const kept = choice.candidates.find((c) => c.chosen)!;
    expect(kept.kind).toBe(run.spec.kind);
    for (const c of choice.candidates) expect(kept.metric).toBeGreaterThanOrEqual(c.metric - 1e-3);
    expect(kept.constant).toBe(false);
    if (run.validation.task !== 'classification') throw new Error('expected classification');
    expect(run.validation.balancedAccuracy.value).toBe(kept.metric);
    expect(run.validation.balancedAccuracy.value).toBeGreaterThan(0.8);
    expect(choice.reason).toMatch(/class-weighted/);
    run.model.dispose();
  }, 60_000);
});
