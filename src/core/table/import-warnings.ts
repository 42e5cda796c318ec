/** The warnings of a finished import, worded for the user (row numbers in text are 1-based). */
import type { ChunkBuilder } from './chunk-builder';
import type { CsvTokenizer } from './csv-tokenizer';
import type { HeaderNames } from './headers';
import type { NulStripper } from './nul-bytes';
import type { CsvDialect, ImportWarning } from './types';

/** What the warnings are made from. */
export interface WarningSources {
  builder: ChunkBuilder;
  tokenizer: CsvTokenizer;
  dialect: CsvDialect;
  headers: HeaderNames;
  /** Byte offset of the first non-UTF-8 byte in a file sniffed as UTF-8, or -1. */
  fallbackAt: number;
  fallbackBytes: number;
  /** NUL characters removed before tokenizing, and where. */
  nuls: Pick<NulStripper, 'count' | 'lines'>;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Every warning that applies, in a stable order. */
export function importWarnings(src: WarningSources): ImportWarning[] {
  const { builder, tokenizer, dialect, headers } = src;
  const warnings: ImportWarning[] = [];
  const columns = headers.names.length;
  if (!dialect.hasHeader) {
    warnings.push({
      code: 'no-header',
      count: columns,
      message: `The first row looks like data, not column names, so it was kept as data and the columns were named column_1 to column_${columns}.`,
    });
  }
  if (headers.warning) warnings.push(headers.warning);
  if (dialect.encoding === 'windows-1252') {
    warnings.push({
      code: 'encoding-fallback',
      count: 1,
      message: 'The file is not valid UTF-8, so it was read as Windows-1252 (Latin-1).',
    });
  } else if (src.fallbackAt >= 0) {
    warnings.push({
      code: 'encoding-fallback',
      count: src.fallbackBytes,
      message: `The file stops being valid UTF-8 at byte ${src.fallbackAt.toLocaleString('en-US')}: ${plural(src.fallbackBytes, 'byte')} that are not UTF-8 were read as Windows-1252 (Latin-1) characters.`,
    });
  }
  if (src.nuls.count > 0) {
    const { count, lines } = src.nuls;
    warnings.push({
      code: 'nul-bytes',
      count,
      message: `${plural(count, 'NUL character')} (byte 0, which never belongs in text) ${count === 1 ? 'was' : 'were'} removed, on line${lines.length === 1 ? '' : 's'} ${lines.map((l) => l.toLocaleString('en-US')).join(', ')}${lines.length >= 10 ? ' and maybe later ones' : ''} of the file. Check those lines: the file may have been damaged.`,
    });
  }
  const ragged = builder.ragged;
  if (ragged.count > 0) {
    warnings.push({
      code: 'ragged-rows',
      count: ragged.count,
      rows: ragged.rows,
      message: `${plural(ragged.count, 'row')} did not have ${columns} fields: ${ragged.tooFew.toLocaleString('en-US')} with too few (the missing cells are empty) and ${ragged.tooMany.toLocaleString('en-US')} with too many (the extra fields were dropped). The first is data row ${ragged.rows[0] + 1}.`,
    });
  }
  if (tokenizer.unterminatedQuoteRecord >= 0) {
    const row = tokenizer.unterminatedQuoteRecord - (dialect.hasHeader ? 1 : 0);
    warnings.push({
      code: 'unterminated-quote',
      count: 1,
      rows: row >= 0 ? [row] : [],
      message: `A quote opened in ${row >= 0 ? `data row ${row + 1}` : 'the header row'} is never closed: everything from there to the end of the file was read into that one cell.`,
    });
  }
  if (tokenizer.blankLines > 0) {
    warnings.push({
      code: 'blank-lines',
      count: tokenizer.blankLines,
      message: `${plural(tokenizer.blankLines, 'blank line')} inside the file ${tokenizer.blankLines === 1 ? 'was' : 'were'} skipped.`,
    });
  }
  const large = builder.stats.reduce((n, st) => n + st.largeFields, 0);
  if (large > 0) {
    warnings.push({
      code: 'large-field',
      count: large,
      message: `${plural(large, 'cell')} ${large === 1 ? 'holds' : 'hold'} a million characters or more; showing ${large === 1 ? 'it' : 'them'} may be slow.`,
    });
  }
  const revised: string[] = [];
  builder.firstTypes.forEach((first, c) => {
    const final = builder.finalType(c);
    if (first !== null && first !== final)
      revised.push(`${headers.names[c]} (${first} → ${final})`);
  });
  if (revised.length > 0) {
    warnings.push({
      code: 'type-revised',
      count: revised.length,
      message: `Later rows changed the type guessed from the first ${plural(builder.chunkRows, 'row')} for ${plural(revised.length, 'column')}: ${revised.slice(0, 10).join(', ')}${revised.length > 10 ? ', …' : ''}.`,
    });
  }
  return warnings;
}
