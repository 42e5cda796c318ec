import { createWriteStream } from 'node:fs';
import type { RankedRow } from '../core/impact/combine';
import { guardedCsvField } from '../core/export/csv-guard';

const quote = (s: string): string => {
  const field = guardedCsvField(s);
  return field === s && /^\s|\s$/.test(s) ? `"${s}"` : field;
};

/** One ranking line: `row,score,reason`. */
export function rankLine(r: RankedRow): string {
  return `${r.row},${r.score.toFixed(6)},${quote(r.reason)}`;
}

/** Writes the ranking, one line per row, most suspicious first (no header: the bench reads rows). */
export async function writeRanking(path: string, rows: readonly RankedRow[]): Promise<void> {
  const out = createWriteStream(path);
  for (const r of rows)
    if (!out.write(`${rankLine(r)}\n`))
      await new Promise<void>((ok) => out.once('drain', () => ok()));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}
