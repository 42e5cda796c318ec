/** Recognises files that are not text before any decoding is attempted. */
import { CleanroomError } from '../errors';

const MAGIC: ReadonlyArray<[bytes: number[], what: string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or an Excel workbook (.xlsx)'],
  [[0x50, 0x4b, 0x05, 0x06], 'a ZIP archive'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Office file such as .xls'],
];

/** What `sample` looks like when it is not text (e.g. "a PNG image"), else null. */
export function binaryKind(sample: Uint8Array, utf16: boolean): string | null {
  for (const [bytes, what] of MAGIC) {
    if (bytes.length <= sample.length && bytes.every((b, i) => sample[i] === b)) return what;
  }
  // NUL and other control bytes do not occur in text (NUL does as half of an ASCII char in
  // UTF-16). A few are noise in a text file, stripped by the import with a warning; a sample
  // made of them in good part is a binary file.
  if (!utf16 && controlShare(sample) > BINARY_SHARE) return 'binary data';
  return null;
}

/** Share of control bytes above which a sample is binary, not text with a few stray bytes. */
const BINARY_SHARE = 0.1;

/** Share of `sample` that is NUL or another control byte never used in text (tab, LF, CR, FF, ESC are). */
function controlShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) count++;
  }
  return count / sample.length;
}

/** Throws 'binary-file' when `sample` is not text. */
export function assertText(sample: Uint8Array, utf16: boolean): void {
  const what = binaryKind(sample, utf16);
  if (what === null) return;
  const detail = what === 'binary data' ? 'it contains binary data' : `it looks like ${what}`;
  throw new CleanroomError('binary-file', `This file is not text: ${detail}. Choose a CSV file.`);
}
