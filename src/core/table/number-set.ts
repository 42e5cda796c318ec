/**
 * A set of doubles in one Float64Array (open addressing). A JS Set boxes every non-integer key
 * into a heap number and costs ~140 ns per lookup on float columns; this costs a fraction.
 */

/** Marks a free slot; NaN is never a member (missing and unparsed cells are not counted). */
const FREE = NaN;

/** Set of finite numbers (0 and -0 are one member). */
export class NumberSet {
  size = 0;
  private table = new Float64Array(1024).fill(FREE);
  private mask = 1023;
  private readonly scratch = new Float64Array(1);
  private readonly bits = new Int32Array(this.scratch.buffer);

  /** Adds `value`; returns false when it was already a member. */
  add(value: number): boolean {
    const v = value + 0; // -0 + 0 is +0
    const table = this.table;
    let i = this.hash(v);
    for (;;) {
      const slot = table[i];
      if (slot === v) return false;
      if (slot !== slot) break;
      i = (i + 1) & this.mask;
    }
    table[i] = v;
    if (++this.size * 2 > table.length) this.grow();
    return true;
  }

  /** True when `value` is a member. */
  has(value: number): boolean {
    const v = value + 0;
    const table = this.table;
    for (let i = this.hash(v); ; i = (i + 1) & this.mask) {
      const slot = table[i];
      if (slot === v) return true;
      if (slot !== slot) return false;
    }
  }

  private hash(v: number): number {
    this.scratch[0] = v;
    // Mixes both 32-bit halves: small integers differ only in the high half of the double.
    const h = Math.imul(this.bits[0] ^ Math.imul(this.bits[1], 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(FREE);
    this.mask = this.table.length - 1;
    this.size = 0;
    for (const v of old) if (v === v) this.add(v);
  }
}
