/**
 * Row-count progress on stderr. On a terminal one line is rewritten in place (`\r`); anywhere else
 * (a pipe, a log file, CI) each new count is its own line, so lines never run together.
 */

/** The part of a stream progress needs; process.stderr fits. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

// The reporter whose in-place line is showing, if any: a failure ends it before its message.
let showing: { done(): void } | null = null;

/** A reporter for `read N rows`: call it with each count, then `done()` once reading ends. */
export function rowProgress(
  stream: ProgressStream = process.stderr,
): ((rows: number) => void) & { done(): void } {
  let last = -1;
  let open = false;
  const report = (rows: number) => {
    if (rows === last) return;
    last = rows;
    if (stream.isTTY) {
      stream.write(`\rread ${rows} rows`);
      open = true;
      showing = reporter;
    } else stream.write(`read ${rows} rows\n`);
  };
  const reporter = Object.assign(report, {
    done() {
      if (open) stream.write('\n');
      open = false;
      if (showing === reporter) showing = null;
    },
  });
  return reporter;
}

/** Ends the in-place progress line, if one is showing, so the next output starts on its own line. */
export function endProgress(): void {
  showing?.done();
}
