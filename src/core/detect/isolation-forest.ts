/**
 * Multivariate outliers: an isolation forest (Liu, Ting & Zhou, 2008) on robustly standardized
 * numeric columns. Rows that random splits isolate quickly are unusual as a whole, even when
 * each value alone looks fine. Splits are on random two-column directions (w1·x_a + w2·x_b, the
 * "extended" forest of Hariri et al. at extension level 1): axis-parallel cuts miss a point off a
 * diagonal, and two columns per cut keep scoring cheap at 1M rows. Seeded.
 */
import { isNumericColumn } from '../stats/association';
import type { Frame } from '../table/frame';
import { seededRandom } from '../stats/rng';
import { columnStats } from '../stats/robust';
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

/** Split nodes, one entry per node in each array. */
interface Nodes {
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

function nodes(count: number): Nodes {
  return {
    feature: new Int32Array(count),
    feature2: new Int32Array(count),
    w1: new Float64Array(count),
    w2: new Float64Array(count),
    split: new Float64Array(count),
    left: new Int32Array(count),
    right: new Int32Array(count),
    leaf: new Float64Array(count).fill(-1),
  };
}

interface Tree extends Nodes {
  /** Nodes used. */
  size: number;
}

function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

function buildTree(x: Float64Array, width: number, rows: number[], rand: () => number): Tree {
  const cap = 2 * rows.length + 1;
  const t: Tree = { ...nodes(cap), size: 0 };
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
  t.size = next;
  return t;
}

/** All trees in one set of arrays (tree k's nodes start at root[k]), for row-major scoring. */
interface Forest extends Nodes {
  root: Int32Array;
  /** Smallest path length (depth + leaf correction) any row can get in tree k. */
  shortest: Float64Array;
}

function flatten(trees: Tree[]): Forest {
  const total = trees.reduce((a, t) => a + t.size, 0);
  const f: Forest = {
    ...nodes(total),
    root: new Int32Array(trees.length),
    shortest: new Float64Array(trees.length),
  };
  let at = 0;
  trees.forEach((t, k) => {
    const n = t.size;
    f.root[k] = at;
    for (const key of ['feature', 'feature2', 'w1', 'w2', 'split', 'leaf'] as const)
      f[key].set(t[key].subarray(0, n), at);
    for (let i = 0; i < n; i++) {
      f.left[at + i] = t.left[i] + at;
      f.right[at + i] = t.right[i] + at;
    }
    // Depth of each node, to find the tree's shortest possible path.
    const depth = new Int32Array(n);
    let shortest = Infinity;
    for (let i = 0; i < n; i++) {
      if (t.leaf[i] >= 0) shortest = Math.min(shortest, depth[i] + t.leaf[i]);
      else depth[t.left[i]] = depth[t.right[i]] = depth[i] + 1;
    }
    f.shortest[k] = shortest;
    at += n;
  });
  return f;
}

/**
 * Mean path length of each candidate over the forest, row by row (a row's values stay in cache
 * while every tree scores it). A row stops early, exactly, once even the shortest paths in the
 * trees left could not bring its mean down to `flagAt`: it is ordinary whatever they say.
 * Rows stopped early get +Infinity.
 */
function meanPathLengths(
  f: Forest,
  x: Float64Array,
  width: number,
  rows: number[],
  flagAt: number,
): Float64Array {
  const trees = f.root.length;
  const { feature, feature2, w1, w2, split, left, right, leaf } = f;
  // rest[k] = the least the trees from k on can add.
  const rest = new Float64Array(trees + 1);
  for (let k = trees - 1; k >= 0; k--) rest[k] = rest[k + 1] + f.shortest[k];
  const budget = flagAt * trees;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const at = rows[i] * width;
    let sum = 0;
    let k = 0;
    for (; k < trees; k++) {
      let node = f.root[k];
      let depth = 0;
      while (leaf[node] < 0) {
        const v = w1[node] * x[at + feature[node]] + w2[node] * x[at + feature2[node]];
        node = v < split[node] ? left[node] : right[node];
        depth++;
      }
      sum += depth + leaf[node];
      // Checked after every tree: on ordinary rows this stops after about 19 of the 64 trees.
      if (sum + rest[k + 1] > budget) break;
    }
    out[i] = k < trees ? Infinity : sum / trees;
  }
  return out;
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
    const s = columnStats(col.values as Float64Array, frame.excluded);
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
  // s ≥ FLAG ⇔ mean path ≤ −log2(FLAG)·c(ψ).
  const mean = meanPathLengths(flatten(trees), x, width, candidates, -Math.log2(FLAG) * norm);
  for (const [i, r] of candidates.entries()) {
    const s = 2 ** (-mean[i] / norm);
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
