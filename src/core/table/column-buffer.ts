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
import {
  CELL_BOOL,
  CELL_DATE,
  CELL_EMPTY,
  CELL_FLOAT,
  CELL_INT,
  CELL_OTHER,
  validKinds,
} from './cell-kinds';
import {
  dictAsDict,
  dictAsF64,
  f64AsDict,
  f64AsF64,
  type DictCells,
  type EncodedColumn,
  type NumericCells,
} from './column-encode';
import { ColumnStats, LARGE_FIELD } from './column-stats';
import type { CellParser } from './parse-value';
import type { ColumnType } from './types';
import { dateTemplate, rendersAsWritten, type ValueStyle } from './value-style';

/** Date cells looked at for the column's date shape before giving up (offsets never fit one). */
const TEMPLATE_TRIES = 64;

/** Buffers one column of one chunk; see the file comment for the two modes. */
export class ColumnBuffer implements DictCells, NumericCells {
  rows = 0;
  private numericType: ColumnType | null = null;
  private validA = CELL_INT;
  private validB = CELL_FLOAT;
  private maxLength = 0;
  private large = 0;
  // f64 mode (public for the encoders in column-encode.ts)
  kinds: Uint8Array;
  values: Float64Array;
  keptRows: number[] = [];
  keptText: string[] = [];
  // Boolean columns: the usual spellings of false/true (from the first chunk) and the cells
  // spelled otherwise, so a "YES" among "yes" stays visible after parsing.
  usualBool: [string, string] | null = null;
  variantRows: number[] = [];
  variantText: string[] = [];
  // Cells whose text differs from their value rendered in the column's style ("1.50", "007" kept
  // as a number never happens: that is text), and blank-but-not-empty cells.
  writtenRows: number[] = [];
  writtenText: string[] = [];
  /** The usual shape of the column's dates (from the first date that has one). */
  dateTemplate: string | null = null;
  private templateTries = 0;
  private readonly style: ValueStyle;
  // dict mode (public for the encoders)
  codes: Uint32Array;
  private lookup = new Map<string, number>();
  dictionary: string[] = [];
  entryKinds = new Uint8Array(0);
  entryValues = new Float64Array(0);
  entryCounts = new Uint32Array(0);

  constructor(
    private readonly capacity: number,
    private readonly parser: CellParser,
  ) {
    this.kinds = new Uint8Array(0);
    this.values = new Float64Array(0);
    this.codes = new Uint32Array(capacity);
    this.style = { decimalComma: parser.decimalComma, bool: null, date: null };
  }

  /** True when numbers are written with a decimal comma in this file. */
  get decimalComma(): boolean {
    return this.parser.decimalComma;
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
    } else if (kind === CELL_BOOL) {
      if (this.usualBool !== null) this.noteSpelling(r, text);
    } else if (kind === CELL_EMPTY) {
      if (length > 0) this.noteWritten(r, text);
    } else if (!this.rendersAsWritten(text, kind)) this.noteWritten(r, text);
  }

  private rendersAsWritten(text: string, kind: number): boolean {
    if (kind === CELL_DATE && this.dateTemplate === null && this.templateTries < TEMPLATE_TRIES) {
      this.templateTries++;
      this.dateTemplate = dateTemplate(text);
    }
    this.style.date = this.dateTemplate;
    return rendersAsWritten(text, kind, this.parser.value, this.style);
  }

  private noteWritten(r: number, text: string): void {
    this.writtenRows.push(r);
    this.writtenText.push(text);
  }

  private noteSpelling(r: number, text: string): void {
    const usual = this.usualBool!;
    const value = this.parser.value;
    if (text === usual[value]) return;
    if (usual[value] === '') usual[value] = text;
    else {
      this.variantRows.push(r);
      this.variantText.push(text);
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
    if (this.numericType === null) out = type ? dictAsF64(this, type, st) : dictAsDict(this, st);
    else out = type ? f64AsF64(this, type, st) : f64AsDict(this, this.parser, st);
    this.usualBool = type === 'boolean' ? (out.variants?.usual ?? this.usualBool) : null;
    this.dateTemplate = type === 'date' ? (out.dateStyle ?? this.dateTemplate) : null;
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
    this.variantRows = [];
    this.variantText = [];
    this.writtenRows = [];
    this.writtenText = [];
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
