/**
 * History & export (issue 6): column steps through the UI, the history with undo, redo and a
 * revert from the middle, the cleaned CSV (formula cells neutralised, negative numbers kept),
 * and the recipe replayed on a second file with its report.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from './fixtures';
import { gotoApp } from './helpers';
import { addStep, download, item, openHistory, TRAIN, VAL, writeCsv } from './history-helpers';
import { historyIds as h } from './selectors';

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
  await expect(page.getByTestId(h.itemText)).toHaveText([
    'Replay the recipe from “train” (3 changes)',
  ]);
  const cleanedVal = (await download(page, h.exportCsv)).split('\r\n');
  expect(cleanedVal.slice(0, 3)).toEqual(['name,age,city', 'Zed,30,Oslo', 'Bo,41, Rome']);

  // Another schema: a clear report, nothing appended.
  const bad = join(fixtureDir(), 'bad.json');
  writeFileSync(bad, '{"format":"cleanroom-recipe","version":7}');
  await page.getByTestId(h.recipeInput).setInputFiles(bad);
  await expect(page.getByTestId(h.exportError)).toContainText('This recipe is version 7');
});
