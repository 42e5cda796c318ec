/**
 * One column of the chunk being filled. Cells are encoded as they arrive, so that only the text
 * that has to be kept stays alive (holding a chunk of raw strings cost more in GC than parsing):
 * - 'dict' mode (first chunk, string columns): a code per cell into the chunk's dictionary;
 *   cells are classified once per dictionary entry, which is lossless for any later type;
 * - 'f64' mode (numeric columns): each cell classified on arrival, number kept, raw text kept
 *   only where it does not parse as the column's type.
 * At the end of the chunk `tally` adds the counts to the column's stats, the builder picks the
 * type, and `encode` stores the chunk under it (converting if the mode no longer fits).
 */
import { ColumnStats, LARGE_FIELD } from './column-stats';
import {
  CELL_BOOL,
  CELL_DATE,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  type CellParser,
} from './parse-value';
import { cellKindText, validKinds } from './cell-kinds';
import type { ColumnType, DictData, NumericData } from './types';

/** The cell-dependent parts of a StoredColumnChunk. */
export interface EncodedColumn {
  data: NumericData | DictData;
  missing: Uint8Array;
  unparsedRows: Uint32Array;
  unparsedText: string[];
  /** Approximate bytes of the typed arrays and strings, for storage accounting. */
  bytes: number;
}

const NO_ROWS = new Uint32Array(0);

/** Buffers one column of one chunk; see the file comment for the two modes. */
export class ColumnBuffer {
  rows = 0;
  private numericType: ColumnType | null = null;
  private validA = CELL_INT;
  private validB = CELL_FLOAT;
  private maxLength = 0;
  private large = 0;
  // f64 mode
  private kinds: Uint8Array;
  private values: Float64Array;
  private keptRows: number[] = [];
  private keptText: string[] = [];
  // dict mode
  private codes: Uint32Array;
  private lookup = new Map<string, number>();
  private dictionary: string[] = [];
  private entryKinds = new Uint8Array(0);
  private entryValues = new Float64Array(0);
  private entryCounts = new Uint32Array(0);

  constructor(
    private readonly capacity: number,
    private readonly parser: CellParser,
  ) {
    this.kinds = new Uint8Array(0);
    this.values = new Float64Array(0);
    this.codes = new Uint32Array(capacity);
  }

  /** Appends the next cell of this column. */
  add(text: string): void {
    const r = this.rows++;
    const length = text.length;
    if (length > this.maxLength) this.maxLength = length;
    if (length >= LARGE_FIELD) this.large++;
    if (this.numericType === null) {
      let code = this.lookup.get(text);
      if (code === undefined) {
        code = this.dictionary.length;
        this.lookup.set(text, code);
        this.dictionary.push(text);
      }
      this.codes[r] = code;
      return;
    }
    const kind = this.parser.classify(text);
    this.kinds[r] = kind;
    this.values[r] = this.parser.value;
    if (kind !== this.validA && kind !== this.validB && kind !== CELL_EMPTY) {
      this.keptRows.push(r);
      this.keptText.push(text);
    }
  }

  /** Adds this chunk's counts to `st`. */
  tally(st: ColumnStats): void {
    const counts = [0, 0, 0, 0, 0, 0];
    if (this.numericType === null) this.tallyDict(st, counts);
    else this.tallyNumeric(st, counts);
    st.rows += this.rows;
    st.empty += counts[CELL_EMPTY];
    st.int += counts[CELL_INT];
    st.float += counts[CELL_FLOAT];
    st.bool += counts[CELL_BOOL];
    st.date += counts[CELL_DATE];
    st.other += counts[CELL_OTHER];
    st.maxLength = Math.max(st.maxLength, this.maxLength);
    st.largeFields += this.large;
  }

  private tallyNumeric(st: ColumnStats, counts: number[]): void {
    const { kinds, values, rows } = this;
    for (let r = 0; r < rows; r++) counts[kinds[r]]++;
    if (st.consecutive) {
      for (let r = 0; r < rows && st.consecutive; r++) {
        if (kinds[r] === CELL_INT) noteInt(st, values[r]);
      }
    }
    this.keptText.forEach((text, i) => {
      if (kinds[this.keptRows[i]] === CELL_OTHER) noteOther(st, text, 1);
    });
  }

  private tallyDict(st: ColumnStats, counts: number[]): void {
    const n = this.dictionary.length;
    const occurrences = new Uint32Array(n);
    for (let r = 0; r < this.rows; r++) occurrences[this.codes[r]]++;
    this.entryKinds = new Uint8Array(n);
    this.entryValues = new Float64Array(n);
    this.entryCounts = occurrences;
    let ints = false;
    for (let e = 0; e < n; e++) {
      const kind = this.parser.classify(this.dictionary[e]);
      this.entryKinds[e] = kind;
      this.entryValues[e] = this.parser.value;
      counts[kind] += occurrences[e];
      if (kind === CELL_OTHER) noteOther(st, this.dictionary[e], occurrences[e]);
      if (kind === CELL_INT) ints = true;
    }
    if (ints && st.consecutive) {
      for (let r = 0; r < this.rows && st.consecutive; r++) {
        const e = this.codes[r];
        if (this.entryKinds[e] === CELL_INT) noteInt(st, this.entryValues[e]);
      }
    }
  }

