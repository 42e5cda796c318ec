/** UTF-8 validation by hand, for the places where a fatal TextDecoder cannot say where it failed. */

/**
 * Length of the longest prefix of `bytes` made of valid UTF-8 sequences. When `final` is false
 * an incomplete sequence cut off by the end of `bytes` counts as valid.
 */
export function utf8ValidPrefix(bytes: Uint8Array, final: boolean): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    // Ranges from the Unicode standard's table of well-formed sequences: no overlongs, no
    // surrogates, nothing past U+10FFFF.
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : n;
      const c = bytes[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}

/** Length of `bytes` without a multi-byte sequence that is cut off at the end. */
export function utf8CompleteLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // A sequence is at most 4 bytes: look back at most 3 for its lead byte.
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? n - back : n;
  }
  return n;
}
