/** CSV text → what the recipe and export code take: column metas and the source frame. */
import { cleanedCsvPieces } from '../../../src/core/export/cleaned-csv';
import { frameVersionBand, singleBand } from '../../../src/core/export/frame-version';
import type { LoggedOperation, Operation } from '../../../src/core/clean/operations';
import { frameFromStored, type Frame } from '../../../src/core/table/frame';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { utf8Bytes } from '../../../src/core/table/text-decoder';
import type { ColumnMeta } from '../../../src/core/table/types';

/** A CSV imported the way the app does it. */
export interface Loaded {
  columns: ColumnMeta[];
  frame: Frame;
}

/** Imports `text` in memory. */
export async function load(text: string): Promise<Loaded> {
  const imported = await importCsvFromBytes(utf8Bytes(text));
  return {
    columns: imported.columns,
    frame: frameFromStored(imported.columns, imported.dialect, imported.chunks),
  };
}

/** A log whose seqs are 1..n in the order given. */
export function logOf(...ops: Operation[]): LoggedOperation[] {
  return ops.map((op, i) => ({ datasetId: 'd', seq: i + 1, at: 1_000 + i, op }));
}

/** The cleaned CSV of `loaded` with `log` applied, joined, and how many pieces it came in. */
export async function cleanedCsv(
  loaded: Loaded,
  log: readonly LoggedOperation[],
  rowsPerPiece?: number,
): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  const band = frameVersionBand(loaded.frame, log);
  for await (const piece of cleanedCsvPieces(loaded.columns, singleBand(band), rowsPerPiece)) {
    pieces.push(piece);
  }
  return { text: pieces.join(''), pieces: pieces.length };
}
