import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../../src/cli/args';
import { run as detect } from '../../../src/cli/commands/detect';
import { rankLine } from '../../../src/cli/rank-output';
import { csvField } from '../../../src/core/export/cleaned-csv';
import { guardedCsvField, plainCsvField } from '../../../src/core/export/csv-guard';
import type { RankedRow } from '../../../src/core/impact/combine';

const STARTS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

describe('the shared CSV formula guard', () => {
  it('prefixes every formula start, a line feed and the full-width forms included', () => {
    for (const start of STARTS) {
      const text = `${start}HYPERLINK("http://x")`;
      const field = guardedCsvField(text);
      expect(field.startsWith(`"'`)).toBe(true);
      // Read back, the value is the original with one leading apostrophe.
      expect(Papa.parse<string[]>(field).data[0][0]).toBe(`'${text}`);
    }
  });

  it('leaves safe text and parsed numbers alone, quoting only where RFC 4180 needs it', () => {
    expect(guardedCsvField('plain')).toBe('plain');
    expect(guardedCsvField('a,b')).toBe('"a,b"');
    expect(guardedCsvField(' =1')).toBe(' =1');
    expect(plainCsvField('-5')).toBe('-5');
    expect(csvField('-5', false)).toBe('-5');
    expect(csvField('\n=1+1', true)).toBe(`"'\n=1+1"`);
    expect(csvField('＝1+1', true)).toBe(`"'＝1+1"`);
  });

  it('guards rank lines and predict lines (text only, numbers stay numbers)', () => {
    const row = { row: 3, score: 0.5, reason: '=cmd|"/c calc"!A1' } as unknown as RankedRow;
    expect(rankLine(row, ['a'])).toBe(`3,0.500000,"'=cmd|""/c calc""!A1",review,,`);
    // Suggested values are the file's own, written exactly (a program applies them as they stand).
    const set = (value: string) =>
      ({
        ...row,
        reason: 'r',
        suggestion: { kind: 'set-cell', row: 3, column: 0, value },
      }) as unknown as RankedRow;
    expect(rankLine(set('-999'), ['a'])).toBe('3,0.500000,r,set,a,-999');
    expect(rankLine(set('-10.000)'), ['a'])).toBe('3,0.500000,r,set,a,-10.000)');
    expect(rankLine(set('a,b'), ['a'])).toBe('3,0.500000,r,set,a,"a,b"');
    // Predicted classes are text: guarded like every other text field.
    expect(csvField('＝2', true)).toBe(`"'＝2"`);
  });

  it('detect --out writes a formula-looking column name as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-'));
    const data = join(dir, 'in.csv');
    const out = join(dir, 'issues.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 5 === 0 ? '' : i * 2},A`);
    writeFileSync(data, ['id,"=HYPERLINK(""http://evil"",""x"")",label', ...rows].join('\n'));
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await detect(parseFlags(['--data', data, '--out', out]));
    } finally {
      process.stderr.write = write;
    }
    const parsed = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data;
    const columns = parsed.slice(1).map((r) => r[1]);
    expect(columns).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(columns.some((c) => /^[=+\-@]/.test(c))).toBe(false);
  }, 60_000);
});
