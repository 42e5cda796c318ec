/**
 * Out-of-sample class probabilities from the nearest neighbours of each row (leave-one-out: a
 * row is never its own neighbour), on the label model's standardized features. A quick network
 * trained for a few epochs underfits classes that sit in tight clusters (26 letters), where the
 * neighbours' labels are a much better judge; averaged with the network's, they make the
 * confident-learning ranking better on both kinds of data (see label-issues.ts).
 */
import { CleanroomError } from '../errors';
import { seededRandom } from '../stats/rng';

/** Knobs of the neighbour vote. */
export interface KnnOptions {
  /** Neighbours that vote. */
  neighbours: number;
  /** Above this many labelled rows, neighbours are sought among a seeded sample of this size. */
  maxReference: number;
  /**
   * At most this many (row, reference) distances: large datasets get a smaller sample, so the
   * vote stays seconds, not minutes, at 1M rows (2e8 pairs ≈ 200 references per row there).
   */
  maxPairs: number;
  seed: number;
}

export const DEFAULT_KNN: KnnOptions = {
  neighbours: 15,
  maxReference: 5000,
  maxPairs: 2e8,
  seed: 1,
};

// Pseudo-count spread over the classes, so no probability is exactly 0 or 1.
const PRIOR = 0.5;

/** Rows × k probabilities (row-major) for labelled rows; unlabelled rows stay 0. */
export function knnProbabilities(
  x: Float32Array,
  width: number,
  labels: Int32Array,
  k: number,
  options: KnnOptions = DEFAULT_KNN,
  signal?: { readonly aborted: boolean },
): Float32Array {
  const rows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] >= 0) rows.push(r);
  let reference = rows;
  const size = Math.max(
    options.neighbours + 1,
    Math.min(options.maxReference, Math.floor(options.maxPairs / Math.max(1, rows.length))),
  );
  if (rows.length > size) {
    const rand = seededRandom(options.seed);
    const pool = [...rows];
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rand() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    reference = pool.slice(0, size);
  }
  const norm = new Float64Array(labels.length);
  for (const r of rows) {
    let s = 0;
    for (let c = 0; c < width; c++) s += x[r * width + c] * x[r * width + c];
    norm[r] = s;
  }
  const K = Math.min(options.neighbours, reference.length - 1);
  const p = new Float32Array(labels.length * k);
  if (K < 1) return p;
  const bestDist = new Float64Array(K);
  const bestRow = new Int32Array(K);
  for (const [n, r] of rows.entries()) {
    if ((n & 255) === 0 && signal?.aborted)
      throw new CleanroomError('aborted', 'Label issue detection was cancelled.');
    let found = 0;
    const at = r * width;
    for (const s of reference) {
      if (s === r) continue;
      let dot = 0;
      const bt = s * width;
      for (let c = 0; c < width; c++) dot += x[at + c] * x[bt + c];
      const d = norm[r] + norm[s] - 2 * dot;
      if (found === K && d >= bestDist[K - 1]) continue;
      // Insertion into the sorted K best (K is small).
      let i = found < K ? found++ : K - 1;
      while (i > 0 && bestDist[i - 1] > d) {
        bestDist[i] = bestDist[i - 1];
        bestRow[i] = bestRow[i - 1];
        i--;
      }
      bestDist[i] = d;
      bestRow[i] = s;
    }
    for (let i = 0; i < found; i++) p[r * k + labels[bestRow[i]]] += 1;
    for (let j = 0; j < k; j++) p[r * k + j] = (p[r * k + j] + PRIOR / k) / (found + PRIOR);
  }
  return p;
}
