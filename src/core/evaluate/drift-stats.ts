/** Two-sample statistics for drift: KS, χ², normalised Wasserstein, Jensen–Shannon distance. */

/** Q_KS(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²): the Kolmogorov distribution's upper tail. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-10) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * Two-sample Kolmogorov–Smirnov test on sorted samples: D = max |F_a − F_b|, p from the
 * asymptotic distribution with Stephens' small-sample correction (Numerical Recipes §14.3).
 */
export function ksTest(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i], b[j]);
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return { statistic: d, pValue: ksPValue(d, n, m) };
}

/** p-value of a two-sample KS statistic `d` between samples of n and m values. */
export function ksPValue(d: number, n: number, m: number): number {
  const ne = Math.sqrt((n * m) / (n + m));
  return kolmogorovQ((ne + 0.12 + 0.11 / ne) * d);
}

/** ln Γ(x) (Lanczos). */
function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155,
    0.001208650973866179, -0.000005395239384953,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.00000000019001;
  for (const ci of c) ser += ci / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** Regularised upper incomplete gamma Q(s, x) (series below s + 1, continued fraction above). */
export function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const lead = Math.exp(-x + s * Math.log(x) - logGamma(s));
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let k = 1; k < 500 && Math.abs(term) > Math.abs(sum) * 1e-14; k++)
      sum += term *= x / (s + k);
    return Math.max(0, 1 - sum * lead);
  }
  // Lentz's continued fraction.
  let b = x + 1 - s;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let k = 1; k < 500; k++) {
    const an = -k * (k - s);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    c = b + an / c;
    c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.min(1, lead * h);
}

/**
 * χ² goodness of fit of current counts against the reference proportions scaled to the current
 * size (Evidently's chisquare test); a category absent from the reference makes p = 0.
 */
export function chiSquareTest(
  reference: Map<string, number>,
  current: Map<string, number>,
): { statistic: number; pValue: number } {
  const keys = new Set([...reference.keys(), ...current.keys()]);
  const refTotal = [...reference.values()].reduce((s, v) => s + v, 0);
  const curTotal = [...current.values()].reduce((s, v) => s + v, 0);
  let statistic = 0;
  for (const key of keys) {
    const expected = ((reference.get(key) ?? 0) * curTotal) / refTotal;
    const observed = current.get(key) ?? 0;
    if (expected === 0) statistic += observed > 0 ? Infinity : 0;
    else statistic += (observed - expected) ** 2 / expected;
  }
  const df = keys.size - 1;
  if (df < 1) return { statistic: 0, pValue: 1 };
  return { statistic, pValue: Number.isFinite(statistic) ? gammaQ(df / 2, statistic / 2) : 0 };
}

/** Wasserstein-1 distance between sorted samples divided by the reference's std (min 0.001). */
export function wassersteinNormed(ref: Float64Array, cur: Float64Array): number {
  const all = Float64Array.from([...ref, ...cur]).sort();
  let i = 0;
  let j = 0;
  let distance = 0;
  for (let k = 0; k < all.length - 1; k++) {
    while (i < ref.length && ref[i] <= all[k]) i++;
    while (j < cur.length && cur[j] <= all[k]) j++;
    distance += Math.abs(i / ref.length - j / cur.length) * (all[k + 1] - all[k]);
  }
  const mean = ref.reduce((s, v) => s + v, 0) / ref.length;
  const std = Math.sqrt(ref.reduce((s, v) => s + (v - mean) ** 2, 0) / ref.length);
  return distance / Math.max(std, 0.001);
}

/** Jensen–Shannon distance (√divergence, natural log, as scipy's) between two count maps. */
export function jensenShannon(
  reference: Map<string, number>,
  current: Map<string, number>,
): number {
  const keys = new Set([...reference.keys(), ...current.keys()]);
  const refTotal = [...reference.values()].reduce((s, v) => s + v, 0);
  const curTotal = [...current.values()].reduce((s, v) => s + v, 0);
  let divergence = 0;
  for (const key of keys) {
    const p = (reference.get(key) ?? 0) / refTotal;
    const q = (current.get(key) ?? 0) / curTotal;
    const m = (p + q) / 2;
    if (p > 0) divergence += 0.5 * p * Math.log(p / m);
    if (q > 0) divergence += 0.5 * q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}
