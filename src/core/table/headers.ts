/** Column names from the header row: unique, non-empty, safe as Map keys (never object keys). */
import type { ImportWarning } from './types';

/** Display names and the header text they came from. */
export interface HeaderNames {
  names: string[];
  originals: string[];
  /** Set when a duplicate or empty name was replaced. */
  warning: ImportWarning | null;
}

/** Names `column_1..N` for a file without a header row. */
export function generatedNames(count: number): HeaderNames {
  const names = Array.from({ length: count }, (_, i) => `column_${i + 1}`);
  return { names, originals: names.slice(), warning: null };
}

/**
 * Trims header cells; an empty one becomes `column_N` (N = 1-based position) and a repeat of an
 * earlier name becomes `name_2`, `name_3`, ... skipping any name the header itself uses later.
 */
export function headerNames(header: string[]): HeaderNames {
  const trimmed = header.map((h) => h.trim());
  // Reserve every name the file spells out, so `a, a, a_2` gives `a, a_3, a_2`.
  const reserved = new Set(trimmed.filter((h) => h.length > 0));
  const taken = new Set<string>();
  const names: string[] = [];
  const changes: string[] = [];
  trimmed.forEach((name, i) => {
    let chosen = name;
    if (name.length === 0) chosen = unique(`column_${i + 1}`, reserved, taken, true);
    else if (taken.has(name)) chosen = unique(name, reserved, taken, false);
    taken.add(chosen);
    names.push(chosen);
    if (chosen !== name) {
      changes.push(
        name
          ? `“${name}” (column ${i + 1}) → “${chosen}”`
          : `column ${i + 1} (empty) → “${chosen}”`,
      );
    }
  });
  const warning: ImportWarning | null =
    changes.length === 0
      ? null
      : {
          code: 'renamed-headers',
          count: changes.length,
          message: `${changes.length} column name${changes.length === 1 ? ' was' : 's were'} empty or repeated and got a new name: ${changes.slice(0, 10).join(', ')}${changes.length > 10 ? ', …' : ''}.`,
        };
  return { names, originals: header.slice(), warning };
}

/** `base` itself when `tryBase` and free, else the first free `base_k` for k = 2, 3, ... */
function unique(base: string, reserved: Set<string>, taken: Set<string>, tryBase: boolean): string {
  if (tryBase && !reserved.has(base) && !taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base}_${k}`;
    if (!reserved.has(candidate) && !taken.has(candidate)) return candidate;
  }
}
