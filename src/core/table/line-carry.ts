/**
 * The start of an unfinished quote-free line, kept across pushes of the CSV tokenizer. A short
 * one is one string, joined to the next push; past CARRY_PIECES_FROM chars it is kept as pieces
 * (joined once, when a line end or quote shows up), so a huge line costs linear time.
 */

/** Past this many chars a newline-less carry is kept as pieces, so a huge line stays linear. */
const CARRY_PIECES_FROM = 1 << 16;

/** An unfinished line held between pushes. */
export class LineCarry {
  private text = '';
  private pieces: string[] = [];
  /** Characters held as pieces (the record-size limit is checked against it). */
  length = 0;

  /** True while the line is held as pieces (a huge line still growing). */
  get piecewise(): boolean {
    return this.pieces.length > 0;
  }

  /** Holds `rest`, the unfinished line at the end of a push. */
  keep(rest: string): void {
    if (rest.length >= CARRY_PIECES_FROM) {
      this.pieces.push(rest);
      this.length = rest.length;
    } else this.text = rest;
  }

  /** Adds a push holding no line end and no quote to a piecewise line. */
  grow(text: string): void {
    this.length += text.length;
    this.pieces.push(text);
  }

  /** The line held so far, with `next` appended; the carry is empty afterwards. */
  take(next = ''): string {
    const held = this.pieces.length > 0 ? this.pieces.join('') : this.text;
    this.text = '';
    this.pieces = [];
    this.length = 0;
    return held + next;
  }
}
