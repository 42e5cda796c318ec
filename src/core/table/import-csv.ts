/**
 * Streaming CSV import: reads the bytes, parses and types them chunk by chunk, and hands each
 * chunk to a sink, awaiting it (back-pressure) so that the file is never held whole.
 */
import { CleanroomError, isAbortError } from '../errors';
import { CsvImporter } from './csv-importer';
import type { RecordLimits } from './record-limits';
import type { ColumnMeta, CsvDialect, ImportWarning, StoredColumnChunk } from './types';

/** Where chunks go (IndexedDB in the app, memory in tests and the CLI). */
export interface ImportSink {
  /** Stores all columns of one chunk, in column order. */
  writeChunk(columns: StoredColumnChunk[]): Promise<void>;
}

/** How far an import got; reported at most every ~100 ms. */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
}

/** What an import produced. */
export interface ImportOutcome {
  dialect: CsvDialect;
  columns: ColumnMeta[];
  rows: number;
  chunkRows: number;
  chunkCount: number;
  warnings: ImportWarning[];
  storedBytes: number;
}

/** The part of AbortSignal the import uses (the core compiles without DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Options of `importCsv`. */
export interface ImportOptions {
  datasetId: string;
  /** File size, for progress only. */
  totalBytes: number;
  signal?: AbortSignalLike;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per chunk; defaults to chunkRowsFor(columnCount). */
  chunkRows?: number;
  /** Record size and column count limits (record-limits.ts); defaults apply to what is left out. */
  limits?: Partial<RecordLimits>;
}

const PROGRESS_EVERY_MS = 100;

/** Imports a CSV byte stream into chunks handed to `sink`; throws CleanroomError on failure. */
export async function importCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: ImportOptions,
  sink: ImportSink,
): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  if (options.chunkRows !== undefined && !(options.chunkRows >= 1)) {
    throw new CleanroomError('internal', 'The import was asked for chunks of fewer than one row.');
  }
  const started = Date.now();
  const importer = new CsvImporter(options.datasetId, options.chunkRows, options.limits);
  let bytesRead = 0;
  let lastProgress = started;
  const checkAbort = (): void => {
    if (signal?.aborted) throw new CleanroomError('aborted', 'The import was cancelled.');
  };
  // One chunk write may be in flight while the next chunk is parsed: storage commits overlap
  // parsing, and memory stays bounded (two chunks at most). Writes still land in order.
  let inFlight: Promise<void> = Promise.resolve();
  let writeFailure: { error: unknown } | null = null;
  const settle = async (): Promise<void> => {
    await inFlight;
    if (writeFailure) throw writeFailure.error;
  };
  const store = async (): Promise<void> => {
    for (const chunk of importer.takeReady()) {
      await settle();
      checkAbort();
      inFlight = sink.writeChunk(chunk).catch((error: unknown) => {
        writeFailure = { error };
      });
    }
  };
  const run = async (): Promise<ImportOutcome> => {
    checkAbort();
    for await (const piece of readAll(bytes)) {
      checkAbort();
      bytesRead += piece.length;
      importer.pushBytes(piece);
      await store();
      const now = Date.now();
      if (onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        const { totalBytes } = options;
        onProgress({ bytesRead, totalBytes, rows: importer.rows, elapsedMs: now - started });
      }
    }
    checkAbort();
    importer.finish();
    await store();
    await settle();
    const builder = importer.chunks!;
    onProgress?.({
      bytesRead,
      totalBytes: options.totalBytes,
      rows: builder.rows,
      elapsedMs: Date.now() - started,
    });
    return {
      dialect: importer.dialect!,
      columns: builder.columnMeta(),
      rows: builder.rows,
      chunkRows: builder.chunkRows,
      chunkCount: builder.chunkCount,
      warnings: importer.warnings(),
      storedBytes: builder.storedBytes,
    };
  };
  try {
    return await run();
  } finally {
    // Never return (or throw) with a write still running: the caller may delete what it wrote.
    await inFlight;
  }
}

/** The byte stream, with read failures turned into 'unreadable-file'. */
async function* readAll(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = bytes[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        done = true;
        if (error instanceof CleanroomError) throw error;
        // A stream cancelled through its signal throws an AbortError: that is a cancel, not a bad file.
        if (isAbortError(error)) throw new CleanroomError('aborted', 'The import was cancelled.');
        const why = error instanceof Error && error.message ? ` (${error.message})` : '';
        throw new CleanroomError(
          'unreadable-file',
          `The file could not be read${why}. Check that it still exists and is not open elsewhere, then try again.`,
        );
      }
      if (next.done) {
        done = true;
        return;
      }
      if (next.value.length > 0) yield next.value;
    }
  } finally {
    // Stops the underlying stream when the import ends early (abort, parse error, sink error).
    if (!done) await iterator.return?.()?.catch(() => undefined);
  }
}
