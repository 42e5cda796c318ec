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
  // The reference is laid out transposed up front: on the wasm backend a product with
  // transposeB was measured 7× slower than one with a pre-transposed operand.
  const ref = augment(reference, (row) => [1, row], -2, true);
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
        false,
      );
      const d = tf.matMul(q, ref);
      q.dispose();
      const data = (await d.data()) as Float32Array;
      d.dispose();
      onBlock(start, count, data);
    }
  } finally {
    ref.dispose();
  }
}

/** The matrix times `scale` with two columns appended (`extra(|row|²)`), optionally transposed. */
function augment(
  m: Matrix,
  extra: (sq: number) => [number, number],
  scale: number,
  transposed: boolean,
): tf.Tensor2D {
  const w = m.width + 2;
  const x = new Float32Array(m.rows * w);
  // Element (i, f) of the augmented matrix lives at i * w + f, or f * rows + i when transposed.
  const at = transposed
    ? (i: number, f: number) => f * m.rows + i
    : (i: number, f: number) => i * w + f;
  for (let i = 0; i < m.rows; i++) {
    let sq = 0;
    for (let f = 0; f < m.width; f++) {
      const v = m.x[i * m.width + f];
      x[at(i, f)] = scale * v;
      sq += v * v;
    }
    const [a, b] = extra(sq);
    x[at(i, m.width)] = a;
    x[at(i, m.width + 1)] = b;
  }
  return transposed ? tf.tensor2d(x, [w, m.rows]) : tf.tensor2d(x, [m.rows, w]);
}
