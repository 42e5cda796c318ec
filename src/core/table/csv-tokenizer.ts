/**
 * Streaming CSV tokenizer: text in (any chunking), records out. The hot path of an import.
 *
 * Lines without a quote take a fast path (indexOf for the line end, native split for the
 * fields). A line with a quote goes through a resumable state machine that jumps from quote to
 * quote with indexOf, so quoted newlines, `""` escapes and quotes split across chunk boundaries
 * work and a 5 MB quoted field costs one pass. Field text is assembled from slices, never char by
 * char.
 */

/** Receives one record's fields; the array is the receiver's to keep. */
export type RecordHandler = (fields: string[]) => void;

/** How the tokenizer splits text. */
export interface TokenizerOptions {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  onRecord: RecordHandler;
}

const QUOTE = 34;
const CR = 13;

// States of the quoted-record machine (plain numbers: const enums do not survive isolatedModules).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Saw `"` inside a quoted field: either an escaped `""` or the closing quote. */
const QUOTE_SEEN = 3;
/** After the closing quote: stray text up to the delimiter is kept, as PapaParse does. */
const AFTER_CLOSE = 4;

/** Past this many chars a newline-less carry is kept as pieces, so a huge line stays linear. */
const CARRY_PIECES_FROM = 1 << 16;

/** Splits CSV text into records; `push` text as it arrives, then `end()`. */
export class CsvTokenizer {
  /** Records emitted so far (a header row counts). */
  records = 0;
  /** Empty lines skipped between records (they are not records; trailing ones are not counted). */
  blankLines = 0;
  /** Record index (0-based, header included) left open by a quote at end of file, else -1. */
  unterminatedQuoteRecord = -1;

  private readonly delimiter: string;
  private readonly delimCode: number;
  /** The char that ends a record: `\n` for both `\n` and `\r\n` files, `\r` for CR-only ones. */
  private readonly nlChar: string;
  private readonly nlCode: number;
  /** In `\n` mode a `\r` before the newline belongs to the line end, not to the last field. */
  private readonly stripCr: boolean;
  private readonly onRecord: RecordHandler;

  /** Start of an unfinished quote-free line (fast path). */
  private carry = '';
  /** Blank lines seen since the last record: counted only once another record follows. */
  private pendingBlank = 0;
  private carryPieces: string[] = [];
  /** Quoted-record machine state; `inRecord` while a record spans pushes. */
  private inRecord = false;
  private state = FIELD_START;
  private fields: string[] = [];
  private parts: string[] = [];
  private tail = '';
  private quoted = false;

  constructor(options: TokenizerOptions) {
    this.delimiter = options.delimiter;
    this.delimCode = options.delimiter.charCodeAt(0);
    this.nlChar = options.newline === '\r' ? '\r' : '\n';
    this.nlCode = this.nlChar.charCodeAt(0);
    this.stripCr = this.nlChar === '\n';
    this.onRecord = options.onRecord;
  }

  /** Tokenizes `text`, emitting every record it completes. */
  push(text: string): void {
    if (text.length === 0) return;
    if (this.inRecord) {
      const pos = this.quotedRecord(text, 0);
      if (this.inRecord) return;
      this.scan(text, pos);
      return;
    }
    if (this.carryPieces.length > 0) {
      // A huge quote-free line: keep collecting until a newline or quote shows up.
      if (text.indexOf(this.nlChar) === -1 && text.indexOf('"') === -1) {
        this.carryPieces.push(text);
        return;
      }
      const joined = this.carryPieces.join('') + text;
      this.carryPieces = [];
      this.scan(joined, 0);
      return;
    }
    if (this.carry.length > 0) {
      const joined = this.carry + text;
      this.carry = '';
      this.scan(joined, 0);
      return;
    }
    this.scan(text, 0);
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): void {
    if (this.inRecord) {
      if (this.state === QUOTED) this.unterminatedQuoteRecord = this.records;
      this.endField(true);
      this.endRecord();
      return;
    }
    const rest = this.carryPieces.length > 0 ? this.carryPieces.join('') : this.carry;
    this.carry = '';
    this.carryPieces = [];
    if (rest.length > 0) this.line(rest, 0, rest.length);
  }

