/**
 * Multivariate outliers: an isolation forest (Liu, Ting & Zhou, 2008) on robustly standardized
 * numeric columns. Rows that random splits isolate quickly are unusual as a whole, even when
 * each value alone looks fine. Splits are on random two-column directions (w1·x_a + w2·x_b, the
 * "extended" forest of Hariri et al. at extension level 1): axis-parallel cuts miss a point off a
 * diagonal, and two columns per cut keep scoring cheap at 1M rows. Seeded.
 */
import { isNumericColumn } from '../profile/association';
import type { Frame } from '../table/frame';
import { finiteValues, robustStats, seededRandom } from './stats';
import { clampScore, type Detector, type DetectorOutput, type Finding } from './types';

const TREES = 64;
const SAMPLE = 256;
// Anomaly score s = 2^(−E[h]/c(ψ)); 0.5 is ordinary, near 1 is isolated at once. Above this: flag.
const FLAG = 0.7;
const CLIP = 20;

/** Average path length of an unsuccessful search in a binary tree of n points (c(n) in the paper). */
function c(n: number): number {
  return n <= 1 ? 0 : n === 2 ? 1 : 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

interface Tree {
  feature: Int32Array;
  feature2: Int32Array;
  w1: Float64Array;
  w2: Float64Array;
  split: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Path-length correction at a leaf (c(size)); -1 marks an inner node. */
  leaf: Float64Array;
}

function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

function buildTree(x: Float64Array, width: number, rows: number[], rand: () => number): Tree {
  const cap = 2 * rows.length;
  const t: Tree = {
    feature: new Int32Array(cap),
    feature2: new Int32Array(cap),
    w1: new Float64Array(cap),
    w2: new Float64Array(cap),
    split: new Float64Array(cap),
    left: new Int32Array(cap),
    right: new Int32Array(cap),
    leaf: new Float64Array(cap).fill(-1),
  };
  let next = 0;
  const maxDepth = Math.ceil(Math.log2(Math.max(2, rows.length)));
  const grow = (ids: number[], depth: number): number => {
    const node = next++;
    if (depth >= maxDepth || ids.length <= 1) {
      t.leaf[node] = c(ids.length);
      return node;
    }
    // Try a few directions for one along which this node's points still differ.
    for (let attempt = 0; attempt < 2 * width; attempt++) {
      const f = Math.floor(rand() * width);
      const g = (f + 1 + Math.floor(rand() * (width - 1))) % width;
      const w1 = gauss(rand);
      const w2 = gauss(rand);
      const proj = ids.map((r) => w1 * x[r * width + f] + w2 * x[r * width + g]);
      let lo = Infinity,
        hi = -Infinity;
      for (const v of proj) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi <= lo) continue;
      const s = lo + rand() * (hi - lo);
      t.feature[node] = f;
      t.feature2[node] = g;
      t.w1[node] = w1;
      t.w2[node] = w2;
      t.split[node] = s;
      t.left[node] = grow(
        ids.filter((_, i) => proj[i] < s),
        depth + 1,
      );
      t.right[node] = grow(
        ids.filter((_, i) => proj[i] >= s),
        depth + 1,
      );
      return node;
    }
    t.leaf[node] = c(ids.length);
    return node;
  };
  grow(rows, 0);
  return t;
}

/** Adds each candidate's path length in tree `t` to `sum` (tree by tree: arrays stay local). */
function addPathLengths(
  t: Tree,
  x: Float64Array,
  width: number,
  rows: number[],
  sum: Float64Array,
): void {
  const { feature, feature2, w1, w2, split, left, right, leaf } = t;
  for (const r of rows) {
    const at = r * width;
    let node = 0;
    let depth = 0;
    while (leaf[node] < 0) {
      const v = w1[node] * x[at + feature[node]] + w2[node] * x[at + feature2[node]];
      node = v < split[node] ? left[node] : right[node];
      depth++;
    }
    sum[r] += depth + leaf[node];
  }
}

/** Flags rows an isolation forest isolates unusually fast. */
export function detectIsolation(frame: Frame, seed: number, target: number | null): DetectorOutput {
  const cols = frame.columns
    .map((col, i) => ({ col, i }))
    .filter(({ col, i }) => i !== target && isNumericColumn(col));
  if (cols.length < 2 || frame.rows < 16)
    return {
      findings: [],
      note: 'Multivariate outliers need at least two numeric columns and 16 rows.',
    };
  const width = cols.length;
  const x = new Float64Array(frame.rows * width);
  // Clipped at ±CLIP σ: one unit slip (the univariate detector's case) must not stretch every
  // random cut along its column. Missing values sit at the median (0).
  cols.forEach(({ col }, f) => {
    const s = robustStats(finiteValues(col.values as Float64Array, frame.excluded));
    const scale = Math.max((s.q3 - s.q1) / 1.349, s.scale) || 1;
    const v = col.values as Float64Array;
    // Missing → the median (0 after centring): missingness is the missing detector's business.
    for (let r = 0; r < frame.rows; r++)
      x[r * width + f] = Number.isFinite(v[r])
        ? Math.max(-CLIP, Math.min(CLIP, (v[r] - s.median) / scale))
        : 0;
  });
  const rand = seededRandom(seed);
  const candidates: number[] = [];
  for (let r = 0; r < frame.rows; r++) if (!frame.excluded[r]) candidates.push(r);
  const psi = Math.min(SAMPLE, candidates.length);
  const trees: Tree[] = [];
  for (let k = 0; k < TREES; k++) {
    const sample: number[] = [];
    for (let i = 0; i < psi; i++) sample.push(candidates[Math.floor(rand() * candidates.length)]);
    trees.push(buildTree(x, width, sample, rand));
  }
  const norm = c(psi);
  const findings: Finding[] = [];
  const sum = new Float64Array(frame.rows);
  for (const t of trees) addPathLengths(t, x, width, candidates, sum);
  for (const r of candidates) {
    const s = 2 ** (-sum[r] / TREES / norm);
    if (s < FLAG) continue;
    const far = cols
      .map(({ col }, f) => ({ name: col.meta.name, z: Math.abs(x[r * width + f]) }))
      .sort((a, b) => b.z - a.z)
      .slice(0, 2);
    findings.push({
      row: r,
      column: null,
      detector: 'multivariate-outlier',
      score: clampScore((s - 0.5) * 2),
      reason: `Row ${r} is an unusual combination of values (isolation score ${s.toFixed(2)}; most unusual: ${far.map((f) => `${f.name} at ${f.z.toFixed(1)} robust σ`).join(', ')}).`,
      suggestion: null,
    });
  }
  return { findings };
}

/** Detector: multivariate outliers (isolation forest). */
export const isolationDetector: Detector = {
  name: 'multivariate-outlier',
  description: 'Rows whose combination of numeric values is unusual (isolation forest).',
  run: (frame, context) => detectIsolation(frame, context.seed, context.target),
};
