/** Logistic regression by iteratively reweighted least squares (Newton's method), in float64. */

/** Fits weights (last = intercept) on row-major `x` (rows × width) and 0/1 `y`. */
export function irls(
  x: Float32Array,
  y: Float64Array,
  rows: number,
  width: number,
  maxIter = 25,
): { weights: Float64Array; iterations: number } {
  const d = width + 1;
  const w = new Float64Array(d);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    const hessian = new Float64Array(d * d);
    const gradient = new Float64Array(d);
    const row = new Float64Array(d);
    row[width] = 1;
    for (let r = 0; r < rows; r++) {
      let z = w[width];
      for (let j = 0; j < width; j++) z += (row[j] = x[r * width + j]) * w[j];
      const p = 1 / (1 + Math.exp(-z));
      const s = Math.max(p * (1 - p), 1e-10);
      for (let i = 0; i < d; i++) {
        gradient[i] += (y[r] - p) * row[i];
        for (let j = 0; j <= i; j++) hessian[i * d + j] += s * row[i] * row[j];
      }
    }
    // Tiny ridge keeps the system solvable when classes separate perfectly.
    for (let i = 0; i < d; i++) {
      hessian[i * d + i] += 1e-8;
      for (let j = 0; j < i; j++) hessian[j * d + i] = hessian[i * d + j];
    }
    const step = solve(hessian, gradient, d);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i] += step[i];
      change = Math.max(change, Math.abs(step[i]));
    }
    if (change < 1e-8) {
      iterations++;
      break;
    }
  }
  return { weights: w, iterations };
}

/** Solves A s = b (A symmetric positive definite, d × d) by Cholesky. */
function solve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      let sum = a[i * d + j];
      for (let k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j * d + j];
    }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * d + k] * z[k];
    z[i] = sum / l[i * d + i];
  }
  const s = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < d; k++) sum -= l[k * d + i] * s[k];
    s[i] = sum / l[i * d + i];
  }
  return s;
}

/** Share of rows where p ≥ 0.5 matches y. */
export function irlsAccuracy(
  w: Float64Array,
  x: Float32Array,
  y: Float64Array,
  rows: number,
  width: number,
): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    let z = w[width];
    for (let j = 0; j < width; j++) z += x[r * width + j] * w[j];
    if ((z >= 0 ? 1 : 0) === y[r]) correct++;
  }
  return correct / rows;
}
