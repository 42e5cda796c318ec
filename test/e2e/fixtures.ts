/**
 * Bad-input files for the end-to-end tests, written by code (nothing binary is committed), and a
 * seeded CSV generator shared with the import benchmark. Each writer puts its file in a
 * per-process temp dir (or `dir`) and returns the path. No Playwright imports here: the
 * benchmark imports this file from plain Node.
 */
import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { deflateSync } from 'node:zlib';

let sharedDir: string | undefined;

/** The temp dir fixtures go to unless a caller passes its own; removed when the process exits. */
export function fixtureDir(): string {
  if (!sharedDir) {
    const dir = mkdtempSync(join(tmpdir(), 'cleanroom-e2e-'));
    // Generated files run to tens of MB per run; don't leave them in /tmp.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    sharedDir = dir;
  }
  return sharedDir;
}

function write(name: string, content: string | Uint8Array, dir = fixtureDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** 0 bytes. */
export const writeEmpty = (dir?: string) => write('empty.csv', '', dir);

/** A header line and nothing else. */
export const writeHeaderOnly = (dir?: string) => write('header-only.csv', 'a,b,c\n', dir);

/** A real 16×16 RGB PNG (valid signature, IHDR, IDAT, IEND with CRCs), named .csv. */
export const writePngAsCsv = (dir?: string) => write('picture.csv', pngBytes(16, 16), dir);

/** Header of 4; rows 1 and 4 (0-based) have 3 fields, row 6 has 5; 10 data rows. */
export function writeRagged(dir?: string): string {
  const rows = ['id,name,score,city'];
  for (let i = 0; i < 10; i++) {
    if (i === 1 || i === 4) rows.push(`${i},name${i},${i * 10}`);
    else if (i === 6) rows.push(`${i},name${i},${i * 10},Oslo,extra`);
    else rows.push(`${i},name${i},${i * 10},Oslo`);
  }
  return write('ragged.csv', rows.join('\n') + '\n', dir);
}

/** 5 good rows, then a 6th whose quoted field never closes (it runs to the end of the file). */
export const writeUnterminatedQuote = (dir?: string) =>
  write(
    'unterminated-quote.csv',
    'id,note\n1,ok\n2,ok\n3,ok\n4,ok\n5,ok\n6,"this quote never closes\n7,still inside\n',
    dir,
  );

/** 3 rows × 3 columns; row 1's `blob` cell is 5 MB of text (5,242,880 characters). */
export function writeLargeField(dir?: string): string {
  const big = 'x'.repeat(5 * 1024 * 1024);
  return write('large-field.csv', `id,blob,n\n0,small,1\n1,${big},2\n2,small,3\n`, dir);
}

/** 2,000 columns (c0 … c1999) × 20 rows of small integers. */
export function writeWideColumns(dir?: string): string {
  const cols = 2000;
  const lines = [Array.from({ length: cols }, (_, c) => `c${c}`).join(',')];
  for (let r = 0; r < 20; r++) lines.push(Array.from({ length: cols }, (_, c) => r + c).join(','));
  return write('wide-2000-columns.csv', lines.join('\n') + '\n', dir);
}

/** Header `a,a,,b,` (a duplicate and two empty names); 3 rows. */
export const writeDuplicateHeaders = (dir?: string) =>
  write('duplicate-headers.csv', 'a,a,,b,\n1,2,3,4,5\n6,7,8,9,10\n11,12,13,14,15\n', dir);

/** Headers that are Object.prototype keys: `__proto__,constructor,toString,value`; 3 rows. */
export const writeProtoHeaders = (dir?: string) =>
  write(
    'proto-headers.csv',
    '__proto__,constructor,toString,value\np0,c0,t0,0\np1,c1,t1,1\np2,c2,t2,2\n',
    dir,
  );

/** Old-Mac line ends: `\r` only; 5 rows × 3 columns. */
export const writeCrOnly = (dir?: string) =>
  write('cr-only.csv', 'a,b,c\r1,2,3\r4,5,6\r7,8,9\r10,11,12\r13,14,15\r', dir);

/** UTF-16 LE with a BOM: `name,city` and 3 rows with accents and CJK (Zürich, 北京). */
export function writeUtf16Le(dir?: string): string {
  const text = '\ufeffname,city\nJosé,Zürich\n李,北京\nAnna,Łódź\n';
  return write('utf16le.csv', Buffer.from(text, 'utf16le'), dir);
}

/** Latin-1 (é is the single byte 0xE9): `word,n` and 3 rows: café, naïve, Ålesund. */
export const writeLatin1 = (dir?: string) =>
  write('latin1.csv', Buffer.from('word,n\ncafé,1\nnaïve,2\nÅlesund,3\n', 'latin1'), dir);

/** 2 rows, then an empty line after the last row's newline. */
export const writeTrailingEmptyLine = (dir?: string) =>
  write('trailing-empty-line.csv', 'a,b\n1,2\n3,4\n\n', dir);

/** 4 rows with two empty lines among them. */
export const writeBlankLinesInside = (dir?: string) =>
  write('blank-lines.csv', 'a,b\n1,2\n\n3,4\n5,6\n\n7,8\n', dir);

/** No header row: every line, the first included, is numbers; 4 lines × 3 columns. */
export const writeNoHeader = (dir?: string) =>
  write('no-header.csv', '1,2.5,3\n4,5.5,6\n7,8.5,9\n10,11.5,12\n', dir);

/** `;` delimiter with decimal commas (European Excel): amount `1.234,5` means 1234.5; 3 rows. */
export const writeSemicolonDecimalComma = (dir?: string) =>
  write('semicolon-decimal-comma.csv', 'name;amount;count\nx;1.234,5;3\ny;2,25;4\nz;10,0;5\n', dir);

/** Markup the app must show as text, never run. */
export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_SCRIPT = '<script>window.__pwned=1</script>';

/** Header and cells carry {@link XSS_IMG} and {@link XSS_SCRIPT}; the file name does too. */
export function writeXss(dir?: string): string {
  const q = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const csv = [
    [q(XSS_IMG), q(XSS_SCRIPT), 'plain'],
    [q(XSS_IMG), q(XSS_SCRIPT), 'row0'],
    ['safe', q(XSS_IMG), 'row1'],
  ]
    .map((row) => row.join(','))
    .join('\n');
  return write(`${XSS_IMG}.csv`, csv + '\n', dir);
}

/**
 * 50 rows: `id` (row number), `x` numeric except row 7 = `abc` (unparsed), row 9 empty (missing),
 * `label` text.
 */
export function writeUnparsedNumeric(dir?: string): string {
  // `left` is a yes/no column written "Yes"/"No": the table shows it that way, not true/false.
  const lines = ['id,x,label,left'];
  for (let i = 0; i < 50; i++) {
    const x = i === 7 ? 'abc' : i === 9 ? '' : String(i * 1.5);
    lines.push(`${i},${x},item${i},${i % 3 === 0 ? 'Yes' : 'No'}`);
  }
  return write('unparsed-numeric.csv', lines.join('\n') + '\n', dir);
}

/** Seeded 32-bit PRNG (mulberry32): the same seed gives the same file on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['red', 'green', 'blue', 'amber', 'violet', 'teal', 'ochre', 'silver'];
const KINDS = ['int', 'float', 'cat', 'code'] as const;

/** Header of {@link writeGeneratedCsv}: `id`, then `int_1`, `float_2`, `cat_3`, `code_4`, … */
export function generatedHeader(cols: number): string[] {
  return Array.from({ length: cols }, (_, c) => (c === 0 ? 'id' : `${KINDS[(c - 1) % 4]}_${c}`));
}

/**
 * Writes a seeded CSV of `rows` data rows × `cols` columns (about 100 bytes a row at 20 columns):
 * column 0 `id` is the 0-based row number; the others cycle through an integer 0–9,999, a float
 * in ±100 with 2 decimals, a category of 8 words and a code 0–99; about 1% of the non-id cells are
 * empty. Streams to disk in 64 KiB pieces (never the whole file in memory), through a temp file
 * renamed at the end, so a cached file is never half-written. Resolves to `path`.
 */
export async function writeGeneratedCsv(
  path: string,
  rows: number,
  cols: number,
  seed: number,
): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.partial`;
  const out = createWriteStream(temp);
  const random = mulberry32(seed);
  let piece = generatedHeader(cols).join(',') + '\n';
  for (let r = 0; r < rows; r++) {
    let line = String(r);
    for (let c = 1; c < cols; c++) {
      line += ',';
      const u = random();
      if (u < 0.01) continue;
      const kind = (c - 1) % 4;
      if (kind === 0) line += Math.floor(random() * 10_000);
      else if (kind === 1) line += ((random() - 0.5) * 200).toFixed(2);
      else if (kind === 2) line += CATEGORIES[Math.floor(random() * CATEGORIES.length)];
      else line += Math.floor(random() * 100);
    }
    piece += line + '\n';
    if (piece.length >= 65_536) {
      if (!out.write(piece)) await once(out, 'drain');
      piece = '';
    }
  }
  out.end(piece);
  await finished(out);
  renameSync(temp, path);
  return path;
}

/** CRC-32 (IEEE), as PNG chunks need. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid truecolour PNG with a gradient, `width`×`height` pixels. */
export function pngBytes(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3); // first byte of each row: filter type 0
    for (let x = 0; x < width; x++) raw.set([x * 16, y * 16, 128], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}
