import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { detectLabelIssues } from '../../../src/core/detect/label-issues';
import {
  anchorTransition,
  calibrateTemperature,
  wrongLabelPosterior,
} from '../../../src/core/detect/noise-posterior';
import { csvOf, frameOf } from './helpers';

/**
 * One-way noise: class 0 rows are relabelled 1 (rows 0..13 of the 40 class-0 rows), never the
 * other way. Rows 80..85 are clean class-0 rows that look like class 1: their self-confidence
 * (0.3) is lower than a flipped row's (0.35), yet their label is right.
 */
function oneWay(): { p: Float32Array; labels: Int32Array } {
  const p: number[] = [];
  const labels: number[] = [];
  const add = (p0: number, label: number) => {
    p.push(p0, 1 - p0);
    labels.push(label);
  };
  for (let r = 0; r < 40; r++) add(0.65, r < 14 ? 1 : 0);
  for (let r = 40; r < 80; r++) add(0.02, 1);
  for (let r = 80; r < 86; r++) add(0.3, 0);
  return { p: Float32Array.from(p), labels: Int32Array.from(labels) };
}

describe('noise-aware label ranking', () => {
  it('reads the direction of the noise from anchor points', () => {
    const { p, labels } = oneWay();
    const t = anchorTransition(p, labels, 2);
    // T[i·k + j] = P(given i | true j): class 0 carries label 1 about 35% of the time.
    expect(t[1 * 2 + 0]).toBeCloseTo(0.35, 2);
    expect(t[0 * 2 + 1]).toBeLessThan(0.03);
    for (let j = 0; j < 2; j++) expect(t[j] + t[2 + j]).toBeCloseTo(1, 6);
  });

  it('ranks flipped rows above clean rows that merely look like the other class', () => {
    const { p, labels } = oneWay();
    const t = anchorTransition(p, labels, 2);
    const wrong = (r: number) => wrongLabelPosterior(t, p, 2, r, labels[r]);
    const flipped = Array.from({ length: 14 }, (_, r) => wrong(r).wrong);
    const lookalikes = [80, 81, 82, 83, 84, 85].map((r) => wrong(r).wrong);
    expect(Math.min(...flipped)).toBeGreaterThan(Math.max(...lookalikes));
    expect(wrong(0).likeliest).toBe(0);
    // Clean rows of class 1 are the least suspicious of all.
    expect(wrong(50).wrong).toBeLessThan(Math.min(...lookalikes));
  });

  it('softens overconfident probabilities and keeps rows summing to one', () => {
    // Half of the rows the "model" is 99% sure of carry the other label: honest is about 50%.
    const p = new Float32Array(40 * 2);
    const labels = new Int32Array(40);
    for (let r = 0; r < 40; r++) {
      p.set(r % 2 ? [0.99, 0.01] : [0.01, 0.99], r * 2);
      labels[r] = r % 4 < 2 ? 0 : 1;
    }
    const q = calibrateTemperature(p, labels, 2);
    for (let r = 0; r < 40; r++) {
      expect(q[r * 2] + q[r * 2 + 1]).toBeCloseTo(1, 5);
      expect(Math.max(q[r * 2], q[r * 2 + 1])).toBeLessThan(0.8);
    }
  });

  it('stops the label detector when its signal aborts', async () => {
    await tf.setBackend('cpu');
    const frame = await frameOf(
      csvOf('x,y', 60, (i) => `${i % 2 ? 3 + (i % 5) * 0.1 : -3},${i % 2 ? 'a' : 'b'}`),
    );
    const before = tf.memory().numTensors;
    let checks = 0;
    // Aborts after a few checks: mid-training, between epochs.
    const signal = {
      get aborted() {
        return ++checks > 3;
      },
    };
    const run = detectLabelIssues(frame, 1, 1, { epochs: 50, folds: 3 }, signal);
    await expect(run).rejects.toBeInstanceOf(CleanroomError);
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
