/** In-memory helpers over importCsv for Node, the CLI and tests. */
import { importCsv, type ImportOptions, type ImportOutcome } from './import-csv';
import { utf8Bytes } from './text-decoder';
import type { StoredColumnChunk } from './types';

/** Yields each part as UTF-8 bytes (strings) or as is (byte arrays), one part per chunk. */
export async function* bytesOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? utf8Bytes(part) : part;
}

/** Yields `bytes` in pieces of `size` bytes (to exercise chunk boundaries). */
export async function* piecesOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** An import's outcome with every stored chunk (chunks[i] holds chunk i's columns in order). */
export interface MemoryImport extends ImportOutcome {
  chunks: StoredColumnChunk[][];
}

/** Imports a whole file held in memory, fed in pieces of `pieceSize` bytes (default 1 MiB). */
export async function importCsvFromBytes(
  bytes: Uint8Array,
  options: Partial<Omit<ImportOptions, 'totalBytes'>> & { pieceSize?: number } = {},
): Promise<MemoryImport> {
  const chunks: StoredColumnChunk[][] = [];
  const { pieceSize = 1 << 20, datasetId = 'memory', ...rest } = options;
  const outcome = await importCsv(
    piecesOf(bytes, pieceSize),
    { ...rest, datasetId, totalBytes: bytes.length },
    {
      async writeChunk(columns) {
        chunks.push(columns);
      },
    },
  );
  return { ...outcome, chunks };
}
