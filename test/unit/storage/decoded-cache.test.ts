import { describe, expect, it } from 'vitest';
import type { ColumnChunk } from '../../../src/core/table/types';
import { DecodedChunkCache } from '../../../src/storage/decoded-cache';

const chunkOf = (rows: number): ColumnChunk => ({
  type: 'float',
  rows,
  numbers: new Float64Array(rows),
  codes: null,
  dictionary: null,
  missing: new Uint8Array(Math.ceil(rows / 8)),
  invalid: new Map(),
});

describe('DecodedChunkCache', () => {
  it('evicts the least recently used chunks beyond its byte budget', () => {
    const cache = new DecodedChunkCache(3 * 9 * 100); // three 100-row chunks (~900 bytes each)
    for (const chunk of [0, 1, 2]) cache.set('d', 0, chunk, chunkOf(100));
    expect(cache.get('d', 0, 0)).toBeDefined(); // 0 is now the most recent
    cache.set('d', 0, 3, chunkOf(100));
    expect(cache.get('d', 0, 1)).toBeUndefined();
    expect(cache.get('d', 0, 0)).toBeDefined();
    expect(cache.get('d', 0, 3)).toBeDefined();
  });

  it('skips chunks larger than the budget and forgets a dataset', () => {
    const cache = new DecodedChunkCache(1_000);
    cache.set('d', 0, 0, chunkOf(10_000));
    expect(cache.get('d', 0, 0)).toBeUndefined();
    cache.set('d', 0, 1, chunkOf(10));
    cache.set('e', 0, 1, chunkOf(10));
    cache.forget('d');
    expect(cache.get('d', 0, 1)).toBeUndefined();
    expect(cache.get('e', 0, 1)).toBeDefined();
  });
});
