/**
 * The exported danfojs script: its text, and (danfojs 1.2's Node entry imports here) a real run
 * on a small CSV whose output must equal the app's own cleaned CSV for the same steps.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/core/clean/operations';
import { danfoScript } from '../../../src/core/export/danfo-script';
import { frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { buildRecipe } from '../../../src/core/recipe/recipe';
import { cleanedCsv, load, logOf } from './helpers';

const FILE = [
  'id,age,city,note',
  ...Array.from({ length: 12 }, (_, i) => {
    const age = [31, -999, 45, '', 27, 38][i % 6];
    const city = [' Oslo', 'oslo', 'Paris ', 'Rome', '', 'Paris'][i % 6];
    const note = ['fine', '=1+1', 'x "y"', '-minus', 'a,b', 'ok'][i % 6];
    return `${i % 4},${age},${city},${note.includes(',') || note.includes('"') ? `"${note.replaceAll('"', '""')}"` : note}`;
  }),
].join('\n');

const STEPS: Operation[] = [
  {
    kind: 'column-transform',
    column: 1,
    transform: { kind: 'replace-with-missing', values: ['-999'] },
  },
  { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
  {
    kind: 'column-transform',
    column: 2,
    transform: {
      kind: 'map-categories',
      mapping: [
        ['oslo', 'Oslo'],
        ['Rome', ''],
      ],
    },
  },
  {
    kind: 'column-transform',
    column: 1,
    transform: { kind: 'impute', strategy: 'median', value: '38' },
  },
  {
    kind: 'column-transform',
    column: 2,
    transform: { kind: 'impute', strategy: 'mode', value: 'Paris' },
  },
  { kind: 'exclude-row', row: 0 },
];

async function scriptFor(ops: Operation[]) {
  const loaded = await load(`${FILE}\n`);
  const recipe = buildRecipe(
    { name: 'people\nnew line', fileName: 'p.csv', columns: loaded.columns },
    logOf(...ops),
    frameSourceRows(loaded.frame),
  );
  return { loaded, script: danfoScript(recipe) };
}

// Under node_modules so the script's `import 'danfojs'` resolves from the project; git ignores it.
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.cleanroom-danfo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('danfojs script export', () => {
  it('states its import line and run command, and writes each column step as danfojs code', async () => {
    const { script } = await scriptFor(STEPS);
    const lines = script.split('\n');
    expect(lines[0]).toBe(
      '// Cleanroom recipe for “people new line” as a danfojs script: 5 column step(s).',
    );
    expect(lines[1]).toMatch(/1 row fix\(es\) of the recipe are not here/);
    expect(script).toContain("import * as dfd from 'danfojs';");
    expect(script).toContain("//   import * as dfd from 'danfojs-node';");
    expect(script).toContain('const NUMERIC_COLUMNS = new Set(["id","age"]);');
    expect(script).toContain('df = df.replace(-999, NaN, { columns: ["age"] });');
    expect(script).toContain(
      'mapColumn("city", (v) => (typeof v === \'string\' ? v.trim() || null : v));',
    );
    expect(script).toContain('const mapping = new Map([["oslo", "Oslo"], ["Rome", ""]]);');
    expect(script).toContain('df = df.fillNa([38], { columns: ["age"] });');
    expect(script).toContain('df = df.fillNa(["Paris"], { columns: ["city"] });');
    expect(script).toContain('// Step 3: In “city”, replace “oslo” → “Oslo”, “Rome” → “”');
  });

  it('runs in Node and writes what the app exports for the same column steps', async () => {
    const { loaded, script } = await scriptFor(STEPS);
    writeFileSync(join(dir, 'clean.mjs'), script);
    writeFileSync(join(dir, 'input.csv'), `${FILE}\n`);
    await promisify(execFile)(
      process.execPath,
      [join(dir, 'clean.mjs'), join(dir, 'input.csv'), join(dir, 'out.csv')],
      {
        cwd: dir,
        timeout: 120_000,
      },
    );
    const columnOnly = STEPS.filter((op) => op.kind === 'column-transform');
    const expected = await cleanedCsv(loaded, logOf(...columnOnly));
    const actual = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(actual).toContain(`"'=1+1"`);
    expect(actual).toBe(expected.text);
  }, 180_000);
});
