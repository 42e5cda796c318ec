/** A seeded synthetic frame (numeric and categorical columns, a little dirt) for speed runs. */
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { seededRandom } from '../src/core/stats/rng';
import type { Frame, FrameColumn } from '../src/core/table/frame';
import { blankColumnMeta as meta } from '../src/core/table/column-meta';

/** `rows` × (`numeric` + `categorical`) columns; about 1% missing, 0.1% sentinels and unit slips. */
export function syntheticFrame(
  rows: number,
  numeric: number,
  categorical: number,
  seed: number,
): Frame {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const columns: FrameColumn[] = [];
  for (let c = 0; c < numeric; c++) {
    const values = new Float64Array(rows);
    const center = 10 + 100 * rand();
    for (let r = 0; r < rows; r++) {
      const u = rand();
      values[r] =
        u < 0.01
          ? NaN
          : u < 0.011
            ? -999
            : u < 0.012
              ? Math.round(center + 5 * gauss()) * 100
              : Math.round((center + 5 * gauss()) * 10) / 10;
    }
    columns.push({ kind: 'number', meta: meta(c, `n${c}`, 'float'), values, invalid: new Map() });
  }
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
  for (let c = 0; c < categorical; c++) {
    const values = new Array<string | null>(rows);
    for (let r = 0; r < rows; r++) {
      const u = rand();
      const w = words[Math.floor(rand() * words.length)];
      values[r] = u < 0.01 ? null : u < 0.011 ? w.toUpperCase() : w;
    }
    columns.push({
      kind: 'string',
      meta: meta(numeric + c, `c${c}`, 'categorical'),
      values,
      invalid: new Map(),
    });
  }
  return { rows, columns, excluded: new Uint8Array(rows) };
}

/** Writes syntheticFrame(rows, numeric, categorical, seed) as CSV to `path` (missing = empty). */
export async function writeSyntheticCsv(
  path: string,
  rows: number,
  numeric: number,
  categorical: number,
  seed: number,
): Promise<void> {
  const frame = syntheticFrame(rows, numeric, categorical, seed);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.partial`;
  const out = createWriteStream(temp);
  let piece = frame.columns.map((c) => c.meta.name).join(',') + '\n';
  for (let r = 0; r < rows; r++) {
    piece += frame.columns
      .map((c) => {
        const v = c.values[r];
        return v === null || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
      })
      .join(',');
    piece += '\n';
    if (piece.length >= 1 << 16) {
      if (!out.write(piece)) await once(out, 'drain');
      piece = '';
    }
  }
  out.end(piece);
  await finished(out);
  // Renamed at the end, so a cached file is never half-written.
  renameSync(temp, path);
}
