/**
 * Stray NUL characters in an otherwise textual CSV (a truncated write, a bad export) are removed
 * before tokenizing, and the lines they were on are kept for one warning. A mostly binary file
 * never gets here: binary-sniff.ts refuses it.
 */

/** Lines named in the warning at most; the count covers all. */
const LINES_KEPT = 10;

/** Removes NULs from decoded text piece by piece, noting where they were. */
export class NulStripper {
  /** NUL characters removed. */
  count = 0;
  /** 1-based lines holding them (first LINES_KEPT distinct lines). */
  readonly lines: number[] = [];

  /** `text` without NULs; `startLine` is the file line where `text` begins. */
  strip(text: string, startLine: number): string {
    let at = text.indexOf('\0');
    if (at === -1) return text;
    let line = startLine;
    let counted = 0;
    while (at !== -1) {
      this.count++;
      if (this.lines.length < LINES_KEPT) {
        line += lineEnds(text, counted, at);
        counted = at;
        if (this.lines[this.lines.length - 1] !== line) this.lines.push(line);
      }
      at = text.indexOf('\0', at + 1);
    }
    return text.replaceAll('\0', '');
  }
}

/** Line ends (`\r\n`, `\n`, lone `\r`) in text[from, to). */
function lineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
