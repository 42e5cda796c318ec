import { createReadStream, statSync } from 'node:fs';
import { CleanroomError } from '../core/errors';
import { frameFromStored, type Frame } from '../core/table/frame';
import { importCsv, type ImportOutcome } from '../core/table/import-csv';
import type { StoredColumnChunk } from '../core/table/types';
import { importLimits } from './import-limits';

/** A CSV file read into memory the same way the app imports it. */
export interface LoadedCsv {
  outcome: ImportOutcome;
  frame: Frame;
}

/** Streams `path` through the app's importer (same dialect and type inference) into a frame. */
export async function loadCsv(
  path: string,
  onProgress?: (rows: number) => void,
): Promise<LoadedCsv> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CleanroomError('unreadable-file', `Cannot read ${path}: no such file.`);
  }
  const chunks: StoredColumnChunk[][] = [];
  const outcome = await importCsv(
    createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
    {
      datasetId: path,
      totalBytes: size,
      limits: importLimits(),
      onProgress: (p) => onProgress?.(p.rows),
    },
    { writeChunk: async (columns) => void chunks.push(columns) },
  );
  return { outcome, frame: frameFromStored(outcome.columns, outcome.dialect, chunks) };
}
