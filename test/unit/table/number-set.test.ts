import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../../src/core/table/number-set';

describe('NumberSet', () => {
  it('adds and finds numbers, treating 0 and -0 as one', () => {
    const set = new NumberSet();
    expect(set.add(1.5)).toBe(true);
    expect(set.add(1.5)).toBe(false);
    expect(set.add(0)).toBe(true);
    expect(set.add(-0)).toBe(false);
    expect(set.has(-0)).toBe(true);
    expect(set.has(2)).toBe(false);
    expect(set.size).toBe(2);
  });

  it('grows and agrees with a Set on many values', () => {
    const set = new NumberSet();
    const reference = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const v = ((i * 7919) % 30_011) / 8 - 1000;
      expect(set.add(v)).toBe(!reference.has(v));
      reference.add(v);
    }
    expect(set.size).toBe(reference.size);
    for (const v of [-1000, 0.125, 1e9, Number.MAX_VALUE, -Number.MIN_VALUE]) {
      expect(set.has(v)).toBe(reference.has(v));
    }
  });
});
