/**
 * Generated CSV files, one per way a file can write its values, for the round-trip test: each
 * has enough rows to give its columns their types, and a few cells written unlike the rest.
 */

/** A file's name and text. */
export interface TestFile {
  name: string;
  text: string;
}

const rows = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

const pick = <T>(values: readonly T[], i: number): T => values[i % values.length];

/** Every generated file; 60 rows each, so chunks of 16 rows split them four ways. */
export function roundTripFiles(): TestFile[] {
  const n = 60;
  return [
    {
      name: 'yes-no.csv',
      text: `id,Attrition,OverTime\n${rows(n, (i) => `${100 + i},${pick(['Yes', 'No', 'No'], i)},${i === 7 ? 'YES' : pick(['No', 'Yes'], i)}`)}\n`,
    },
    {
      name: 'y-n.csv',
      text: `name,member\n${rows(n, (i) => `p${i % 9},${i === 30 ? 'y' : pick(['Y', 'N'], i)}`)}\n`,
    },
    {
      // Only "true"/"false" spellings, in a case of the file's own choosing, one written otherwise;
      // CRLF line ends throughout (a lone CR before the last CRLF would be a line end of its own).
      name: 'true-false.csv',
      text: `flag,other\n${rows(n, (i) => `${i === 40 ? 'True' : pick(['TRUE', 'false'], i)},${pick(['T', 'F', 'F'], i)}`)}\n`.replaceAll(
        '\n',
        '\r\n',
      ),
    },
    {
      name: 'one-zero.csv',
      text: `label,score\n${rows(n, (i) => `${pick(['1', '0', '0'], i)},${i % 7}`)}\n`,
    },
    {
      name: 'decimal-comma.csv',
      text: `amount;rate;code\n${rows(n, (i) => `${pick(['1,5', '2,50', '1.234,5', '-0,25', '3', '10,0'], i)};${(i / 8).toFixed(3).replace('.', ',')};${pick(['A', 'B'], i)}`)}\n`,
    },
    {
      name: 'leading-zeros.csv',
      text: `code,zip,qty\n${rows(n, (i) => `${pick(['007', '042', '100', '0001'], i)},${String(i * 37).padStart(5, '0')},${pick(['1', '+2', ' 3', '04', '5.0', '1e3', '-0'], i)}`)}\n`,
    },
    {
      name: 'thousands.csv',
      text: `city,population,area\n${rows(n, (i) => `c${i % 11},"${pick(['1,234', '12,345,678', '950'], i)}",${pick(['12.50', '0.0000001', '3.14159', '100'], i)}`)}\n`,
    },
    {
      name: 'dates.csv',
      text: `day,stamp,iso,when\n${rows(n, (i) => {
        const d = String((i % 28) + 1).padStart(2, '0');
        const stamp =
          i === 20
            ? `2026-12-${d}T14:05:00Z`
            : `2026-12-${d} ${String(i % 24).padStart(2, '0')}:05`;
        const when = i === 9 ? '2026/01/02' : `2026-01-${d}T08:30:00.5+02:00`;
        return `${d}/12/2026,${stamp},2026-12-${d},${when}`;
      })}\n`,
    },
    {
      // Blank and empty cells, formulas in text (the guard's one change) and quoted newlines.
      name: 'blanks-formulas.csv',
      text: `note,n\n${rows(n, (i) => `${pick(['ok', '  ', '', '=1+1', '"two\nlines"', '@home'], i)},${pick(['1', '', '   ', '2'], i)}`)}\n`,
    },
    {
      // Numbers that turn into text after the first chunks, and text that turns numeric.
      name: 'type-turns.csv',
      text: `mixed,late\n${rows(n, (i) => `${i < 32 ? pick(['1.50', '2', '+3', '4'], i) : `w${i}`},${i < 8 ? 'x' : pick(['4.0', '5', '6'], i)}`)}\n`,
    },
  ];
}
