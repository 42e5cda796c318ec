/**
 * Stores one buffered chunk column under the type chosen for it. A buffer holds cells either as
 * dictionary codes or as classified numbers (see column-buffer.ts); each of the four functions
 * here turns one of those into f64 or dict storage, counting distinct values as it goes.
 */
import { CELL_BOOL, CELL_EMPTY, validKinds } from './cell-kinds';
import type { ColumnStats } from './column-stats';
import { cellKindText, type CellParser } from './parse-value';
import type { ColumnType, DictData, NumericData } from './types';
import { boolText } from './value-style';
import { addWritten, dictVariants, writtenEntries } from './written-cells';

/** The cell-dependent parts of a StoredColumnChunk. */
export interface EncodedColumn {
  data: NumericData | DictData;
  missing: Uint8Array;
  unparsedRows: Uint32Array;
  unparsedText: string[];
  /** Approximate bytes of the typed arrays and strings, for storage accounting. */
  bytes: number;
  /** Boolean columns: usual spellings and the cells spelled otherwise (see StoredColumnChunk). */
  variants?: { usual: [string, string]; rows: Uint32Array; text: string[] };
  /** Cells whose text differs from their value rendered in the column's style (ascending rows). */
  written?: { rows: Uint32Array; text: string[] };
  /** Date columns: the usual shape of the dates (see value-style.ts). */
  dateStyle?: string;
}

/** A chunk column as dictionary codes, each entry classified once (kind, value, occurrences). */
export interface DictCells {
  rows: number;
  codes: Uint32Array;
  dictionary: string[];
  entryKinds: Uint8Array;
  entryValues: Float64Array;
  entryCounts: Uint32Array;
  decimalComma: boolean;
  /** The date shape learnt from earlier chunks, if any. */
  dateTemplate: string | null;
}

/** A chunk column as classified cells, with the raw text of cells that did not fit its type. */
export interface NumericCells {
  rows: number;
  kinds: Uint8Array;
  values: Float64Array;
  /** Ascending rows whose raw text was kept, and that text. */
  keptRows: number[];
  keptText: string[];
  /** Boolean columns: usual spellings of false/true, and rows (ascending) spelled otherwise. */
  usualBool: [string, string] | null;
  variantRows: number[];
  variantText: string[];
  /** Rows (ascending) whose text differs from the value's rendering, and that text. */
  writtenRows: number[];
  writtenText: string[];
  dateTemplate: string | null;
  decimalComma: boolean;
}

const NO_ROWS = new Uint32Array(0);

/** Dictionary chunk stored as dictionary codes; whitespace-only entries become missing. */
export function dictAsDict(cells: DictCells, st: ColumnStats): EncodedColumn {
  const { rows, entryKinds, dictionary, entryCounts } = cells;
  const missing = new Uint8Array((rows + 7) >> 3);
  // Whitespace-only entries are missing cells: drop them so the dictionary lists real values.
  const remap = new Int32Array(dictionary.length);
  const kept: string[] = [];
  let textBytes = 0;
  for (let e = 0; e < dictionary.length; e++) {
    if (entryKinds[e] === CELL_EMPTY) remap[e] = -1;
    else {
      remap[e] = kept.length;
      kept.push(dictionary[e]);
      textBytes += dictionary[e].length * 2;
      if (entryCounts[e] > 1) st.hasDuplicate = true;
    }
  }
  const codes = cells.codes.length === rows ? cells.codes : cells.codes.slice(0, rows);
  const compact = kept.length !== dictionary.length;
  const writtenRows: number[] = [];
  const writtenText: string[] = [];
  for (let r = 0; r < rows; r++) {
    const e = codes[r];
    const code = remap[e];
    if (code < 0) {
      missing[r >> 3] |= 1 << (r & 7);
      codes[r] = 0;
      // A blank but not empty cell ("  ") is missing, and is written back as it was.
      if (dictionary[e] !== '') {
        writtenRows.push(r);
        writtenText.push(dictionary[e]);
      }
    } else if (compact) codes[r] = code;
  }
  for (const text of kept) st.addDistinct(text);
  const out: EncodedColumn = {
    data: { encoding: 'dict', codes, dictionary: kept },
    missing,
    unparsedRows: NO_ROWS,
    unparsedText: [],
    bytes: codes.byteLength + missing.byteLength + textBytes,
  };
  return addWritten(out, writtenRows, writtenText);
}

/** Dictionary chunk stored as numbers: entries parsed once, those that do not fit kept as text. */
export function dictAsF64(cells: DictCells, type: ColumnType, st: ColumnStats): EncodedColumn {
  const { rows, entryKinds, entryValues, dictionary, codes, entryCounts } = cells;
  const [a, b] = validKinds(type);
  const values = new Float64Array(rows);
  const missing = new Uint8Array((rows + 7) >> 3);
  const unparsedRows: number[] = [];
  const unparsedText: string[] = [];
  const writtenRows: number[] = [];
  const writtenText: string[] = [];
  const { entryWritten, dateStyle } = writtenEntries(cells, type);
  let textBytes = 0;
  for (let r = 0; r < rows; r++) {
    const e = codes[r];
    const kind = entryKinds[e];
    if (entryWritten[e] === 1) {
      writtenRows.push(r);
      writtenText.push(dictionary[e]);
    }
    if (kind === a || kind === b) {
      values[r] = entryValues[e];
      continue;
    }
    values[r] = NaN;
    if (kind === CELL_EMPTY) missing[r >> 3] |= 1 << (r & 7);
    else {
      unparsedRows.push(r);
      unparsedText.push(dictionary[e]);
      textBytes += dictionary[e].length * 2;
    }
  }
  for (let e = 0; e < dictionary.length; e++) {
    const kind = entryKinds[e];
    if (kind === CELL_EMPTY) continue;
    if (entryCounts[e] > 1) st.hasDuplicate = true;
    st.addDistinct(kind === a || kind === b ? entryValues[e] : dictionary[e]);
  }
  const out = numericChunk(values, missing, unparsedRows, unparsedText, textBytes);
  if (type === 'boolean') out.variants = dictVariants(cells);
  if (dateStyle) out.dateStyle = dateStyle;
  return addWritten(out, writtenRows, writtenText);
}

