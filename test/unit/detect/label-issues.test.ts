import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { confidentLearning } from '../../../src/core/detect/confident-learning';
import { detectLabelIssues } from '../../../src/core/detect/label-issues';
import { csvOf, frameOf } from './helpers';

// Two well-separated clusters; rows 5 and 17 carry the other cluster's label.
const csv = csvOf('x,z,y', 120, (i) => {
  const a = i % 2 === 0;
  const label = (i === 6 || i === 18 ? !a : a) ? 'left' : 'right';
  return `${a ? -3 + (i % 7) * 0.1 : 3 + (i % 5) * 0.1},${(i % 3) * 0.2},${label}`;
});

describe('label detector', () => {
  it('explains that it needs a target', async () => {
    const out = await detectLabelIssues(await frameOf(csv), null, 1);
    expect(out.findings).toEqual([]);
    expect(out.note).toMatch(/target/);
  });

  it('finds flipped labels, proposes a relabel, and leaves no tensors behind', async () => {
    await tf.setBackend('cpu');
    const frame = await frameOf(csv);
    const before = tf.memory().numTensors;
    const out = await detectLabelIssues(frame, 2, 1, { epochs: 20, folds: 3 });
    expect(tf.memory().numTensors).toBe(before);
    const rows = out.findings.map((f) => f.row).sort((a, b) => a - b);
    expect(rows).toEqual([6, 18]);
    expect(out.findings.find((f) => f.row === 6)!.suggestion).toEqual({
      kind: 'relabel',
      row: 6,
      column: 2,
      value: 'left',
    });
    expect(out.findings.every((f) => f.score > 0.5 && f.score <= 1)).toBe(true);
  });

  it('declines a target with too many classes or a single class', async () => {
    const many = await frameOf(csvOf('x,y', 80, (i) => `${i},c${i}`));
    expect((await detectLabelIssues(many, 1, 1)).note).toMatch(/categorical target/);
    const one = await frameOf(csvOf('x,y', 20, (i) => `${i},same`));
    expect((await detectLabelIssues(one, 1, 1)).note).toMatch(/fewer than two classes/);
  });
});

describe('confidentLearning', () => {
  it('flags the row whose probability mass sits on another class', () => {
    const p = new Float32Array([0.9, 0.1, 0.8, 0.2, 0.2, 0.8, 0.1, 0.9, 0.85, 0.15]);
    const labels = new Int32Array([0, 0, 1, 1, 1]);
    expect(confidentLearning(p, labels, 2).map((i) => [i.row, i.suggested])).toEqual([[4, 0]]);
  });
});
