import { describe, expect, it } from 'vitest';
import { timeRepeated } from '../../../../workers/shared/timing';

/** A work function that counts its calls. */
function counted() {
  const calls = { n: 0 };
  return { calls, work: async () => void calls.n++ };
}

describe('timeRepeated', () => {
  it('warms up once, then runs maxRuns times when there is no budget', async () => {
    const { calls, work } = counted();
    const ms = await timeRepeated(work, { maxRuns: 2, pick: 'min' });
    expect(calls.n).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(ms)).toBe(true);
  });

  it('still times one run after a warm-up that spent the whole budget', async () => {
    const { calls, work } = counted();
    await timeRepeated(work, { maxRuns: 5, budgetMs: -1, pick: 'median' });
    expect(calls.n).toBe(2);
  });

  it('gives Infinity and stops after a warm-up over the limit', async () => {
    const { calls, work } = counted();
    const ms = await timeRepeated(work, { maxRuns: 2, warmUpLimitMs: -1, pick: 'min' });
    expect(ms).toBe(Infinity);
    expect(calls.n).toBe(1);
  });
});