/** Numeric chunk stored as numbers; cells that do not fit `type` keep their raw text. */
export function f64AsF64(cells: NumericCells, type: ColumnType, st: ColumnStats): EncodedColumn {
  const { rows, kinds, keptRows, keptText } = cells;
  const values = cells.values.length === rows ? cells.values : cells.values.slice(0, rows);
  const [a, b] = validKinds(type);
  const missing = new Uint8Array((rows + 7) >> 3);
  const unparsedRows: number[] = [];
  const unparsedText: string[] = [];
  let textBytes = 0;
  let kept = 0;
  let own = 0;
  const { writtenRows, writtenText } = cells;
  const track = !st.distinctCapped;
  for (let r = 0; r < rows; r++) {
    const kind = kinds[r];
    const isKept = kept < keptRows.length && keptRows[kept] === r;
    const isOwn = own < writtenRows.length && writtenRows[own] === r;
    const text = isKept ? keptText[kept++] : isOwn ? writtenText[own] : null;
    if (isOwn) own++;
    if (kind === a || kind === b) {
      if (track) st.addDistinct(values[r]);
      continue;
    }
    if (kind === CELL_EMPTY) {
      values[r] = NaN;
      missing[r >> 3] |= 1 << (r & 7);
      continue;
    }
    // Kept text, or (rare: the type changed within the chunk) the value written back as text.
    const raw = text ?? cellKindText(kind, values[r], cells.decimalComma, cells.dateTemplate);
    values[r] = NaN;
    unparsedRows.push(r);
    unparsedText.push(raw);
    textBytes += raw.length * 2;
    if (track) st.addDistinct(raw);
  }
  const out = numericChunk(values, missing, unparsedRows, unparsedText, textBytes);
  if (type === 'boolean' && cells.usualBool !== null)
    out.variants = {
      usual: [...cells.usualBool],
      rows: Uint32Array.from(cells.variantRows),
      text: cells.variantText,
    };
  if (type === 'date' && cells.dateTemplate) out.dateStyle = cells.dateTemplate;
  return addWritten(out, cells.writtenRows, cells.writtenText);
}

/** Numeric chunk stored as dictionary codes (the column turned out to be text). */
export function f64AsDict(cells: NumericCells, parser: CellParser, st: ColumnStats): EncodedColumn {
  // Numbers went in before the column turned out to be text: their text is rebuilt from the
  // value in the file's style; text that renders otherwise (`1.50`, a "YES" among "yes") and
  // cells that did not parse were kept, so every cell keeps its text.
  const { rows, kinds, values, keptRows, keptText } = cells;
  const codes = new Uint32Array(rows);
  const lookup = new Map<string, number>();
  const dictionary: string[] = [];
  const own = new Map<number, string>();
  cells.writtenRows.forEach((row, i) => own.set(row, cells.writtenText[i]));
  cells.variantRows.forEach((row, i) => own.set(row, cells.variantText[i]));
  const rendered = (kind: number, value: number): string =>
    kind === CELL_BOOL
      ? boolText(value !== 0, cells.usualBool)
      : kind === CELL_EMPTY
        ? ''
        : cellKindText(kind, value, parser.decimalComma, cells.dateTemplate);
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    const isKept = kept < keptRows.length && keptRows[kept] === r;
    const text = isKept ? keptText[kept++] : (own.get(r) ?? rendered(kinds[r], values[r]));
    let code = lookup.get(text);
    if (code === undefined) {
      code = dictionary.length;
      lookup.set(text, code);
      dictionary.push(text);
    }
    codes[r] = code;
  }
  const entryKinds = new Uint8Array(dictionary.length);
  const entryCounts = new Uint32Array(dictionary.length);
  dictionary.forEach((text, e) => (entryKinds[e] = parser.classify(text)));
  for (let r = 0; r < rows; r++) entryCounts[codes[r]]++;
  const entryValues = new Float64Array(0);
  const { decimalComma, dateTemplate } = cells;
  return dictAsDict(
    { rows, codes, dictionary, entryKinds, entryValues, entryCounts, decimalComma, dateTemplate },
    st,
  );
}

function numericChunk(
  values: Float64Array,
  missing: Uint8Array,
  unparsedRows: number[],
  unparsedText: string[],
  textBytes: number,
): EncodedColumn {
  return {
    data: { encoding: 'f64', values },
    missing,
    unparsedRows: unparsedRows.length ? Uint32Array.from(unparsedRows) : NO_ROWS,
    unparsedText,
    bytes: values.byteLength + missing.byteLength + unparsedRows.length * 4 + textBytes,
  };
}
