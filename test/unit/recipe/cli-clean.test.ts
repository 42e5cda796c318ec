/** `cli clean`: a recipe exported by the app replayed on a CSV, with a report; bad input fails in one line. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFlags } from '../../../src/cli/args';
import * as clean from '../../../src/cli/commands/clean';
import { frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { buildRecipe, recipeJson } from '../../../src/core/recipe/recipe';
import { load, logOf } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'cleanroom-clean-'));
const TRAIN = 'name,age,city\nAda,36, London\nGrace,-999,Paris\nLinus,41,Oslo\n';
writeFileSync(
  join(dir, 'val.csv'),
  'name,age,city\nLinus,41,Oslo\nBo,-999, Rome\nAda,36, London\n',
);
writeFileSync(join(dir, 'other.csv'), 'sku,price\nA,1\n');

async function writeRecipe(): Promise<string> {
  const train = await load(TRAIN);
  const log = logOf(
    {
      kind: 'column-transform',
      column: 1,
      transform: { kind: 'replace-with-missing', values: ['-999'] },
    },
    { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
    { kind: 'exclude-row', row: 0 },
    { kind: 'set-cell', row: 1, column: 2, value: '=HYPERLINK("x")' },
  );
  const path = join(dir, 'recipe.json');
  writeFileSync(
    path,
    recipeJson(
      buildRecipe(
        { name: 'train', fileName: 'train.csv', columns: train.columns },
        log,
        frameSourceRows(train.frame),
      ),
    ),
  );
  return path;
}

async function runClean(args: string[]): Promise<string> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await clean.run(parseFlags(args));
  return out.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('cli clean', () => {
  it('replays the recipe, writes the cleaned CSV and a JSON report', async () => {
    const recipe = await writeRecipe();
    const out = join(dir, 'cleaned.csv');
    const reportPath = join(dir, 'report.json');
    const printed = await runClean([
      '--data',
      join(dir, 'val.csv'),
      '--recipe',
      recipe,
      '--out',
      out,
      '--report',
      reportPath,
    ]);
    expect(printed).toMatch(/^applied 3 of 4 steps of the recipe from "train"\n/);
    expect(printed).toMatch(
      /skipped step 4: Set “city” of the row that was row 1 of “train” .*: No row of this dataset/,
    );
    expect(readFileSync(out, 'utf8')).toBe('name,age,city\r\nLinus,41,Oslo\r\nBo,,Rome\r\n');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.applied.map((a: { step: number }) => a.step)).toEqual([1, 2, 3]);
    expect(report.applied[2].rows).toEqual([2]);
  });

  it('fails with one line and a non-zero exit on a bad recipe or another schema', async () => {
    const recipe = await writeRecipe();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"cleanroom-recipe","version":3}');
    const cli = (args: string[]) =>
      promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'clean',
        ...args,
      ]).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const out = join(dir, 'never.csv');
    const version = await cli(['--data', join(dir, 'val.csv'), '--recipe', bad, '--out', out]);
    expect(version.code).toBe(1);
    expect(version.stderr.trim().split('\n').at(-1)).toMatch(
      /^This recipe is version 3; .* reads version 1\.$/,
    );
    const other = await cli(['--data', join(dir, 'other.csv'), '--recipe', recipe, '--out', out]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /None of the recipe's 4 steps applies to .*other\.csv\. This recipe was made for “train”, which shares no column/,
    );
    const missing = await cli(['--data', join(dir, 'val.csv'), '--out', out]);
    expect(missing).toEqual({ code: 2, stderr: 'Missing --recipe.\n' });
  }, 60_000);
});
