import type { Flags } from '../args';
import { loadCsv } from '../load-csv';
import { endProgress, readRows } from '../progress-line';

/** One line of help. */
export const usage =
  'inspect --data D.csv   how the app reads a CSV: dialect, rows, column types, warnings';

/** Prints what the importer made of a file. */
export async function run(flags: Flags): Promise<void> {
  const path = flags.require('data');
  const { outcome } = await loadCsv(path, readRows);
  endProgress();
  const { dialect, rows, columns, warnings } = outcome;
  const out: string[] = [
    `file: ${path}`,
    `rows: ${rows}, columns: ${columns.length}`,
    `dialect: ${dialect.encoding}${dialect.bom ? ' (BOM)' : ''}, delimiter ${JSON.stringify(dialect.delimiter)}, newline ${JSON.stringify(dialect.newline)}, header ${dialect.hasHeader ? 'yes' : 'no'}${dialect.decimalComma ? ', decimal comma' : ''}`,
    ...columns.map(
      (c) =>
        `  ${c.name}: ${c.type}, ${c.missingCount} missing, ${c.invalidCount} unparsed, ${c.distinctCapped ? '≥' : ''}${c.distinctCount} distinct`,
    ),
    ...warnings.map((w) => `warning ${w.code}: ${w.message}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
