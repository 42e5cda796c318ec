/** History across tabs and reloads (issue 6), and a history longer than one page. */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from './fixtures';
import { cell, gotoApp, openDataset } from './helpers';
import { addStep, item, openHistory, TRAIN, writeCsv } from './history-helpers';
import { historyIds as h } from './selectors';

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

test('a long history shows the newest 200 steps, older ones on demand', async ({ page }) => {
  const recipe = {
    format: 'cleanroom-recipe',
    version: 1,
    source: { name: 'handmade', fileName: 'handmade.csv', rows: 0 },
    schema: [{ name: 'city', type: 'categorical' }],
    fingerprint: { algorithm: 'cyrb64-length-prefixed', columns: ['city'] },
    steps: Array.from({ length: 250 }, () => ({
      column: 'city',
      kind: 'column-transform',
      transform: { kind: 'trim' },
    })),
  };
  const path = join(fixtureDir(), 'long-recipe.json');
  writeFileSync(path, JSON.stringify(recipe));
  await gotoApp(page);
  await openHistory(page, writeCsv('long.csv', TRAIN), 'long', 19, 4);
  await page.getByTestId(h.recipeInput).setInputFiles(path);
  await expect(page.getByTestId(h.reportSummary)).toContainText('250 step(s) applied, 0 skipped');
  await expect(page.getByTestId(h.reportNote)).toHaveCount(0);
  await expect(page.getByTestId(h.item)).toHaveCount(200);
  await expect(page.getByTestId(h.item).first()).toHaveAttribute('data-seq', '250');
  await page.getByTestId(h.more).click();
  await expect(page.getByTestId(h.item)).toHaveCount(250);
  await expect(page.getByTestId(h.more)).toHaveCount(0);
});
