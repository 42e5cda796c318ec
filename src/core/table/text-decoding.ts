/**
 * Byte-to-text decoding for the import: BOM and encoding sniffing, and a streaming decoder that
 * falls back to Windows-1252 for bytes that turn out not to be UTF-8 after the sniffed sample.
 * Only TextDecoder is used (present in browsers, workers and Node); its type is declared locally
 * because the core compiles against the ES library alone.
 */
import { utf8ValidPrefix, utf8CompleteLength } from './utf8';
import { textDecoder, type DecoderLike } from './text-decoder';
import { decodeWindows1252 } from './windows-1252';
import type { CsvDialect } from './types';

/** The encoding of a file as told by its first bytes. */
export interface EncodingGuess {
  encoding: CsvDialect['encoding'];
  bom: boolean;
  /** Bytes of BOM to skip before decoding. */
  bomLength: number;
}

/** Encoding from the BOM, else UTF-8 when `sample` is valid UTF-8, else Windows-1252. */
export function sniffEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: true, bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: true, bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: true, bomLength: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: false, bomLength: 0 };
  const valid = utf8ValidPrefix(sample, complete) === sample.length;
  return { encoding: valid ? 'utf-8' : 'windows-1252', bom: false, bomLength: 0 };
}

/** UTF-16 text without a BOM is mostly ASCII: a NUL in every other byte, on one side only. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(sample.length >> 1, 4096);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNul++;
    if (sample[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.7 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.7 && oddNul === 0) return 'utf-16be';
  return null;
}

/**
 * Decodes a byte stream chunk by chunk. UTF-8 is decoded strictly; a piece that fails keeps its
 * valid UTF-8 sequences and reads each invalid byte as Windows-1252, so a Latin-1 file whose
 * first 64 KB happen to be ASCII still reads "café", not "caf\uFFFD".
 */
export class StreamDecoder {
  /** Byte offset (after the BOM) of the first byte that was not UTF-8, or -1. */
  fallbackAt = -1;
  /** How many bytes were read as Windows-1252 because they were not UTF-8. */
  fallbackBytes = 0;
  private readonly strict: DecoderLike | null;
  /** UTF-8 (non-fatal) or UTF-16; null for Windows-1252, which is decoded by hand. */
  private readonly lenient: DecoderLike | null;
  private pending: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(readonly encoding: CsvDialect['encoding']) {
    const utf8 = encoding === 'utf-8';
    this.strict = utf8 ? textDecoder('utf-8', true) : null;
    this.lenient = encoding === 'windows-1252' ? null : textDecoder(encoding);
  }

  /** Text for `bytes`; an incomplete UTF-8 sequence at the end waits for the next call. */
  decode(bytes: Uint8Array): string {
    if (!this.lenient) return decodeWindows1252(bytes);
    if (!this.strict) return this.lenient.decode(bytes, { stream: true });
    let data = bytes;
    if (this.pending.length > 0) {
      data = new Uint8Array(this.pending.length + bytes.length);
      data.set(this.pending);
      data.set(bytes, this.pending.length);
    }
    const cut = utf8CompleteLength(data);
    this.pending = data.slice(cut);
    return this.utf8(data.subarray(0, cut));
  }

  /** Text for whatever is still pending at the end of the stream. */
  end(): string {
    if (!this.lenient) return '';
    if (!this.strict) return this.lenient.decode();
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    return rest.length > 0 ? this.mixed(rest) : '';
  }

  private utf8(body: Uint8Array): string {
    try {
      const text = this.strict!.decode(body);
      this.offset += body.length;
      return text;
    } catch {
      return this.mixed(body);
    }
  }

  /** Valid UTF-8 runs as UTF-8, each invalid byte as its Windows-1252 character. */
  private mixed(body: Uint8Array): string {
    const out: string[] = [];
    let pos = 0;
    while (pos < body.length) {
      const valid = utf8ValidPrefix(body.subarray(pos), true);
      if (valid > 0) out.push(this.lenient!.decode(body.subarray(pos, pos + valid)));
      pos += valid;
      if (pos < body.length) {
        if (this.fallbackAt < 0) this.fallbackAt = this.offset + pos;
        this.fallbackBytes++;
        out.push(decodeWindows1252(body.subarray(pos, pos + 1)));
        pos++;
      }
    }
    this.offset += body.length;
    return out.join('');
  }
}
