/** Timing of short GPU/CPU work, the one way every backend measurement in the workers is made. */

/** How `timeRepeated` runs and summarises the timed runs. */
export interface RepeatOptions {
  /** Most timed runs after the warm-up. */
  maxRuns: number;
  /** Stop adding runs once the warm-up and the runs so far took this long (ms; default no limit). */
  budgetMs?: number;
  /** A warm-up slower than this rules the work out: the result is Infinity (default no limit). */
  warmUpLimitMs?: number;
  /** 'min': the best run; 'median': the middle one (the upper middle for an even count). */
  pick: 'min' | 'median';
}

/** Milliseconds one awaited call of `work` takes. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs `work` once to warm up (shader compilation on GPUs is in it), then at least once more,
 * and returns the best or median timed run in ms.
 */
export async function timeRepeated(
  work: () => Promise<unknown>,
  options: RepeatOptions,
): Promise<number> {
  const { maxRuns, budgetMs = Infinity, warmUpLimitMs = Infinity, pick } = options;
  const warm = await timeOnce(work);
  if (warm > warmUpLimitMs) return Infinity;
  const times: number[] = [];
  let spent = warm;
  while (times.length === 0 || (times.length < maxRuns && spent < budgetMs)) {
    const ms = await timeOnce(work);
    times.push(ms);
    spent += ms;
  }
  times.sort((a, b) => a - b);
  return pick === 'min' ? times[0] : times[Math.floor(times.length / 2)];
}
