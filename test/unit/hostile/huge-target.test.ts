import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegressionReport } from '../../../src/core/evaluate/regression';
import type { EvaluationReport } from '../../../src/core/evaluate/report';
import { buildModelCard } from '../../../src/core/export/model-card';
import { prepareRun } from '../../../src/core/train/prepare-run';
import { revealTest, trainModel } from '../../../src/core/train/train';
import { makeFrame } from '../train/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const HUGE_ROWS = [5, 50, 150];

/** y = 3x + 10 + noise over 300 rows; with `huge`, rows 5, 50, 150 hold 1e308, −1e308, 1.79e308. */
function regressionRows(huge: boolean): { x: number[]; noise: number[]; y: number[] } {
  const x = Array.from({ length: 300 }, (_, i) => (i % 40) / 10);
  const noise = x.map((_, i) => Math.cos(i * 7));
  const y = x.map((v, i) => 3 * v + 10 + Math.sin(i));
  if (huge) [1e308, -1e308, 1.79e308].forEach((v, i) => (y[HUGE_ROWS[i]] = v));
  return { x, noise, y };
}

/** The same rows without the three huge targets. */
function withoutHugeRows(): ReturnType<typeof regressionRows> {
  const all = regressionRows(false);
  const keep = (values: number[]) => values.filter((_, i) => !HUGE_ROWS.includes(i));
  return { x: keep(all.x), noise: keep(all.noise), y: keep(all.y) };
}

const options = {
  target: 'y',
  model: { kind: 'logistic' as const, epochs: 40, batchSize: 16, learningRate: 0.05 },
  preprocessing: { leakThreshold: null },
  bootstrap: { resamples: 0 },
};

function regression(report: EvaluationReport): RegressionReport {
  if (report.task !== 'regression') throw new Error('regression expected');
  return report;
}

describe('a regression target with huge values', () => {
  it('leaves those rows out of every split, scales the target finitely, and warns naming them', () => {
    const run = prepareRun(makeFrame(regressionRows(true)), options);
    expect(run.target.farRows).toEqual(HUGE_ROWS);
    expect(run.target.rows).toHaveLength(297);
    for (const r of HUGE_ROWS) expect(run.target.rows).not.toContain(r);
    const { mean, std } = run.preprocessing.targetScaling!;
    expect(mean).toBeGreaterThan(10);
    expect(mean).toBeLessThan(25);
    expect(std).toBeGreaterThan(1);
    expect(std).toBeLessThan(10);
    for (const y of [run.train.y, run.validation.y]) expect(y.every(Number.isFinite)).toBe(true);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(
      /^Target "y" has 3 values far outside the rest \(rows 6, 51, 151\), beyond \[.*\]: those rows are left out of training and evaluation/,
    );
  });

  it('trains to the same finite metrics as the file without those rows', async () => {
    const hostileFrame = makeFrame(regressionRows(true));
    const hostile = await trainModel(hostileFrame, options);
    const clean = await trainModel(makeFrame(withoutHugeRows()), options);
    try {
      const h = regression(hostile.validation);
      const c = regression(clean.validation);
      for (const m of [h.rmse.value, h.mae.value, h.r2.value])
        expect(Number.isFinite(m)).toBe(true);
      expect(h.r2.value).toBeGreaterThan(0.8);
      expect(h.n).toBe(c.n);
      expect(h.r2.value).toBeCloseTo(c.r2.value, 4);
      expect(h.rmse.value).toBeCloseTo(c.rmse.value, 4);
      const test = regression(await revealTest(hostileFrame, hostile, { resamples: 0 }));
      expect(Number.isFinite(test.rmse.value) && test.r2.value > 0.8).toBe(true);
      expect(clean.warnings).toEqual([]);
      const card = buildModelCard(hostile);
      expect(card.data.rowsTargetFarOut).toBe(3);
    } finally {
      hostile.model.dispose();
      clean.model.dispose();
    }
  });

  it('keeps every row of an ordinary target, and never drops rows of a class target', () => {
    expect(prepareRun(makeFrame(regressionRows(false)), options).target.farRows).toEqual([]);
    const label = regressionRows(false).x.map((v) => (v > 2 ? 'high' : 'low'));
    const run = prepareRun(makeFrame({ ...regressionRows(true), label }), { target: 'label' });
    expect(run.target.farRows).toEqual([]);
    expect(run.target.rows).toHaveLength(300);
  });
});
