/**
 * History & export (issue 6): column steps through the UI, the history with undo, redo and a
 * revert from the middle, the cleaned CSV (formula cells neutralised, negative numbers kept),
 * the recipe replayed on a second file with its report, and two tabs kept in step.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from './fixtures';
import { cell, expectListed, gotoApp, importFile, openDataset } from './helpers';
import { historyIds as h } from './selectors';

const extra = Array.from(
  { length: 16 },
  (_, i) => `P${i},${20 + (i % 7)},${['Paris', 'Rome'][i % 2]},fine`,
);
/** Row 1 has a formula and the -999 sentinel; row 2 a negative age and a text cell "-5". */
const TRAIN = [
  'name,age,city,note',
  'Ada,36, London,ok',
  'Grace,-999,Paris,=1+1',
  'Linus,-3,oslo,-5',
  ...extra,
];
/** The same columns but `note`; rows in another order. */
const VAL = [
  'name,age,city',
  'Zed,-999,oslo',
  'Bo,41, Rome',
  ...extra.map((l) => l.replace(/,fine$/, '')),
];

function writeCsv(name: string, lines: string[]): string {
  const path = join(fixtureDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function openHistory(page: Page, file: string, name: string, rows: number, columns: number) {
  await importFile(page, file);
  await expectListed(page, name, rows, columns);
  await openDataset(page, name);
  await page.getByTestId(h.tab).click();
  await expect(page.getByTestId(h.panel)).toBeVisible();
}

async function addStep(page: Page, column: string, action: string, value?: string, to?: string) {
  const count = await page.getByTestId(h.item).count();
  await page.getByTestId(h.stepColumn).selectOption({ label: column });
  await page.getByTestId(h.stepKind).selectOption({ label: action });
  if (value !== undefined) await page.getByTestId(h.stepValue).fill(value);
  if (to !== undefined) await page.getByTestId(h.stepTo).fill(to);
  await page.getByTestId(h.stepApply).click();
  await expect(page.getByTestId(h.item)).toHaveCount(count + 1);
}

const item = (page: Page, seq: number): Locator =>
  page.locator(`[data-testid="${h.item}"][data-seq="${seq}"]`);

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(button).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

test('history, undo, redo, revert, cleaned CSV and a recipe replayed on another file', async ({
  page,
}) => {
  await gotoApp(page);
  await openHistory(page, writeCsv('train.csv', TRAIN), 'train', 19, 4);
  await expect(page.getByTestId(h.empty)).toBeVisible();

  await addStep(page, 'age', 'Make a value missing', '-999');
  await addStep(page, 'city', 'Trim spaces');
  await addStep(page, 'city', 'Replace a value', 'oslo', 'Oslo');
  await addStep(page, 'age', 'Fill missing cells', '30');
  await addStep(page, 'note', 'Trim spaces');
  await expect(page.getByTestId(h.itemText)).toHaveText([
    'Trim spaces in “note”',
    'Fill missing “age” with “30” (constant)',
    'In “city”, replace “oslo” → “Oslo”',
    'Trim spaces in “city”',
    'Make “-999” missing in “age”',
  ]);

  // A value that does not fit the column is refused in words, and nothing is stored.
  await page.getByTestId(h.stepColumn).selectOption({ label: 'age' });
  await page.getByTestId(h.stepKind).selectOption({ label: 'Fill missing cells' });
  await page.getByTestId(h.stepValue).fill('thirty');
  await page.getByTestId(h.stepApply).click();
  await expect(page.getByTestId(h.stepError)).toContainText('Cannot fill missing cells of “age”');
  await expect(page.getByTestId(h.item)).toHaveCount(5);

  await page.getByTestId(h.undo).click();
  await expect(item(page, 5)).toHaveAttribute('data-active', 'false');
  await expect(item(page, 6)).toContainText('Undo step #5');
  await page.getByTestId(h.undo).click();
  await expect(item(page, 4)).toHaveAttribute('data-active', 'false');
  await page.getByTestId(h.redo).click();
  await expect(item(page, 4)).toHaveAttribute('data-active', 'true');
  await expect(item(page, 5)).toHaveAttribute('data-active', 'false');

  // Revert the trim from the middle: the later steps stay; reverting it again restores it.
  await item(page, 2).getByTestId(h.revert).click();
  await expect(item(page, 2)).toHaveAttribute('data-active', 'false');
  await expect(item(page, 2).getByTestId(h.revert)).toHaveText('Restore');
  await expect(item(page, 3)).toHaveAttribute('data-active', 'true');
  await item(page, 2).getByTestId(h.revert).click();
  await expect(item(page, 2)).toHaveAttribute('data-active', 'true');
  await item(page, 2).getByTestId(h.revert).click();
  await expect(item(page, 2)).toHaveAttribute('data-active', 'false');

  const csv = (await download(page, h.exportCsv)).split('\r\n');
  expect(csv.slice(0, 4)).toEqual([
    'name,age,city,note',
    'Ada,36, London,ok',
    `Grace,30,Paris,"'=1+1"`,
    `Linus,-3,Oslo,"'-5"`,
  ]);
  expect(csv).toHaveLength(1 + 19 + 1);

  const recipe = await download(page, h.exportRecipe);
  const steps = JSON.parse(recipe).steps as Array<{ column: string }>;
  expect(steps.map((s) => s.column)).toEqual(['age', 'city', 'age']);
  expect(await download(page, h.exportScript)).toContain("import * as dfd from 'danfojs';");

  // Replay on val.csv: no `note` column there, so a recipe with the note step reports it.
  await item(page, 5).getByTestId(h.revert).click(); // bring back "Trim spaces in note"
  await expect(item(page, 5)).toHaveAttribute('data-active', 'true');
  const recipePath = join(fixtureDir(), 'train-recipe.json');
  writeFileSync(recipePath, await download(page, h.exportRecipe));
  await openHistory(page, writeCsv('val.csv', VAL), 'val', 18, 3);
  await page.getByTestId(h.recipeInput).setInputFiles(recipePath);
  await expect(page.getByTestId(h.reportSummary)).toContainText('3 step(s) applied, 1 skipped');
  await expect(page.getByTestId(h.reportSkipped)).toContainText(
    'This dataset has no column “note”.',
  );
  await expect(page.getByTestId(h.reportApplied)).toHaveCount(3);
  await expect(page.getByTestId(h.item)).toHaveCount(3);
  const cleanedVal = (await download(page, h.exportCsv)).split('\r\n');
  expect(cleanedVal.slice(0, 3)).toEqual(['name,age,city', 'Zed,30,Oslo', 'Bo,41, Rome']);

  // Another schema: a clear report, nothing appended.
  const bad = join(fixtureDir(), 'bad.json');
  writeFileSync(bad, '{"format":"cleanroom-recipe","version":7}');
  await page.getByTestId(h.recipeInput).setInputFiles(bad);
  await expect(page.getByTestId(h.exportError)).toContainText('This recipe is version 7');
});

test('an operation made in one tab shows in the other without a reload, and survives one', async ({
  context,
}) => {
  const first = await context.newPage();
  await gotoApp(first);
  await openHistory(first, writeCsv('tabs.csv', TRAIN), 'tabs', 19, 4);
  const second = await context.newPage();
  await gotoApp(second);
  await openDataset(second, 'tabs');
  // The other tab's table refreshes its cached pages: row 1's age (-999) turns missing.
  await expect(cell(second, 1, 1)).toHaveText('-999');
  await addStep(first, 'age', 'Make a value missing', '-999');
  await expect(cell(second, 1, 1)).toHaveAttribute('data-missing', 'true');
  await second.getByTestId(h.tab).click();
  await expect(second.getByTestId(h.itemText)).toHaveText(['Make “-999” missing in “age”']);
  await addStep(first, 'city', 'Trim spaces');
  await expect(second.getByTestId(h.itemText)).toHaveText([
    'Trim spaces in “city”',
    'Make “-999” missing in “age”',
  ]);
  await second.getByTestId(h.undo).click();
  await expect(item(first, 2)).toHaveAttribute('data-active', 'false');

  await first.reload();
  await openDataset(first, 'tabs');
  await first.getByTestId(h.tab).click();
  await expect(first.getByTestId(h.itemText)).toHaveText([
    'Undo step #2',
    'Trim spaces in “city”',
    'Make “-999” missing in “age”',
  ]);
  await expect(item(first, 2)).toHaveAttribute('data-active', 'false');
  await expect(item(first, 1)).toHaveAttribute('data-active', 'true');
});
