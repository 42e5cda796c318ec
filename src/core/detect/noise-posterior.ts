/**
 * Noise-aware ranking of label issues. Self-confidence alone ranks badly when noise is
 * asymmetric: if only class A is ever relabelled B, a clean row of A that looks like B has as low
 * a self-confidence as a flipped row, yet its label is never wrong. So we estimate the noise
 * transition T[i|j] = P(given i | true j) from anchor points (Patrini et al., CVPR 2017: the rows
 * a model is surest are of class j show which labels class j carries) and rank rows by the
 * posterior P(label wrong | given i, x) ∝ Σ_{j≠i} T[i|j]·p_j(x).
 */

/** Share of each class's rows (and at least this many) used as its anchor points. */
const ANCHOR_SHARE = 0.01;
const MIN_ANCHORS = 5;
/**
 * Added to every off-diagonal transition so no relabelling is deemed impossible (an exact 0
 * would tie every row of a class at posterior 0 and lose their order).
 */
const SMOOTHING = 0.001;

/** Rows with a label (labels[r] ≥ 0). */
function labelledRows(labels: Int32Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < labels.length; r++) if (labels[r] >= 0) rows.push(r);
  return rows;
}

/**
 * Temperature scaling (Guo et al., ICML 2017) fitted on the out-of-sample probabilities against
 * the given labels: a quick network is overconfident, and the posterior needs honest p_j(x).
 */
export function calibrateTemperature(p: Float32Array, labels: Int32Array, k: number): Float32Array {
  const rows = labelledRows(labels);
  const logs = new Float64Array(p.length);
  for (const r of rows)
    for (let j = 0; j < k; j++) logs[r * k + j] = Math.log(Math.max(p[r * k + j], 1e-7));
  const scaled = (temperature: number, out?: Float32Array): number => {
    let nll = 0;
    for (const r of rows) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, logs[r * k + j] / temperature);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(logs[r * k + j] / temperature - max);
      nll -= logs[r * k + labels[r]] / temperature - max - Math.log(sum);
      if (out)
        for (let j = 0; j < k; j++)
          out[r * k + j] = Math.exp(logs[r * k + j] / temperature - max) / sum;
    }
    return nll;
  };
  // Golden-section search on [0.25, 10]; the NLL is unimodal in the temperature.
  let lo = 0.25;
  let hi = 10;
  for (let step = 0; step < 40; step++) {
    const a = hi - 0.618 * (hi - lo);
    const b = lo + 0.618 * (hi - lo);
    if (scaled(a) < scaled(b)) hi = b;
    else lo = a;
  }
  const out = new Float32Array(p.length);
  scaled((lo + hi) / 2, out);
  return out;
}

/**
 * T[i·k + j] = P(given i | true j): for each class j, the mean probabilities of the rows with the
 * highest p_j (its anchor points), smoothed and normalised per column.
 */
export function anchorTransition(p: Float32Array, labels: Int32Array, k: number): Float64Array {
  const rows = labelledRows(labels);
  const t = new Float64Array(k * k);
  const take = Math.min(
    rows.length,
    Math.max(MIN_ANCHORS, Math.round((ANCHOR_SHARE * rows.length) / k)),
  );
  for (let j = 0; j < k; j++) {
    const anchors = [...rows].sort((a, b) => p[b * k + j] - p[a * k + j]).slice(0, take);
    for (const r of anchors) for (let i = 0; i < k; i++) t[i * k + j] += p[r * k + i] / take;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      if (i !== j) t[i * k + j] += SMOOTHING;
      sum += t[i * k + j];
    }
    for (let i = 0; i < k; i++) t[i * k + j] /= sum;
  }
  return t;
}

/** P(label wrong | given `given`, x) and the likeliest true class other than `given`. */
export function wrongLabelPosterior(
  t: Float64Array,
  p: Float32Array,
  k: number,
  row: number,
  given: number,
): { wrong: number; likeliest: number } {
  let wrong = 0;
  let total = 0;
  let likeliest = given === 0 ? 1 : 0;
  let best = -1;
  for (let j = 0; j < k; j++) {
    const v = t[given * k + j] * p[row * k + j];
    total += v;
    if (j === given) continue;
    wrong += v;
    if (v > best) [best, likeliest] = [v, j];
  }
  return { wrong: total > 0 ? wrong / total : 0, likeliest };
}
