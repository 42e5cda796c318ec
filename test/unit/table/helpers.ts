/** Shared helpers for the table tests: import from text or bytes, read cells back as text. */
import { cellText, decodeColumnChunk } from '../../../src/core/table/decode-chunk';
import { importCsvFromBytes, type MemoryImport } from '../../../src/core/table/memory-import';
import type { ImportOptions } from '../../../src/core/table/import-csv';

/** Options accepted by `importText`. */
export type TestImportOptions = Partial<Omit<ImportOptions, 'totalBytes'>> & { pieceSize?: number };

/** UTF-8 bytes of `text`. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Imports `text` (UTF-8) held in memory. */
export function importText(text: string, options: TestImportOptions = {}): Promise<MemoryImport> {
  return importCsvFromBytes(utf8(text), options);
}

/** Every cell of `column` as display text (null = missing), across all chunks. */
export function columnTexts(result: MemoryImport, column: number): (string | null)[] {
  const meta = result.columns[column];
  const out: (string | null)[] = [];
  for (const chunk of result.chunks) {
    const decoded = decodeColumnChunk(chunk[column], meta, result.dialect);
    for (let r = 0; r < decoded.rows; r++) out.push(cellText(decoded, r));
  }
  return out;
}

/** All rows as display text. */
export function rowsOf(result: MemoryImport): (string | null)[][] {
  const columns = result.columns.map((_, c) => columnTexts(result, c));
  return Array.from({ length: result.rows }, (_, r) => columns.map((col) => col[r]));
}

/** The warning codes of an import, in order. */
export const warningCodes = (result: MemoryImport): string[] => result.warnings.map((w) => w.code);
