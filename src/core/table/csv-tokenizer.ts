/**
 * Streaming CSV tokenizer: text in (any chunking), records out. The hot path of an import.
 *
 * Outside quotes each of `\r\n`, `\n` and a lone `\r` ends a record, whatever the file mostly
 * uses: a file mixing them must not merge rows silently. Lines without a quote take a fast path
 * (indexOf for the line end, native split for the fields). A line with a quote goes through a
 * resumable state machine that jumps from quote to quote with indexOf, so quoted newlines, `""`
 * escapes and quotes split across chunk boundaries work and a 5 MB quoted field costs one pass.
 * Field text is assembled from slices, never char by char. Records over the limits (record-limits.ts)
 * throw before they are held whole, so memory stays bounded whatever the file.
 */
import { LineCarry } from './line-carry';
import { recordLimits, recordTooLarge, tooManyColumns, type RecordLimits } from './record-limits';

/** Receives one record's fields; the array is the receiver's to keep. */
export type RecordHandler = (fields: string[]) => void;

/** How the tokenizer splits text. */
export interface TokenizerOptions {
  delimiter: string;
  /** The file's usual line end, kept for the dialect; every kind ends a record outside quotes. */
  newline?: '\r\n' | '\n' | '\r';
  onRecord: RecordHandler;
  /** Record size and column count limits; defaults: DEFAULT_RECORD_LIMITS. */
  limits?: Partial<RecordLimits>;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

// States of the quoted-record machine (plain numbers: const enums do not survive isolatedModules).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Saw `"` inside a quoted field: either an escaped `""` or the closing quote. */
const QUOTE_SEEN = 3;
/** After the closing quote: stray text up to the delimiter is kept, as PapaParse does. */
const AFTER_CLOSE = 4;

/** Line ends in `s`: each `\n`, and each `\r` not followed by `\n`. */
function lineEndsIn(s: string): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) count++;
  for (let i = s.indexOf('\r'); i !== -1; i = s.indexOf('\r', i + 1))
    if (s.charCodeAt(i + 1) !== LF) count++;
  return count;
}

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
  private readonly onRecord: RecordHandler;
  private readonly maxChars: number;
  private readonly maxColumns: number;

  /** 1-based line of the file where the next (or current) record starts, for messages. */
  private line = 1;
  /** The last push ended on `\r`: a `\n` starting the next push belongs to it. */
  private skipLf = false;
  /** Start of an unfinished quote-free line (fast path). */
  private readonly carry = new LineCarry();
  /** Blank lines seen since the last record: counted only once another record follows. */
  private pendingBlank = 0;
  /** Quoted-record machine state; `inRecord` while a record spans pushes. */
  private inRecord = false;
  private state = FIELD_START;
  private fields: string[] = [];
  private parts: string[] = [];
  private tail = '';
  private quoted = false;
  /** Characters of the quoted record so far, and the line it started on. */
  private recordChars = 0;
  private recordLine = 1;

  /** The 1-based file line that the text pushed next starts on. */
  get currentLine(): number {
    return this.line;
  }

  constructor(options: TokenizerOptions) {
    this.delimiter = options.delimiter;
    this.delimCode = options.delimiter.charCodeAt(0);
    this.onRecord = options.onRecord;
    const limits = recordLimits(options.limits);
    this.maxChars = limits.maxRecordChars;
    this.maxColumns = limits.maxColumns;
  }

  /** Tokenizes `text`, emitting every record it completes. */
  push(text: string): void {
    if (text.length === 0) return;
    let start = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    if (this.inRecord) {
      const pos = this.quotedRecord(text, start);
      if (this.inRecord) return;
      this.scan(text, pos);
      return;
    }
    if (this.carry.piecewise) {
      // A huge quote-free line: keep collecting until a line end or quote shows up.
      if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1 && text.indexOf('"') === -1) {
        this.carry.grow(text);
        if (this.carry.length > this.maxChars)
          throw recordTooLarge(this.line, this.maxChars, false);
        return;
      }
      this.scan(this.carry.take(text), 0);
      return;
    }
    const joined = this.carry.take(text.slice(start));
    this.scan(joined, 0);
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): void {
    if (this.inRecord) {
      if (this.state === QUOTED) this.unterminatedQuoteRecord = this.records;
      this.endField();
      this.endRecord();
      return;
    }
    const rest = this.carry.take();
    if (rest.length > 0) this.emitLine(rest, 0, rest.length);
  }

  /** Fast path over whole lines; hands lines holding a quote to the state machine. */
  private scan(buf: string, start: number): void {
    const len = buf.length;
    let pos = start;
    let q = buf.indexOf('"', pos);
    let lf = buf.indexOf('\n', pos);
    let cr = buf.indexOf('\r', pos);
    while (pos < len) {
      if (lf !== -1 && lf < pos) lf = buf.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
      const nl = lf === -1 ? cr : cr === -1 || lf < cr ? lf : cr;
      if (q !== -1 && (nl === -1 || q < nl)) {
        pos = this.quotedRecord(buf, pos);
        if (this.inRecord) return;
        if (q < pos) q = buf.indexOf('"', pos);
        continue;
      }
      if (nl === -1) {
        const rest = pos === 0 ? buf : buf.slice(pos);
        if (rest.length > this.maxChars) throw recordTooLarge(this.line, this.maxChars, false);
        this.carry.keep(rest);
        return;
      }
      this.emitLine(buf, pos, nl);
      pos = this.afterLineEnd(buf, nl);
    }
  }

  /** The position after the line end at `nl` (`\r\n` is one); notes a `\r` ending the buffer. */
  private afterLineEnd(buf: string, nl: number): number {
    this.line++;
    if (buf.charCodeAt(nl) !== CR) return nl + 1;
    if (nl + 1 === buf.length) {
      this.skipLf = true;
      return nl + 1;
    }
    return buf.charCodeAt(nl + 1) === LF ? nl + 2 : nl + 1;
  }

  /** Emits the quote-free line buf[from, to) (line end excluded), or counts it as blank. */
  private emitLine(buf: string, from: number, to: number): void {
    if (to === from) {
      this.pendingBlank++;
      return;
    }
    if (to - from > this.maxChars) throw recordTooLarge(this.line, this.maxChars, false);
    if (to - from >= this.maxColumns) this.checkColumns(buf, from, to);
    this.countRecord();
    this.onRecord(buf.slice(from, to).split(this.delimiter));
  }

  /** Throws when buf[from, to) holds maxColumns delimiters or more (counted before splitting). */
  private checkColumns(buf: string, from: number, to: number): void {
    let fields = 1;
    for (let i = buf.indexOf(this.delimiter, from); i !== -1 && i < to;) {
      if (++fields > this.maxColumns) throw tooManyColumns(this.line, this.maxColumns);
      i = buf.indexOf(this.delimiter, i + 1);
    }
  }

  /** Adds a slice of quoted-record text, enforcing the record size limit. */
  private addPart(text: string): void {
    this.recordChars += text.length;
    if (this.recordChars > this.maxChars)
      throw recordTooLarge(this.recordLine, this.maxChars, true);
    this.parts.push(text);
  }

  /**
   * Runs the quoted-record machine from `p` (a record start, or where a record resumes). Returns
   * the position after the record's line end, or `buf.length` with `inRecord` set when the
   * record continues in the next push.
   */
  private quotedRecord(buf: string, p: number): number {
    const len = buf.length;
    const d = this.delimCode;
    if (!this.inRecord) {
      this.inRecord = true;
      this.recordChars = 0;
      this.recordLine = this.line;
    }
    let st = this.state;
    while (p < len) {
      if (st === FIELD_START) {
        this.quoted = buf.charCodeAt(p) === QUOTE;
        if (this.quoted) p++;
        st = this.quoted ? QUOTED : UNQUOTED;
      } else if (st === QUOTED) {
        const j = buf.indexOf('"', p);
        const part = j === -1 ? buf.slice(p) : buf.slice(p, j);
        if (part.length > 0) {
          this.line += lineEndsIn(part);
          this.addPart(part);
        }
        if (j === -1) p = len;
        else {
          p = j + 1;
          st = QUOTE_SEEN;
        }
      } else if (st === QUOTE_SEEN) {
        if (buf.charCodeAt(p) === QUOTE) {
          this.addPart('"');
          p++;
          st = QUOTED;
        } else st = AFTER_CLOSE;
      } else {
        // UNQUOTED or AFTER_CLOSE: plain text up to the delimiter or a line end.
        const from = p;
        let c = 0;
        while (p < len && (c = buf.charCodeAt(p)) !== d && c !== LF && c !== CR) p++;
        if (p > from) {
          if (st === UNQUOTED) this.addPart(buf.slice(from, p));
          else {
            this.recordChars += p - from;
            this.tail += buf.slice(from, p);
          }
        }
        if (p === len) break;
        this.endField();
        if (c !== d) {
          this.endRecord();
          return this.afterLineEnd(buf, p);
        }
        p++;
        st = FIELD_START;
      }
    }
    this.state = st;
    return len;
  }

  private endField(): void {
    const parts = this.parts;
    let text = parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join('');
    if (this.quoted) text += this.tail;
    if (this.fields.length >= this.maxColumns)
      throw tooManyColumns(this.recordLine, this.maxColumns);
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
