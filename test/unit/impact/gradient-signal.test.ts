import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  gradientSignals,
  scoreRows,
  withModelOpinion,
  type ModelEvidence,
} from '../../../src/core/impact/gradient-signal';
import type { LabelEvidence } from '../../../src/core/impact/label-signal';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('scoreRows', () => {
  // Two rows at the same point; the model gives class 0 probability 0.9. Row 0 says class 0
  // (typical), row 1 says class 1 (what a flipped label looks like).
  const x = { x: Float32Array.from([3, 4, 3, 4]), rows: 2, width: 2 };
  const probs = Float32Array.from([0.9, 0.1, 0.9, 0.1]);
  const s = scoreRows(x, Int32Array.from([0, 1]), 2, probs);

  it('is the norm of (p − y) ⊗ [x, 1]', () => {
    // ‖p − y‖ = √(0.1² + 0.1²) for row 0, √(0.9² + 0.9²) for row 1; ‖[3, 4, 1]‖ = √26.
    expect(s.gradNorm[0]).toBeCloseTo(Math.sqrt(0.02 * 26), 5);
    expect(s.gradNorm[1]).toBeCloseTo(Math.sqrt(1.62 * 26), 5);
  });

  it('gives the mislabelled row the larger gradient and self-influence', () => {
    expect(s.gradNorm[1]).toBeGreaterThan(5 * s.gradNorm[0]);
    expect(s.influence[1]).toBeGreaterThan(20 * s.influence[0]);
    expect(s.pGiven[0]).toBeCloseTo(0.9, 6);
    expect(s.predicted[1]).toBe(0);
  });

  it('leaves rows without a label unscored', () => {
    const none = scoreRows(x, Int32Array.from([0, -1]), 2, probs);
    expect(none.gradNorm[1]).toBeNaN();
    expect(none.influence[1]).toBeNaN();
  });
});

describe('gradientSignals', () => {
  it('trains a quick model whose gradient singles out a flipped label', async () => {
    // Two blobs on x; row 6 sits in the class-1 blob but is labelled 0.
    const n = 60;
    const xs = Array.from({ length: n }, (_, i) => (i % 2 ? 2 : -2) + ((i * 7) % 5) / 10);
    const labels = Int32Array.from(xs, (v, i) => (i === 7 ? 0 : v > 0 ? 1 : 0));
    const before = tf.memory().numTensors;
    const s = await gradientSignals({ x: Float32Array.from(xs), rows: n, width: 1 }, labels, 2, {
      seed: 3,
    });
    expect(tf.memory().numTensors).toBe(before);
    const top = [...s.gradNorm.keys()].sort((a, b) => s.gradNorm[b] - s.gradNorm[a])[0];
    expect(top).toBe(7);
    expect(s.predicted[7]).toBe(1);
    const typical = [...s.gradNorm].filter((_, i) => i !== 7).sort((a, b) => a - b);
    expect(typical[Math.floor(typical.length / 2)]).toBeLessThan(s.gradNorm[7] / 3);
  });
});

describe('withModelOpinion', () => {
  const label = (suggested: number, pWrong: number): LabelEvidence => ({
    suggested,
    pWrong,
    gain: 0.01,
    voters: 10,
    agreeing: 2,
    forSuggested: 8,
  });
  const model: ModelEvidence = {
    gradNorm: Float64Array.from([1, 1, 1, 1]),
    influence: Float64Array.from([1, 1, 1, 1]),
    pGiven: Float32Array.from([0.2, 0.2, 0.9, 0.2]),
    predicted: Int32Array.from([1, 0, 0, 1]),
  };
  const given = Int32Array.from([0, 0, 0, 1]);

  it('raises pWrong only where the model and the neighbours name the same other class', () => {
    const out = withModelOpinion([label(1, 0.6), label(1, 0.6), label(0, 0.1), null], given, model);
    expect(out[0]!.pWrong).toBeCloseTo(1 - 0.4 * (1 - 0.5 * 0.8), 6);
    expect(out[0]!.modelAgrees).toBe(true);
    // The model sides with the row's own label: the neighbours' evidence stands.
    expect(out[1]!.pWrong).toBe(0.6);
    // The neighbours agree with the label: nothing to raise.
    expect(out[2]!.pWrong).toBe(0.1);
    expect(out[3]).toBeNull();
  });
});
