/**
 * A frame held in memory (the CLI, tests) turned back into one band of column chunks with the
 * operations applied, so the cleaned-CSV writer serves the app's chunked storage and an
 * in-memory file alike.
 */
import { applyOperationsToChunk } from '../clean/apply-chunk';
import { toIndex, type OperationIndex } from '../clean/op-index';
import type { LoggedOperation } from '../clean/operations';
import { rowFlags } from '../clean/row-flags';
import type { Frame, FrameColumn } from '../table/frame';
import { setBit, type ColumnChunk } from '../table/types';
import type { VersionBand } from './cleaned-csv';

/** The whole frame as one band, `ops` replayed (a raw log, active ops or an index). */
export function frameVersionBand(
  frame: Frame,
  ops: readonly LoggedOperation[] | OperationIndex,
): VersionBand {
  const index = toIndex(ops);
  return {
    chunks: frame.columns.map((column, c) =>
      applyOperationsToChunk(frameColumnChunk(column, frame.rows), c, 0, index),
    ),
    excluded: rowFlags(index, 0, frame.rows).excluded,
  };
}

/** One frame column as a single decoded chunk (dictionary-encoding string columns). */
export function frameColumnChunk(column: FrameColumn, rows: number): ColumnChunk {
  const missing = new Uint8Array(Math.ceil(rows / 8));
  const base = {
    type: column.meta.type,
    rows,
    missing,
    invalid: column.invalid,
    ...(column.written ? { written: column.written } : {}),
  };
  if (column.kind === 'number') {
    column.values.forEach((v, r) => {
      if (v !== v && !column.invalid.has(r)) setBit(missing, r);
    });
    return {
      ...base,
      numbers: column.values,
      codes: null,
      dictionary: null,
      ...(column.variants ? { variants: column.variants } : {}),
      ...(column.style ? { style: column.style } : {}),
    };
  }
  const codes = new Uint32Array(rows);
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  column.values.forEach((text, r) => {
    if (text === null) return setBit(missing, r);
    let code = lookup.get(text);
    if (code === undefined) lookup.set(text, (code = dictionary.push(text) - 1));
    codes[r] = code;
  });
  return { ...base, numbers: null, codes, dictionary };
}

/** Yields the one band (the async iterable cleanedCsvPieces takes). */
export async function* singleBand(band: VersionBand): AsyncGenerator<VersionBand> {
  yield band;
}
