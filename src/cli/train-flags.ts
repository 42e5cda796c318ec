import { UsageError, type Flags } from './args';

/** `--name N` as an integer in [min, max], or `fallback` when absent. */
export function intFlag(
  flags: Flags,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  return value;
}

/** `--name X` as a number in (0, max], or `fallback` when absent. */
export function positiveFlag(flags: Flags, name: string, fallback: number, max = Infinity): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value > 0 && value <= max))
    throw new UsageError(
      `--${name} must be a number above 0${Number.isFinite(max) ? ` and at most ${max}` : ''} (got "${text}").`,
    );
  return value;
}

/** `--name a|b|c`, one of `choices`, or `fallback` when absent. */
export function choiceFlag<T extends string>(
  flags: Flags,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${text}").`);
  return text as T;
}
