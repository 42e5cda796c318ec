/**
 * A copy-on-write view of a ColumnChunk: each buffer (numbers, codes, dictionary, missing bitmap,
 * invalid map) is copied the first time an op writes to it, so a chunk no op touches costs
 * nothing and the decoded source (which a cache may share) is never mutated.
 */
import { bitIsSet, NUMERIC_TYPES, type ColumnChunk } from '../table/types';
import type { ParsedCell } from './parse-value';

/** Mutable working copy of one column chunk; `result()` returns the new chunk. */
export class ChunkDraft {
  readonly type: ColumnChunk['type'];
  readonly rows: number;
  readonly numeric: boolean;
  numbers: Float64Array | null;
  codes: Uint32Array | null;
  dictionary: string[] | null;
  missing: Uint8Array;
  invalid: Map<number, string>;
  /** Boolean spelling variants; an edited cell loses its variant (copied on first write). */
  variants: ColumnChunk['variants'];
  /** Cells' text as written; an edited cell is written in the column's style instead. */
  written: Map<number, string> | undefined;
  private owned = new Set<BufferName>();
  private lookup: Map<string, number> | null = null;

  constructor(source: ColumnChunk) {
    this.type = source.type;
    this.rows = source.rows;
    this.numeric = NUMERIC_TYPES.has(source.type);
    this.numbers = source.numbers;
    this.codes = source.codes;
    this.dictionary = source.dictionary;
    this.missing = source.missing;
    this.invalid = source.invalid;
    this.variants = source.variants;
    this.written = source.written;
    this.style = source.style;
  }

  readonly style: ColumnChunk['style'];

  /** True when cell `row` is empty. */
  isMissing(row: number): boolean {
    return bitIsSet(this.missing, row);
  }

  /** Sets or clears the missing bit, copying the bitmap only if the bit changes. */
  setMissing(row: number, missing: boolean): void {
    if (this.isMissing(row) === missing) return;
    const bitmap = this.own('missing');
    bitmap[row >> 3] ^= 1 << (row & 7);
  }

  /** Writes one number (numeric columns). */
  setNumber(row: number, value: number): void {
    const numbers = this.numbers;
    if (numbers === null || Object.is(numbers[row], value)) return;
    this.own('numbers')[row] = value;
  }

  /** Writes one dictionary code (string columns). */
  setCode(row: number, code: number): void {
    if (this.codes === null || this.codes[row] === code) return;
    this.own('codes')[row] = code;
  }

  /** Records (text) or clears (null) a cell's invalid raw text. */
  setInvalid(row: number, text: string | null): void {
    if (text === null ? !this.invalid.has(row) : this.invalid.get(row) === text) return;
    const invalid = this.own('invalid');
    if (text === null) invalid.delete(row);
    else invalid.set(row, text);
  }

  /** The code of `text`, appending it to the (copied) dictionary when new. */
  codeFor(text: string): number {
    if (this.lookup === null) {
      this.lookup = new Map();
      const dict = this.dictionary ?? [];
      // Keep the first code of a duplicated entry so equal texts always share one code.
      for (let i = dict.length - 1; i >= 0; i--) this.lookup.set(dict[i], i);
    }
    const known = this.lookup.get(text);
    if (known !== undefined) return known;
    const dict = this.own('dictionary');
    dict.push(text);
    this.lookup.set(text, dict.length - 1);
    return dict.length - 1;
  }

  /** Replaces the dictionary wholesale (after a remap); codes must already point into it. */
  replaceDictionary(dictionary: string[]): void {
    this.dictionary = dictionary;
    this.owned.add('dictionary');
    this.lookup = null;
  }

  /** Forgets how cell `row` was written (its value changed). */
  dropWritten(row: number): void {
    if (!this.written?.has(row)) return;
    this.own('written').delete(row);
  }

  /** Gives cell `row` a parsed value: number, text, missing or invalid raw text. */
  setCell(row: number, cell: ParsedCell): void {
    this.dropWritten(row);
    if (this.variants?.text.has(row)) {
      const text = new Map(this.variants.text);
      text.delete(row);
      this.variants = { usual: this.variants.usual, text };
    }
    if (cell.kind === 'missing') {
      this.setMissing(row, true);
      if (this.numeric) this.setNumber(row, NaN);
      this.setInvalid(row, null);
      return;
    }
    this.setMissing(row, false);
    if (cell.kind === 'number') {
      this.setNumber(row, cell.value);
      this.setInvalid(row, null);
    } else if (cell.kind === 'text') {
      this.setCode(row, this.codeFor(cell.value));
      this.setInvalid(row, null);
    } else {
      if (this.numeric) this.setNumber(row, NaN);
      this.setInvalid(row, cell.text);
    }
  }

  /** A new chunk holding the draft's buffers (shared with the source where untouched). */
  result(): ColumnChunk {
    return {
      type: this.type,
      rows: this.rows,
      numbers: this.numbers,
      codes: this.codes,
      dictionary: this.dictionary,
      missing: this.missing,
      invalid: this.invalid,
      ...(this.variants ? { variants: this.variants } : {}),
      ...(this.written?.size ? { written: this.written } : {}),
      ...(this.style ? { style: this.style } : {}),
    };
  }

  /** The writable buffer `name`, copied from the source on first use. */
  own<K extends BufferName>(name: K): NonNullable<this[K]> {
    if (!this.owned.has(name)) {
      this.owned.add(name);
      switch (name) {
        case 'numbers':
          this.numbers = this.numbers?.slice() ?? new Float64Array(this.rows).fill(NaN);
          break;
        case 'codes':
          this.codes = this.codes?.slice() ?? new Uint32Array(this.rows);
          break;
        case 'dictionary':
          this.dictionary = this.dictionary?.slice() ?? [];
          break;
        case 'missing':
          this.missing = this.missing.slice();
          break;
        case 'invalid':
          this.invalid = new Map(this.invalid);
          break;
        case 'written':
          this.written = new Map(this.written);
          break;
      }
    }
    return this[name] as NonNullable<this[K]>;
  }
}

type BufferName = 'numbers' | 'codes' | 'dictionary' | 'missing' | 'invalid' | 'written';
