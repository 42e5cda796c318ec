/**
 * Squared Euclidean distances between validation rows and training rows as a matrix product on
 * the active tfjs backend: |a|² + |b|² − 2ab, one block of validation rows at a time so memory
 * stays bounded whatever the sizes.
 */
import * as tf from '@tensorflow/tfjs';

/** Row-major matrix of `rows × width` float32 values. */
export interface Matrix {
  x: Float32Array;
  rows: number;
  width: number;
}

/** Largest distance block held at once (floats): 16M floats = 64 MB. */
const BLOCK_FLOATS = 1 << 24;

/**
 * Calls `onBlock(start, count, d)` for consecutive blocks of `query` rows, where d[j * n + i] is
 * the squared distance between query row start + j and reference row i (n = reference.rows).
 */
export async function forEachDistanceBlock(
  query: Matrix,
  reference: Matrix,
  onBlock: (start: number, count: number, d: Float32Array) => void,
): Promise<void> {
  const n = reference.rows;
  const block = Math.max(1, Math.min(query.rows, Math.floor(BLOCK_FLOATS / Math.max(1, n))));
  // One product gives the whole distance: [q, |q|², 1] · [−2r, 1, |r|²]ᵀ = |q|² + |r|² − 2qr, so
  // no element-wise passes over the (large) result are needed.
  const ref = augment(reference, (row) => [1, row], -2);
  try {
    for (let start = 0; start < query.rows; start += block) {
      const count = Math.min(block, query.rows - start);
      const q = augment(
        {
          x: query.x.subarray(start * query.width, (start + count) * query.width),
          rows: count,
          width: query.width,
        },
        (row) => [row, 1],
        1,
      );
      const d = tf.matMul(q, ref, false, true);
      q.dispose();
      const data = (await d.data()) as Float32Array;
      d.dispose();
      onBlock(start, count, data);
    }
  } finally {
    ref.dispose();
  }
}

/** The matrix times `scale`, with two columns appended: `extra(|row|²)` in that order. */
function augment(m: Matrix, extra: (sq: number) => [number, number], scale: number): tf.Tensor2D {
  const w = m.width + 2;
  const x = new Float32Array(m.rows * w);
  for (let i = 0; i < m.rows; i++) {
    let sq = 0;
    for (let f = 0; f < m.width; f++) {
      const v = m.x[i * m.width + f];
      x[i * w + f] = scale * v;
      sq += v * v;
    }
    const [a, b] = extra(sq);
    x[i * w + m.width] = a;
    x[i * w + m.width + 1] = b;
  }
  return tf.tensor2d(x, [m.rows, w]);
}