  /**
   * Stores the chunk as `type` (a numeric type → f64, null → dict), counts distinct values into
   * `st`, and readies the buffer for the next chunk in the matching mode.
   */
  encode(type: ColumnType | null, st: ColumnStats): EncodedColumn {
    let out: EncodedColumn;
    if (this.numericType === null) out = type ? this.dictToF64(type, st) : this.dictToDict(st);
    else out = type ? this.f64ToF64(type, st) : this.f64ToDict(st);
    this.reset(type);
    return out;
  }

  private reset(type: ColumnType | null): void {
    this.rows = 0;
    this.maxLength = 0;
    this.large = 0;
    this.numericType = type;
    this.keptRows = [];
    this.keptText = [];
    this.lookup = new Map();
    this.dictionary = [];
    if (type === null) {
      this.codes = new Uint32Array(this.capacity);
      return;
    }
    [this.validA, this.validB] = validKinds(type);
    // The values array went out with an f64 chunk; kinds are scratch and can be reused.
    if (this.kinds.length !== this.capacity) this.kinds = new Uint8Array(this.capacity);
    this.values = new Float64Array(this.capacity);
  }

  private dictToDict(st: ColumnStats): EncodedColumn {
    const { rows, entryKinds, dictionary } = this;
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
        if (this.entryCounts[e] > 1) st.hasDuplicate = true;
      }
    }
    const codes = this.codes.length === rows ? this.codes : this.codes.slice(0, rows);
    const compact = kept.length !== dictionary.length;
    for (let r = 0; r < rows; r++) {
      const code = remap[codes[r]];
      if (code < 0) {
        missing[r >> 3] |= 1 << (r & 7);
        codes[r] = 0;
      } else if (compact) codes[r] = code;
    }
    for (const text of kept) st.addDistinct(text);
    return {
      data: { encoding: 'dict', codes, dictionary: kept },
      missing,
      unparsedRows: NO_ROWS,
      unparsedText: [],
      bytes: codes.byteLength + missing.byteLength + textBytes,
    };
  }

  private dictToF64(type: ColumnType, st: ColumnStats): EncodedColumn {
    const { rows, entryKinds, entryValues, dictionary, codes } = this;
    const [a, b] = validKinds(type);
    const values = new Float64Array(rows);
    const missing = new Uint8Array((rows + 7) >> 3);
    const unparsedRows: number[] = [];
    const unparsedText: string[] = [];
    let textBytes = 0;
    for (let r = 0; r < rows; r++) {
      const e = codes[r];
      const kind = entryKinds[e];
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
      if (this.entryCounts[e] > 1) st.hasDuplicate = true;
      st.addDistinct(kind === a || kind === b ? entryValues[e] : dictionary[e]);
    }
    return numericChunk(values, missing, unparsedRows, unparsedText, textBytes);
  }

  private f64ToF64(type: ColumnType, st: ColumnStats): EncodedColumn {
    const { rows, kinds } = this;
    const values = this.values.length === rows ? this.values : this.values.slice(0, rows);
    const [a, b] = validKinds(type);
    const missing = new Uint8Array((rows + 7) >> 3);
    const unparsedRows: number[] = [];
    const unparsedText: string[] = [];
    let textBytes = 0;
    let kept = 0;
    const track = !st.distinctCapped;
    for (let r = 0; r < rows; r++) {
      const kind = kinds[r];
      const isKept = kept < this.keptRows.length && this.keptRows[kept] === r;
      const text = isKept ? this.keptText[kept++] : null;
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
      const raw = text ?? cellKindText(kind, values[r]);
      values[r] = NaN;
      unparsedRows.push(r);
      unparsedText.push(raw);
      textBytes += raw.length * 2;
      if (track) st.addDistinct(raw);
    }
    return numericChunk(values, missing, unparsedRows, unparsedText, textBytes);
  }

  private f64ToDict(st: ColumnStats): EncodedColumn {
    // Numbers went in before the column turned out to be text: their text is rebuilt from the
    // value (`1.50` reads back as `1.5`); cells that did not parse keep their raw text.
    const { rows, kinds, values } = this;
    this.codes = new Uint32Array(this.capacity);
    let kept = 0;
    for (let r = 0; r < rows; r++) {
      const isKept = kept < this.keptRows.length && this.keptRows[kept] === r;
      const text = isKept ? this.keptText[kept++] : cellKindText(kinds[r], values[r]);
      let code = this.lookup.get(text);
      if (code === undefined) {
        code = this.dictionary.length;
        this.lookup.set(text, code);
        this.dictionary.push(text);
      }
      this.codes[r] = code;
    }
    this.entryKinds = new Uint8Array(this.dictionary.length);
    this.entryCounts = new Uint32Array(this.dictionary.length);
    this.dictionary.forEach((text, e) => (this.entryKinds[e] = this.parser.classify(text)));
    for (let r = 0; r < rows; r++) this.entryCounts[this.codes[r]]++;
    return this.dictToDict(st);
  }
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

/** Tracks whether integers so far count up by one (a row number column). */
function noteInt(st: ColumnStats, value: number): void {
  // lastInt is NaN before the first integer, and NaN + 1 equals nothing.
  if (st.lastInt === st.lastInt && value !== st.lastInt + 1) st.consecutive = false;
  st.lastInt = value;
}

function noteOther(st: ColumnStats, text: string, times: number): void {
  st.otherLength += text.length * times;
  if (text.indexOf(' ') !== -1) st.otherWithSpace += times;
}
