/** The train benchmark's seeded synthetic binary task, as a frame (Node) and as CSV (browser). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { blankColumnMeta } from '../src/core/table/column-meta';
import type { Frame, FrameColumn } from '../src/core/table/frame';
import { seededRandom } from '../src/core/stats/rng';

/** y = 1 when x·w + 3.2·x0·x1 + noise > 0: a linear part plus an interaction a linear model cannot fit. */
export function syntheticTask(rows: number, features: number, seed: number): Frame {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const w = Array.from({ length: features }, () => gauss());
  const x = Array.from({ length: features }, () => new Float64Array(rows));
  const y: string[] = [];
  for (let r = 0; r < rows; r++) {
    let z = 0;
    for (let f = 0; f < features; f++) z += (x[f][r] = gauss()) * w[f];
    z += 3.2 * x[0][r] * x[1][r] + gauss();
    y.push(z > 0 ? 'yes' : 'no');
  }
  const meta = (index: number, name: string, type: 'float' | 'categorical') => ({
    ...blankColumnMeta(index, name, type),
    distinctCount: rows,
    maxLength: 20,
  });
  const columns: FrameColumn[] = x.map((values, f) => ({
    kind: 'number',
    meta: meta(f, `x${f}`, 'float'),
    values,
    invalid: new Map(),
  }));
  columns.push({
    kind: 'string',
    meta: meta(features, 'label', 'categorical'),
    values: y,
    invalid: new Map(),
  });
  return { rows, columns, excluded: new Uint8Array(rows) };
}

/** Writes the frame as CSV (header x0…, label); numbers in shortest round-trip form, so exact. */
export function writeTaskCsv(frame: Frame, path: string): number {
  const lines = [frame.columns.map((c) => c.meta.name).join(',')];
  for (let r = 0; r < frame.rows; r++)
    lines.push(frame.columns.map((c) => String(c.values[r])).join(','));
  const text = `${lines.join('\n')}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/**
 * A seeded linear task with `classes` classes: class = argmax of x·w_k + noise. With
 * `rareShare` (binary only), "yes" is the top `rareShare` of x·w + noise: an imbalanced set.
 */
export function linearClassTask(
  rows: number,
  features: number,
  classes: number,
  seed: number,
  rareShare?: number,
): Frame {
  const frame = syntheticTask(rows, features, seed);
  const random = seededRandom(seed + 1);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const w = Array.from({ length: classes }, () => Array.from({ length: features }, gauss));
  const score = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < classes; k++) {
      let z = 1.5 * gauss();
      for (let f = 0; f < features; f++) z += (frame.columns[f].values[r] as number) * w[k][f];
      score[r * classes + k] = z;
    }
  const label: string[] = new Array(rows);
  if (rareShare !== undefined) {
    const cut = Float64Array.from({ length: rows }, (_, r) => score[r * classes]).sort()[
      Math.floor(rows * (1 - rareShare))
    ];
    for (let r = 0; r < rows; r++) label[r] = score[r * classes] >= cut ? 'yes' : 'no';
  } else
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let k = 1; k < classes; k++)
        if (score[r * classes + k] > score[r * classes + best]) best = k;
      label[r] = `c${best}`;
    }
  frame.columns[features] = {
    ...frame.columns[features],
    kind: 'string',
    values: label,
  } as Frame['columns'][number];
  return frame;
}
