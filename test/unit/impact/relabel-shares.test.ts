import { describe, expect, it } from 'vitest';
import { relabelShares, type ClassTrust } from '../../../src/core/impact/label-trust';

/** Figures of one class: its estimated noise, that estimate's standard error and its rows. */
function cls(noise: number, noiseSe: number, trainRows: number): ClassTrust {
  return {
    prior: 0.1,
    referenceRows: 20,
    trainRows,
    selfClean: 0.8,
    selfOthers: 0.1,
    selfTrain: 0.8 - 0.7 * noise,
    noise,
    noiseLow: Math.max(0, noise - 2 * noiseSe),
    noiseSe,
    relabels: 0,
  };
}

describe('relabelShares', () => {
  it('keeps each class to its lower bound when the labels are not proven noisy as a whole', () => {
    // Clean data: estimates scatter around 0 by sampling noise alone.
    const classes = [cls(0.05, 0.06, 60), cls(0, 0.06, 60), cls(0.08, 0.07, 60), cls(0, 0.05, 60)];
    expect(relabelShares(classes)).toEqual(classes.map((c) => c.noiseLow));
    expect(relabelShares(classes).every((s) => s === 0)).toBe(true);
  });

  it('lets each class reach its point estimate once the pooled noise is proven', () => {
    // Systematic noise over many small classes: no class alone is significant (each 0.3 ± 0.17),
    // yet together they are far from zero; a class estimated clean stays at 0.
    const classes = [...Array.from({ length: 10 }, () => cls(0.3, 0.17, 54)), cls(0, 0.1, 54)];
    expect(classes.every((c) => c.noiseLow === 0)).toBe(true);
    const shares = relabelShares(classes);
    expect(shares.slice(0, 10)).toEqual(Array(10).fill(0.3));
    expect(shares[10]).toBe(0);
  });

  it('never goes below a class lower bound, and ignores classes it could not estimate', () => {
    const classes = [cls(0.4, 0.05, 500), cls(0, 0, 500)];
    classes[0].noiseLow = 0.45; // a lower bound set by another count stays the floor
    expect(relabelShares(classes)).toEqual([0.45, 0]);
  });
});
