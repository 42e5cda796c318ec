import { describe, expect, it } from 'vitest';
import { csvField } from '../../../src/core/export/cleaned-csv';
import { blobOfPieces } from '../../../src/storage/cleaning-export';
import { cleanedCsv, load, logOf } from './helpers';

describe('csvField', () => {
  it('quotes per RFC 4180 and neutralises formulas in text cells the OWASP way', () => {
    expect(csvField('plain', true)).toBe('plain');
    expect(csvField(null, true)).toBe('');
    expect(csvField('a,b', true)).toBe('"a,b"');
    expect(csvField('say "hi"', true)).toBe('"say ""hi"""');
    expect(csvField('two\nlines', true)).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}1+1`, true)).toBe(`"'${start}1+1"`);
    }
    expect(csvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`);
    // Numbers of numeric columns are written as they are.
    expect(csvField('-5', false)).toBe('-5');
  });
});

describe('cleaned CSV', () => {
  /** Rows 0–4 are the interesting ones; rows 5–24 keep `score` a float column and `id` an integer one. */
  const FILE = `id,score,note\n0,-5,ok\n1,abc,=1+1\n2,7,"a, b"\n3,,-5\n4,12.5,@home\n${Array.from(
    { length: 20 },
    (_, i) => `${i % 3},${i / 4},ok`,
  ).join('\n')}\n`;

  it('writes the current version: ops applied, excluded rows left out, formulas guarded, numbers kept', async () => {
    const loaded = await load(FILE);
    expect(loaded.columns.map((c) => c.type)).toEqual(['integer', 'float', 'categorical']);
    const log = logOf(
      { kind: 'set-cell', row: 2, column: 2, value: 'fixed "quote"' },
      { kind: 'exclude-row', row: 0 },
      { kind: 'set-cell', row: 4, column: 1, value: '-3' },
      { kind: 'mark-reviewed', row: 3 },
    );
    const { text } = await cleanedCsv(loaded, log);
    expect(text).toBe(
      [
        'id,score,note',
        `1,abc,"'=1+1"`,
        '2,7,"fixed ""quote"""',
        `3,,"'-5"`,
        `4,-3,"'@home"`,
        ...Array.from({ length: 20 }, (_, i) => `${i % 3},${i / 4},ok`),
        '',
      ].join('\r\n'),
    );
  });

  it('guards unparsed text kept in a numeric column, and header names', async () => {
    const loaded = await load(
      `n,=evil\n${Array.from({ length: 20 }, (_, i) => `${(i % 5) - 10},x`).join('\n')}\n=2*3,y\n`,
    );
    expect(loaded.columns[0].type).toBe('integer');
    const { text } = await cleanedCsv(loaded, []);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`n,"'=evil"`);
    expect(lines[1]).toBe('-10,x');
    expect(lines[2]).toBe('-9,x');
    expect(lines[21]).toBe(`"'=2*3",y`);
  });

  it('comes in pieces, not one string, and joins to every row', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},${i % 7}`).join('\n');
    const loaded = await load(`a,b\n${rows}\n`);
    const { text, pieces } = await cleanedCsv(
      loaded,
      logOf({ kind: 'exclude-row', row: 999 }),
      100,
    );
    expect(pieces).toBe(11);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('998,4');
  });
});

describe('blobOfPieces', () => {
  it('folds pieces into Blobs as it goes and keeps their order', async () => {
    async function* pieces() {
      for (let i = 0; i < 40; i++) yield `${i},`;
    }
    const blob = await blobOfPieces(pieces(), 'text/csv', 16);
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe(Array.from({ length: 40 }, (_, i) => `${i},`).join(''));
  });
});
