/**
 * Which columns go missing together. Each row's set of empty columns is a bit mask built column
 * by column (one typed-array pass per column, not a call per cell), and the counts are then
 * added once per distinct mask rather than once per row: at 1M × 20 the per-cell version was
 * one of the profile's largest costs.
 */
import type { Frame } from '../table/frame';

/** together[i][j] = rows where i and j are both empty; patterns: "i,j,…" → rows with exactly that set. */
export interface MissingCounts {
  together: number[][];
  patterns: Map<string, number>;
}

// Column sets are kept as bits of a 32-bit integer; wider frames use one mask per 31 columns.
const BITS = 31;

/** Counts empty cells (invalid text is not empty) by the set of columns empty in each row. */
export function missingCounts(frame: Frame): MissingCounts {
  const width = frame.columns.length;
  const together = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  const words = Math.max(1, Math.ceil(width / BITS));
  const masks = new Int32Array(frame.rows * words);
  frame.columns.forEach((column, c) => {
    const at = Math.floor(c / BITS);
    const bit = 1 << (c % BITS);
    if (column.kind === 'number') {
      const { values, invalid } = column;
      for (let r = 0; r < frame.rows; r++)
        if (values[r] !== values[r] && !invalid.has(r)) masks[r * words + at] |= bit;
    } else {
      const { values } = column;
      for (let r = 0; r < frame.rows; r++) if (values[r] === null) masks[r * words + at] |= bit;
    }
  });
  const byMask = new Map<string | number, number>();
  for (let r = 0; r < frame.rows; r++) {
    if (frame.excluded[r]) continue;
    let key: string | number = masks[r * words];
    for (let w = 1; w < words; w++) key = `${key}:${masks[r * words + w]}`;
    if (key !== 0 && !(typeof key === 'string' && /^0(:0)*$/.test(key)))
      byMask.set(key, (byMask.get(key) ?? 0) + 1);
  }
  const patterns = new Map<string, number>();
  for (const [key, count] of byMask) {
    const parts = String(key).split(':').map(Number);
    const gaps: number[] = [];
    parts.forEach((mask, w) => {
      for (let b = 0; b < BITS; b++) if (mask & (1 << b)) gaps.push(w * BITS + b);
    });
    for (const i of gaps) for (const j of gaps) together[i][j] += count;
    patterns.set(gaps.join(','), count);
  }
  return { together, patterns };
}
