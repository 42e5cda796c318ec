/**
 * The synchronous heart of an import: bytes in, stored chunks out. It sniffs the encoding from
 * the first 64 KB, the dialect from the first records, then streams every further record into
 * the chunk builder. The async driver (import-csv.ts) feeds it and stores `ready` chunks.
 */
import { CleanroomError } from '../errors';
import { assertText } from './binary-sniff';
import { ChunkBuilder } from './chunk-builder';
import { CsvTokenizer } from './csv-tokenizer';
import { detectDecimalComma, detectDelimiter, detectHeader, detectNewline } from './dialect';
import { generatedNames, headerNames, type HeaderNames } from './headers';
import { importWarnings } from './import-warnings';
import { NulStripper } from './nul-bytes';
import { CellParser } from './parse-value';
import type { RecordLimits } from './record-limits';
import { StreamDecoder, sniffEncoding, type EncodingGuess } from './text-decoding';
import { chunkRowsFor, type CsvDialect, type ImportWarning, type StoredColumnChunk } from './types';

/** Bytes sniffed for encoding, binary content and dialect before anything is parsed. */
const SAMPLE_BYTES = 64 * 1024;
/** Records that vote on header and decimal comma (more arrive only if the sample was short). */
const HEADER_RECORDS = 200;
/** Stop waiting for HEADER_RECORDS once this much text went by (rows of megabyte fields). */
const HEADER_TEXT = 4 * 1024 * 1024;

/** Streams one CSV file into chunks: `pushBytes` repeatedly, then `finish()`. */
export class CsvImporter {
  /** Set once header and decimal comma are decided; until then records wait in `pending`. */
  private builder: ChunkBuilder | null = null;
  /** The first bytes, held until SAMPLE_BYTES arrived for sniffing. */
  private sniffed: Uint8Array[] = [];
  private sniffedLength = 0;
  private bytesIn = 0;
  private decoder: StreamDecoder | null = null;
  private guess: EncodingGuess | null = null;
  private tokenizer: CsvTokenizer | null = null;
  private delimiter: CsvDialect['delimiter'] = ',';
  private newline: CsvDialect['newline'] = '\n';
  private pending: string[][] = [];
  private textSinceTokenizing = 0;
  private sawText = false;
  private headers: HeaderNames | null = null;
  private dialectFound: CsvDialect | null = null;
  private readonly nuls = new NulStripper();

  constructor(
    private readonly datasetId: string,
    private readonly chunkRowsOption?: number,
    private readonly limits?: Partial<RecordLimits>,
  ) {}

  /** Data rows so far. */
  get rows(): number {
    return this.builder?.rows ?? 0;
  }

  /** The dialect, once the first records have been seen. */
  get dialect(): CsvDialect | null {
    return this.dialectFound;
  }

  /** The builder, once the dialect is known (for column facts and counts). */
  get chunks(): ChunkBuilder | null {
    return this.builder;
  }

  /** Feeds the next bytes of the file. */
  pushBytes(bytes: Uint8Array): void {
    this.bytesIn += bytes.length;
    if (!this.decoder) {
      this.sniffed.push(bytes);
      this.sniffedLength += bytes.length;
      if (this.sniffedLength >= SAMPLE_BYTES) this.startDecoding(false);
      return;
    }
    this.pushText(this.decoder.decode(bytes));
  }

  /** Completed chunks since the last call, oldest first. */
  takeReady(): StoredColumnChunk[][] {
    const ready = this.builder?.ready;
    if (!ready || ready.length === 0) return [];
    return ready.splice(0, ready.length);
  }

  /** Ends the input: flushes the last record and chunk, or throws 'empty-file'/'header-only'. */
  finish(): void {
    if (!this.decoder) this.startDecoding(true);
    this.pushText(this.decoder!.end());
    this.tokenizer!.end();
    if (!this.builder) this.startRows();
    if (this.bytesIn === 0 || !this.sawText) {
      throw new CleanroomError(
        'empty-file',
        'This file is empty: it holds no text. Choose a CSV file with data in it.',
      );
    }
    const builder = this.builder!;
    builder.finish();
    if (builder.rows === 0) {
      throw new CleanroomError(
        'header-only',
        'This file has a header row but no data rows. Choose a CSV file with at least one row of data.',
      );
    }
  }

  /** Warnings for the finished import. */
  warnings(): ImportWarning[] {
    return importWarnings({
      builder: this.builder!,
      tokenizer: this.tokenizer!,
      dialect: this.dialectFound!,
      headers: this.headers!,
      fallbackAt: this.decoder?.fallbackAt ?? -1,
      fallbackBytes: this.decoder?.fallbackBytes ?? 0,
      nuls: this.nuls,
    });
  }

  private startDecoding(complete: boolean): void {
    const sample = concat(this.sniffed, this.sniffedLength);
    this.sniffed = [];
    const guess = sniffEncoding(sample, complete);
    assertText(sample, guess.encoding.startsWith('utf-16'));
    this.guess = guess;
    this.decoder = new StreamDecoder(guess.encoding);
    const text = this.decoder.decode(sample.subarray(guess.bomLength));
    this.startTokenizing(text);
  }

  private noteText(text: string): void {
    // Cheap once true: stops testing at the first non-blank piece.
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
  }

  private pushText(decoded: string): void {
    if (decoded.length === 0) return;
    const text = this.nuls.strip(decoded, this.tokenizer!.currentLine);
    this.noteText(text);
    this.textSinceTokenizing += text.length;
    this.tokenizer!.push(text);
    if (!this.builder && this.enoughForHeader()) this.startRows();
  }

  private enoughForHeader(): boolean {
    const n = this.pending.length;
    return n >= HEADER_RECORDS || (n >= 2 && this.textSinceTokenizing >= HEADER_TEXT);
  }

  private startTokenizing(decoded: string): void {
    const sample = this.nuls.strip(decoded, 1);
    this.newline = detectNewline(sample);
    this.delimiter = detectDelimiter(sample, this.newline);
    this.noteText(sample);
    this.tokenizer = new CsvTokenizer({
      delimiter: this.delimiter,
      newline: this.newline,
      limits: this.limits,
      onRecord: (fields) => {
        if (this.builder) this.builder.addRecord(fields);
        else this.pending.push(fields);
      },
    });
    this.tokenizer.push(sample);
    if (this.enoughForHeader()) this.startRows();
  }

  /** Decides header and decimal comma from the pending records, then replays them as rows. */
  private startRows(): void {
    const records = this.pending;
    this.pending = [];
    const decimalComma = detectDecimalComma(records, this.delimiter);
    const parser = new CellParser(decimalComma);
    const hasHeader = records.length > 0 && detectHeader(records, parser);
    const width = records.reduce((w, r) => Math.max(w, r.length), 0);
    this.headers = hasHeader ? headerNames(records[0]) : generatedNames(width);
    const guess = this.guess!;
    this.dialectFound = {
      encoding: guess.encoding,
      bom: guess.bom,
      delimiter: this.delimiter,
      quote: '"',
      newline: this.newline,
      hasHeader,
      decimalComma,
    };
    const { names, originals } = this.headers;
    const chunkRows = this.chunkRowsOption ?? chunkRowsFor(names.length);
    this.builder = new ChunkBuilder(this.datasetId, names, originals, chunkRows, parser);
    for (let i = hasHeader ? 1 : 0; i < records.length; i++) this.builder.addRecord(records[i]);
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
