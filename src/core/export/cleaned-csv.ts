/**
 * The cleaned CSV of a dataset version, as RFC 4180 text (comma, CRLF, quotes doubled), yielded
 * in pieces so a million rows never become one string. Excluded rows are left out.
 *
 * CSV formula injection, the OWASP way (csv-guard.ts, shared by every CSV the project writes): a
 * text cell beginning with `=`, `+`, `-`, `@`, tab, CR, LF or a full-width `＝ ＋ － ＠` gets a
 * leading `'` and is quoted, so a spreadsheet shows it instead of evaluating it.
 * Decision on numbers: a cell of a numeric column (integer, float, boolean, date) that holds a
 * parsed value is written as its number and never prefixed, so `-5` stays `-5` and stays a
 * number for whoever reads the file next. A spreadsheet cannot run a formula from a plain
 * number. Raw text kept in a numeric column because it did not parse (say `=1+1` in an age
 * column) is text and is guarded like any other. Text columns are guarded strictly, `-5`
 * included: the column's type, not the cell's look, decides. Header names are guarded too.
 *
 * Values keep their spelling: a cell no operation changed is written as the file had it ("Yes",
 * "1.50", "2026-12-03 14:05", "007"), an edited one in its column's style; headers as written.
 */
import { writtenText } from '../table/decode-chunk';
import { bitIsSet, type ColumnChunk, type ColumnMeta } from '../table/types';
import { guardedCsvField, plainCsvField } from './csv-guard';

/** One band of rows of the version: every column's op-applied chunk and the excluded bitmap. */
export interface VersionBand {
  chunks: ColumnChunk[];
  /** Bit i set = row i of the band is excluded. */
  excluded: Uint8Array;
}

/** One CSV field; `guard` applies the formula-injection rule (text cells and headers). */
export function csvField(text: string | null, guard: boolean): string {
  if (text === null || text === '') return '';
  return guard ? guardedCsvField(text) : plainCsvField(text);
}

/** The header line (with its CRLF): each header as the file wrote it (renamed empty ones by name). */
export function csvHeader(columns: readonly ColumnMeta[]): string {
  return `${columns.map((c) => csvField(c.originalName || c.name, true)).join(',')}\r\n`;
}

/** The CSV lines of rows [from, to) of one band, excluded rows left out. */
export function csvLines(band: VersionBand, from: number, to: number): string {
  const lines: string[] = [];
  const fields = new Array<string>(band.chunks.length);
  for (let row = from; row < to; row++) {
    if (bitIsSet(band.excluded, row)) continue;
    for (let c = 0; c < band.chunks.length; c++) {
      const chunk = band.chunks[c];
      const parsedNumber = chunk.numbers !== null && !chunk.invalid.has(row);
      fields[c] = csvField(writtenText(chunk, row), !parsedNumber);
    }
    lines.push(`${fields.join(',')}\r\n`);
  }
  return lines.join('');
}

/** Header, then the lines of every band, in pieces of at most `rowsPerPiece` rows. */
export async function* cleanedCsvPieces(
  columns: readonly ColumnMeta[],
  bands: AsyncIterable<VersionBand>,
  rowsPerPiece = 8192,
): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const band of bands) {
    const rows = band.chunks[0]?.rows ?? 0;
    for (let from = 0; from < rows; from += rowsPerPiece) {
      const piece = csvLines(band, from, Math.min(rows, from + rowsPerPiece));
      if (piece !== '') yield piece;
    }
  }
}
