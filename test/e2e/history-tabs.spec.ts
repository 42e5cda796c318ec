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
  await gotoApp(page);
  await openHistory(page, writeCsv('long.csv', TRAIN), 'long', 19, 4);
  // 250 steps written straight into the log, as 250 separate edits would leave it (a recipe
  // replay is one step, and 250 edits through the form would only slow the test down).
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cleanroom');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Array<{ id: string; name: string }>>((resolve) => {
      const request = db.transaction('datasets').objectStore('datasets').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const datasetId = all.find((d) => d.name === 'long')!.id;
    const tx = db.transaction('ops', 'readwrite');
    for (let seq = 1; seq <= 250; seq++)
      tx.objectStore('ops').put({
        datasetId,
        seq,
        at: Date.now(),
        op: { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
      });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await openDataset(page, 'long');
  await page.getByTestId(h.tab).click();
  await expect(page.getByTestId(h.item)).toHaveCount(200);
  await expect(page.getByTestId(h.item).first()).toHaveAttribute('data-seq', '250');
  await page.getByTestId(h.more).click();
  await expect(page.getByTestId(h.item)).toHaveCount(250);
  await expect(page.getByTestId(h.more)).toHaveCount(0);
});

test('a replayed recipe is one step of the history, and one Undo takes it back', async ({
  page,
}) => {
  const recipe = {
    format: 'cleanroom-recipe',
    version: 1,
    source: { name: 'handmade', fileName: 'handmade.csv', rows: 0 },
    schema: [{ name: 'city', type: 'categorical' }],
    fingerprint: { algorithm: 'cyrb64-length-prefixed', columns: ['city'] },
    steps: [
      { column: 'city', kind: 'column-transform', transform: { kind: 'trim' } },
      {
        column: 'city',
        kind: 'column-transform',
        transform: { kind: 'map-categories', mapping: [['oslo', 'Oslo']] },
      },
    ],
  };
  const path = join(fixtureDir(), 'two-step-recipe.json');
  writeFileSync(path, JSON.stringify(recipe));
  await gotoApp(page);
  await openHistory(page, writeCsv('replayed.csv', TRAIN), 'replayed', 19, 4);
  await page.getByTestId(h.recipeInput).setInputFiles(path);
  await expect(page.getByTestId(h.reportSummary)).toContainText('2 step(s) applied, 0 skipped');
  await expect(page.getByTestId(h.itemText)).toHaveText([
    'Replay the recipe from “handmade” (2 changes)',
  ]);
  await page.getByTestId(h.undo).click();
  await expect(item(page, 1)).toHaveAttribute('data-active', 'false');
});
