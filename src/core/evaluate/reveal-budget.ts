/**
 * How often the test set may be looked at. Each reveal of a test metric is a chance to overfit
 * to it; with H reveals, Hoeffding's bound plus a union bound over the H gives every revealed
 * accuracy within ±ε of the true one with probability 1 − δ when n ≥ ln(2H/δ) / (2ε²)
 * (the bound ease.ml/ci uses for its non-adaptive reveals).
 */

/** Test rows needed for `reveals` reveals at tolerance ε and confidence 1 − δ. */
export function requiredTestSize(reveals: number, epsilon: number, delta: number): number {
  return Math.ceil(Math.log((2 * Math.max(1, reveals)) / delta) / (2 * epsilon * epsilon));
}

/** Reveals `n` test rows support at ε, 1 − δ: the largest H with n ≥ ln(2H/δ)/(2ε²) (0 if none). */
export function supportedReveals(n: number, epsilon: number, delta: number): number {
  const h = (delta / 2) * Math.exp(2 * n * epsilon * epsilon);
  if (!Number.isFinite(h)) return Number.MAX_SAFE_INTEGER;
  // Guard floating error at the boundary with the exact inequality.
  let reveals = Math.floor(h);
  while (reveals > 0 && requiredTestSize(reveals, epsilon, delta) > n) reveals--;
  return reveals;
}

/** The tolerance ε that `n` rows give after `reveals` reveals at confidence 1 − δ. */
export function toleranceFor(n: number, reveals: number, delta: number): number {
  return Math.sqrt(Math.log((2 * Math.max(1, reveals)) / delta) / (2 * n));
}

/** The ledger of test reveals (JSON, stored with the run so the count survives reloads). */
export interface RevealLedger {
  testRows: number;
  epsilon: number;
  delta: number;
  /** How many reveals the test set supports at (ε, δ). */
  supported: number;
  reveals: { at: string; what: string }[];
}

/** A fresh ledger for `testRows` rows (defaults ε = 0.05, δ = 0.05). */
export function createLedger(testRows: number, epsilon = 0.05, delta = 0.05): RevealLedger {
  return {
    testRows,
    epsilon,
    delta,
    supported: supportedReveals(testRows, epsilon, delta),
    reveals: [],
  };
}

/** The ledger after one more reveal, and whether the guarantee still holds for all reveals so far. */
export function recordReveal(
  ledger: RevealLedger,
  what: string,
  at = new Date().toISOString(),
): { ledger: RevealLedger; withinBudget: boolean; remaining: number } {
  const next = { ...ledger, reveals: [...ledger.reveals, { at, what }] };
  const used = next.reveals.length;
  return {
    ledger: next,
    withinBudget: used <= ledger.supported,
    remaining: Math.max(0, ledger.supported - used),
  };
}

/**
 * A reveal count for people: 27 → "27", 1234 → "1,234"; past a million (a big test split supports
 * astronomically many, e.g. 9.33e+30) → "over 1,000,000".
 */
export function formatRevealCount(n: number): string {
  return n > 1e6 ? 'over 1,000,000' : Math.round(n).toLocaleString('en-US');
}

/** "1 of 27": reveals used of those supported, as the Train tab's panel and runs table say it. */
export function revealsUsed(ledger: RevealLedger): string {
  return `${ledger.reveals.length} of ${formatRevealCount(ledger.supported)}`;
}

/** One-line summary of the reveals used, what they guarantee, and what the budget would need. */
export function describeLedger(ledger: RevealLedger): string {
  const used = ledger.reveals.length;
  const eps = toleranceFor(ledger.testRows, Math.max(1, used), ledger.delta);
  const confidence = `${Math.round((1 - ledger.delta) * 100)}%`;
  const head = `${used} test reveal${used === 1 ? '' : 's'} used of ${formatRevealCount(ledger.supported)} supported at ±${ledger.epsilon} (${confidence}, n = ${ledger.testRows.toLocaleString('en-US')})`;
  if (used <= ledger.supported)
    return `${head}; ${formatRevealCount(ledger.supported - used)} left`;
  const need = requiredTestSize(used, ledger.epsilon, ledger.delta);
  return `${head}: over budget, each revealed accuracy-like metric only within ±${eps.toFixed(3)}; ${need} test rows would cover ${used} reveal${used === 1 ? '' : 's'}`;
}
