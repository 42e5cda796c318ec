import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { confidentLearning } from '../../../src/core/detect/confident-learning';
import { detectLabelIssues, tiedRanks } from '../../../src/core/detect/label-issues';
import { seededRandom } from '../../../src/core/stats/rng';
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

describe('label findings: words match the numbers', () => {
  // Attrition-like: a weak, imbalanced signal (about 16% "Yes"), so many rows sit near 50 / 50.
  const random = seededRandom(3);
  const noisy = csvOf('age,overtime,distance,attrition', 400, () => {
    const age = 18 + Math.floor(random() * 42);
    const overtime = random() < 0.28;
    const distance = 1 + Math.floor(random() * 29);
    const z = -2.2 + 1.4 * +overtime - 0.04 * (age - 36) + 0.03 * distance;
    const yes = random() < 1 / (1 + Math.exp(-z));
    return `${age},${overtime ? 'Yes' : 'No'},${distance},${yes ? 'Yes' : 'No'}`;
  });

  it('flags only rows where the other class comes out ahead, and ties share one rank', async () => {
    await tf.setBackend('cpu');
    const out = await detectLabelIssues(await frameOf(noisy), 3, 1, { epochs: 20, folds: 3 });
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      const [, own, other] = /give that ([\d.]+)% and "[^"]+" ([\d.]+)%/.exec(f.reason)!;
      expect(+other).toBeGreaterThan(+own);
    }
    const byNumbers = new Map<string, typeof out.findings>();
    for (const f of out.findings) {
      const key = /is "[^"]+" .*%;/.exec(f.reason)![0];
      byNumbers.set(key, [...(byNumbers.get(key) ?? []), f]);
    }
    for (const group of byNumbers.values()) {
      if (group.length === 1) {
        expect(group[0].reason).toMatch(/; ranked \d+ of \d+ by/);
        continue;
      }
      expect(new Set(group.map((f) => f.score)).size).toBe(1);
      for (const f of group)
        expect(f.reason).toContain(`one of ${group.length} rows with these same numbers`);
    }
  });
});

describe('tiedRanks', () => {
  it('gives each run of equal keys its first and last position', () => {
    const ranks = tiedRanks(['a', 'b', 'b', 'b', 'c', 'b'], (x) => x);
    expect(ranks.map(({ first, last }) => [first, last])).toEqual([
      [0, 0],
      [1, 3],
      [1, 3],
      [1, 3],
      [4, 4],
      [5, 5],
    ]);
  });
});
