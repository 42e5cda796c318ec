/** A progress line on stderr that rewrites itself, and is ended before anything else is printed. */
let open = false;

/** Shows `text` in place of the current progress line. */
export function progress(text: string): void {
  process.stderr.write(`\r${text}`);
  open = true;
}

/** Ends the progress line, if one is showing, so the next output starts on its own line. */
export function endProgress(): void {
  if (!open) return;
  process.stderr.write('\n');
  open = false;
}

/** `progress` for the `read N rows` count of loadCsv. */
export const readRows = (rows: number): void => progress(`read ${rows} rows`);
