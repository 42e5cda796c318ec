/**
 * Dialect detection from a decoded sample: line ends, delimiter, header row, decimal commas.
 * Runs once per import on at most a few hundred records, so clarity beats speed here.
 */
import {
  CELL_BOOL,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  type CellParser,
} from './parse-value';
import { CsvTokenizer } from './csv-tokenizer';
import type { CsvDialect } from './types';

/** Candidates in tie-break order: comma is the default, pipe the rarest. */
const DELIMITERS: ReadonlyArray<CsvDialect['delimiter']> = [',', '\t', ';', '|'];
/** Records of the sample that vote on the delimiter. */
const DELIMITER_RECORDS = 50;

/** `\r\n` when CRLF pairs are as common as bare LFs, else `\n`; `\r` only without any LF. */
export function detectNewline(sample: string): CsvDialect['newline'] {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = sample.indexOf('\n'); i !== -1; i = sample.indexOf('\n', i + 1)) {
    if (i > 0 && sample.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  for (let i = sample.indexOf('\r'); i !== -1; i = sample.indexOf('\r', i + 1)) cr++;
  if (crlf > 0 && crlf >= lf) return '\r\n';
  if (lf > 0 || crlf > 0) return '\n';
  return cr > 0 ? '\r' : '\n';
}

/** The first `limit` records of `sample` (a trailing partial line is dropped unless it is all). */
export function sampleRecords(
  sample: string,
  delimiter: string,
  newline: CsvDialect['newline'],
  limit: number,
): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer({
    delimiter,
    newline,
    // The sample is bounded: its records never hit the import's limits, which the import applies.
    limits: { maxRecordChars: Number.MAX_SAFE_INTEGER, maxColumns: Number.MAX_SAFE_INTEGER },
    onRecord: (fields) => {
      if (records.length < limit) records.push(fields);
    },
  });
  const lastEnd = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  tokenizer.push(lastEnd > 0 ? sample.slice(0, lastEnd + 1) : sample);
  tokenizer.end();
  return records;
}

/**
 * The candidate whose field count is most consistent over the first records (quotes honoured),
 * needing at least two fields; ties go to more fields, then to the order of `DELIMITERS`.
 */
export function detectDelimiter(
  sample: string,
  newline: CsvDialect['newline'],
): CsvDialect['delimiter'] {
  let best: CsvDialect['delimiter'] = ',';
  let bestScore = 0;
  let bestFields = 0;
  for (const delimiter of DELIMITERS) {
    if (!sample.includes(delimiter)) continue;
    const counts = sampleRecords(sample, delimiter, newline, DELIMITER_RECORDS).map(
      (r) => r.length,
    );
    if (counts.length === 0) continue;
    const [mode, freq] = modeOf(counts);
    if (mode < 2) continue;
    const score = freq / counts.length;
    if (score > bestScore || (score === bestScore && mode > bestFields)) {
      best = delimiter;
      bestScore = score;
      bestFields = mode;
    }
  }
  return best;
}

function modeOf(values: number[]): [value: number, count: number] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [v, c] of counts) {
    if (c > best || (c === best && v > mode)) [mode, best] = [v, c];
  }
  return [mode, best];
}

const COMMA_DECIMAL = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
const DOT_DECIMAL = /^[+-]?\d+\.(?:\d{1,2}|\d{4,})$|^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** True when `;`-delimited numbers use a decimal comma (`3,14`, `1.234,5`) more than a dot. */
export function detectDecimalComma(records: string[][], delimiter: string): boolean {
  if (delimiter !== ';') return false;
  let comma = 0;
  let dot = 0;
  for (const record of records) {
    for (const cell of record) {
      const s = cell.trim();
      if (COMMA_DECIMAL.test(s)) comma++;
      else if (DOT_DECIMAL.test(s)) dot++;
    }
  }
  return comma > dot;
}

/** Share of a column's later non-empty cells that must parse for the header cell to stand out. */
const TYPED_SHARE = 0.8;

/** Kinds that vote together: integers and floats are both numbers. */
function group(kind: number): number {
  return kind === CELL_FLOAT ? CELL_INT : kind;
}

/**
 * A header row is present when its cells are text over columns whose later cells are mostly
 * numbers, booleans or dates; a first-row cell of the column's own kind votes against (but a
 * header `y` over numbers is a name, not the boolean "yes"). With no typed columns at all, a
 * first row of distinct non-empty names counts as a header.
 */
export function detectHeader(records: string[][], parser: CellParser): boolean {
  const first = records[0] ?? [];
  const rest = records.slice(1, 201);
  let votesFor = 0;
  let votesAgainst = 0;
  for (let c = 0; c < first.length; c++) {
    const kind = group(parser.classify(first[c]));
    if (kind === CELL_EMPTY) continue;
    const counts = [0, 0, 0, 0, 0, 0];
    let nonEmpty = 0;
    for (const record of rest) {
      if (c >= record.length) continue;
      const k = group(parser.classify(record[c]));
      if (k === CELL_EMPTY) continue;
      nonEmpty++;
      counts[k]++;
    }
    if (rest.length === 0) {
      if (kind !== CELL_OTHER && kind !== CELL_BOOL) votesAgainst++;
      continue;
    }
    const dominant = counts.indexOf(Math.max(...counts.slice(1, 5)), 1);
    const typedColumn = dominant < CELL_OTHER && counts[dominant] >= nonEmpty * TYPED_SHARE;
    if (!typedColumn || nonEmpty === 0) continue;
    if (kind === dominant) votesAgainst++;
    else votesFor++;
  }
  if (votesFor > 0 || votesAgainst > 0) return votesFor >= votesAgainst;
  const names = first.map((s) => s.trim()).filter((s) => s.length > 0);
  return names.length > 0 && new Set(names).size === names.length;
}
