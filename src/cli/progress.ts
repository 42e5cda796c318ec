/**
 * Row-count progress on stderr. On a terminal one line is rewritten in place (`\r`); anywhere else
 * (a pipe, a log file, CI) each new count is its own line, so lines never run together.
 */

/** The part of a stream progress needs; process.stderr fits. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

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
    } else stream.write(`read ${rows} rows\n`);
  };
  return Object.assign(report, {
    done() {
      if (open) stream.write('\n');
      open = false;
    },
  });
}
