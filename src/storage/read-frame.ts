/**
 * A whole version of a dataset in memory (source + active operations), for analysis in a
 * worker: profile, detectors, training and ranking all take a Frame.
 */
import { applyOperationsToChunk } from '../core/clean/apply-chunk';
import { indexOperations } from '../core/clean/op-index';
import { rowFlags } from '../core/clean/row-flags';
import { CleanroomError } from '../core/errors';
import { decodeColumnChunk } from '../core/table/decode-chunk';
import { frameColumn, type Frame } from '../core/table/frame';
import { bitIsSet, type ColumnChunk, type DatasetMeta } from '../core/table/types';
import type { ChunkKey, CleanroomDb } from './db';
import { listOperations } from './ops-repo';

/** Reads every chunk of `meta`'s current version; `onChunk` reports chunks read so far. */
export async function readFrame(
  db: CleanroomDb,
  meta: DatasetMeta,
  onChunk?: (done: number, total: number) => void,
): Promise<Frame> {
  const index = indexOperations(await listOperations(db, meta.id));
  const perColumn: ColumnChunk[][] = meta.columns.map(() => []);
  const excluded = new Uint8Array(meta.rows);
  for (let chunk = 0; chunk < meta.chunkCount; chunk++) {
    // One chunk of all columns at a time keeps the peak at one decoded chunk row-band.
    const keys = meta.columns.map((_, c) => [meta.id, c, chunk] as ChunkKey);
    const stored = await db.chunks.bulkGet(keys);
    const start = chunk * meta.chunkRows;
    stored.forEach((record, c) => {
      if (!record)
        throw new CleanroomError(
          'not-found',
          `Part of “${meta.name}” is missing from storage (column ${c + 1}, chunk ${chunk + 1}).`,
        );
      const decoded = decodeColumnChunk(record, meta.columns[c], meta.dialect);
      perColumn[c][chunk] = applyOperationsToChunk(decoded, c, start, index);
    });
    const rows = stored[0]?.rows ?? 0;
    const flags = rowFlags(index, start, rows);
    for (let r = 0; r < rows; r++) if (bitIsSet(flags.excluded, r)) excluded[start + r] = 1;
    onChunk?.(chunk + 1, meta.chunkCount);
  }
  return {
    rows: meta.rows,
    columns: meta.columns.map((c, i) => frameColumn(c, perColumn[i])),
    excluded,
  };
}
