import { describe, expect, it } from 'vitest';
import { calibration } from '../../../src/core/evaluate/calibration';
import { classificationReport } from '../../../src/core/evaluate/classification';
import { prCurve, rocCurve } from '../../../src/core/evaluate/curves';
import { bootstrap, wilson } from '../../../src/core/evaluate/intervals';
import { regressionReport } from '../../../src/core/evaluate/regression';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('intervals', () => {
  it('Wilson matches the textbook value and stays in [0, 1]', () => {
    const w = wilson(8, 10);
    expect(w.value).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
    expect(wilson(10, 10).high).toBe(1);
    expect(wilson(0, 10).low).toBe(0);
  });

  it('bootstrap is seeded and brackets the value', () => {
    const data = Array.from({ length: 100 }, (_, i) => i % 7);
    const mean = (rows: Int32Array) => rows.reduce((s, i) => s + data[i], 0) / rows.length;
    const a = bootstrap(100, mean, { seed: 1 });
    expect(bootstrap(100, mean, { seed: 1 })).toEqual(a);
    expect(a.low).toBeLessThan(a.value);
    expect(a.high).toBeGreaterThan(a.value);
  });
});

describe('curves and calibration', () => {
  it('ROC AUC is 1 for a perfect ranking, 0.5 for ties, and PR area is average precision', () => {
    expect(rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], all(4)).area).toBe(1);
    expect(rocCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], all(4)).area).toBe(0.5);
    // Ranking 1,0,1,0: AP = (0.5·1 + 0.5·2/3) = 0.8333.
    expect(prCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], all(4)).area).toBeCloseTo(5 / 6, 6);
    expect(rocCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], all(4)).area).toBe(0.75);
  });

  it('ECE is 0 when predictions match frequencies and grows when they do not', () => {
    expect(calibration([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], 'positive').ece).toBeCloseTo(0, 9);
    expect(calibration([0.95, 0.95], [0, 0], 'positive').ece).toBeCloseTo(0.95, 9);
  });
});

describe('reports', () => {
  it('computes accuracy, balanced accuracy, per-class metrics and the confusion matrix', () => {
    const truth = [0, 0, 0, 1, 1, 2];
    const predicted = [0, 0, 1, 1, 1, 2];
    const probs = new Float32Array(truth.length * 3);
    predicted.forEach((p, i) => {
      probs.set([0.1, 0.1, 0.1], i * 3);
      probs[i * 3 + p] = 0.8;
    });
    const r = classificationReport(truth, probs, ['a', 'b', 'c'], { resamples: 50 });
    expect(r.accuracy.value).toBeCloseTo(5 / 6);
    expect(r.balancedAccuracy.value).toBeCloseTo((2 / 3 + 1 + 1) / 3);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [0, 0, 1],
    ]);
    expect(r.perClass[1]).toMatchObject({ class: 'b', precision: 2 / 3, support: 2 });
    expect(r.perClass[0].recall.value).toBeCloseTo(2 / 3);
    expect(r.roc).toBeNull();
    expect(r.logLoss.value).toBeGreaterThan(0);
  });

  it('binary reports carry ROC and PR curves with an AUC interval', () => {
    const truth = Array.from({ length: 60 }, (_, i) => i % 2);
    const probs = new Float32Array(120);
    truth.forEach((t, i) => {
      const p = t ? 0.6 + (i % 5) / 20 : 0.3 + (i % 7) / 20;
      probs[2 * i] = 1 - p;
      probs[2 * i + 1] = p;
    });
    const r = classificationReport(truth, probs, ['no', 'yes'], { resamples: 50 });
    expect(r.roc!.auc.value).toBeGreaterThan(0.9);
    expect(r.roc!.auc.low).toBeLessThanOrEqual(r.roc!.auc.value);
    expect(r.pr!.points.length).toBeGreaterThan(1);
    expect(r.calibration.bins).toHaveLength(10);
  });

  it('regression: RMSE, MAE, R² and residuals', () => {
    const truth = [1, 2, 3, 4];
    const r = regressionReport(truth, [1, 2, 3, 5], { resamples: 20 });
    expect(r.rmse.value).toBeCloseTo(0.5);
    expect(r.mae.value).toBeCloseTo(0.25);
    expect(r.r2.value).toBeCloseTo(1 - 1 / 5);
    expect(r.residuals.sample).toEqual([0, 0, 0, -1]);
  });
});
