/** Seeded, stratified train / validation / test splits. */
import { seededRandom, shuffleInPlace } from '../stats/rng';

/** Positions (into the encoded target's rows) of each split, ascending. */
export interface Split {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Fractions of the rows for validation and test (the rest trains); seed fixes the assignment. */
export interface SplitOptions {
  validation: number;
  test: number;
  seed: number;
}

/** Default: 70 / 15 / 15. */
export const DEFAULT_SPLIT: SplitOptions = { validation: 0.15, test: 0.15, seed: 42 };

/**
 * Splits `n` rows; with `strata` (a class index per row) each class is split on its own so the
 * class mix is the same in every split. Each class keeps at least one training row.
 */
export function stratifiedSplit(
  n: number,
  options: SplitOptions = DEFAULT_SPLIT,
  strata?: ArrayLike<number>,
): Split {
  const random = seededRandom(options.seed);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = strata ? strata[i] : 0;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  }
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  // Keys in ascending order so the outcome does not depend on row order of first appearance.
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = shuffleInPlace(groups.get(key)!, random);
    const nTest = Math.min(Math.round(group.length * options.test), group.length - 1);
    const nVal = Math.min(Math.round(group.length * options.validation), group.length - 1 - nTest);
    // A loop, not push(...slice): spreading a 100k+ slice into a call overflows the stack.
    for (let i = 0; i < group.length; i++)
      (i < nTest ? test : i < nTest + nVal ? validation : train).push(group[i]);
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
}