  /** Fast path over whole lines; hands lines holding a quote to the state machine. */
  private scan(buf: string, start: number): void {
    const len = buf.length;
    const nlChar = this.nlChar;
    let pos = start;
    let q = buf.indexOf('"', pos);
    while (pos < len) {
      const nl = buf.indexOf(nlChar, pos);
      if (q !== -1 && (nl === -1 || q < nl)) {
        pos = this.quotedRecord(buf, pos);
        if (this.inRecord) return;
        if (q < pos) q = buf.indexOf('"', pos);
        continue;
      }
      if (nl === -1) {
        const rest = pos === 0 ? buf : buf.slice(pos);
        if (rest.length >= CARRY_PIECES_FROM) this.carryPieces.push(rest);
        else this.carry = rest;
        return;
      }
      this.line(buf, pos, nl);
      pos = nl + 1;
    }
  }

  /** Emits the quote-free line buf[from, to) (newline excluded), or counts it as blank. */
  private line(buf: string, from: number, to: number): void {
    let end = to;
    if (this.stripCr && end > from && buf.charCodeAt(end - 1) === CR) end--;
    if (end === from) {
      this.pendingBlank++;
      return;
    }
    this.countRecord();
    this.onRecord(buf.slice(from, end).split(this.delimiter));
  }

  /**
   * Runs the quoted-record machine from `p` (a record start, or 0 when resuming). Returns the
   * position after the record's newline, or `buf.length` with `inRecord` set when the record
   * continues in the next push.
   */
  private quotedRecord(buf: string, p: number): number {
    const len = buf.length;
    const d = this.delimCode;
    const nl = this.nlCode;
    this.inRecord = true;
    let st = this.state;
    while (p < len) {
      if (st === FIELD_START) {
        this.quoted = buf.charCodeAt(p) === QUOTE;
        if (this.quoted) p++;
        st = this.quoted ? QUOTED : UNQUOTED;
      } else if (st === QUOTED) {
        const j = buf.indexOf('"', p);
        if (j === -1) {
          this.parts.push(buf.slice(p));
          p = len;
        } else {
          if (j > p) this.parts.push(buf.slice(p, j));
          p = j + 1;
          st = QUOTE_SEEN;
        }
      } else if (st === QUOTE_SEEN) {
        if (buf.charCodeAt(p) === QUOTE) {
          this.parts.push('"');
          p++;
          st = QUOTED;
        } else st = AFTER_CLOSE;
      } else {
        // UNQUOTED or AFTER_CLOSE: plain text up to the delimiter or the newline.
        const from = p;
        let c = 0;
        while (p < len && (c = buf.charCodeAt(p)) !== d && c !== nl) p++;
        if (p > from) {
          if (st === UNQUOTED) this.parts.push(buf.slice(from, p));
          else this.tail += buf.slice(from, p);
        }
        if (p === len) break;
        p++;
        this.endField(c === nl);
        if (c === nl) {
          this.endRecord();
          return p;
        }
        st = FIELD_START;
      }
    }
    this.state = st;
    return len;
  }

  private endField(atLineEnd: boolean): void {
    const parts = this.parts;
    let text = parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join('');
    if (this.quoted) {
      let tail = this.tail;
      if (atLineEnd && this.stripCr && tail.charCodeAt(tail.length - 1) === CR) {
        tail = tail.slice(0, -1);
      }
      text += tail;
    } else if (atLineEnd && this.stripCr && text.charCodeAt(text.length - 1) === CR) {
      text = text.slice(0, -1);
    }
    this.fields.push(text);
    this.parts = [];
    this.tail = '';
    this.quoted = false;
    this.state = FIELD_START;
  }

  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.inRecord = false;
    this.state = FIELD_START;
    this.countRecord();
    this.onRecord(fields);
  }

  private countRecord(): void {
    this.records++;
    if (this.pendingBlank > 0) {
      this.blankLines += this.pendingBlank;
      this.pendingBlank = 0;
    }
  }
}
