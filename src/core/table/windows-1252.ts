/**
 * Windows-1252 decoding that is right everywhere: Node (18-23 at least) decodes the
 * 'windows-1252' label as ISO-8859-1, turning byte 0x80 into U+0080 instead of "€". The native
 * decoder does the bulk (fast); where it is wrong and a piece holds bytes 0x80-0x9F, that piece
 * is mapped by hand (~10 ns per byte, only for pieces with smart quotes, € and the like).
 */
import { textDecoder } from './text-decoder';

/** Characters of bytes 0x80-0x9F (the WHATWG index; unassigned bytes map to themselves). */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const HAS_C1 = /[\u0080-\u009f]/;
/** Bytes per String.fromCharCode call (engines limit the argument count). */
const SLICE = 8192;

const native = textDecoder('windows-1252');
/** True where the native decoder reads 0x80 as U+0080 (the Node bug). */
const needsFix = native.decode(new Uint8Array([0x80])) !== '\u20ac';

/** Decodes Windows-1252 bytes; every byte is one character, so it streams trivially. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = native.decode(bytes);
  return needsFix && HAS_C1.test(text) ? byHand(bytes) : text;
}

function byHand(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, SLICE));
  for (let at = 0; at < bytes.length; at += SLICE) {
    const n = Math.min(SLICE, bytes.length - at);
    for (let i = 0; i < n; i++) {
      const b = bytes[at + i];
      codes[i] = b >= 0x80 && b < 0xa0 ? C1.charCodeAt(b - 0x80) : b;
    }
    // apply() takes the typed array as is; spreading it would go through the iterator protocol.
    const slice = n === codes.length ? codes : codes.subarray(0, n);
    parts.push(String.fromCharCode.apply(null, slice as unknown as number[]));
  }
  return parts.join('');
}
