import { describe, expect, it } from 'vitest';
import { RadixOrder } from '../../../src/core/impact/radix-order';

describe('RadixOrder', () => {
  it('orders float32 keys like a stable numeric sort (ties by index, -0 as 0)', () => {
    const values = Float32Array.from([3.5, 0, 1e-30, 2, 2, 1e20, -0, 0.25, 7, 2]);
    const order = new RadixOrder(values.length).order(new Uint32Array(values.buffer));
    const expected = [...values.keys()].sort((a, b) => values[a] - values[b] || a - b);
    expect([...order]).toEqual(expected);
  });

  it('matches a comparison sort on many random keys', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const values = Float32Array.from({ length: 5000 }, () => Math.floor(random() * 1000) / 7);
    const order = new RadixOrder(values.length).order(new Uint32Array(values.buffer));
    const expected = [...values.keys()].sort((a, b) => values[a] - values[b] || a - b);
    expect([...order]).toEqual(expected);
  });
});
