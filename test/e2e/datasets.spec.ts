/** The main path: a sample in, listed, shown as a table, kept across reloads, deleted; and cancel. */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { fixtureDir, writeGeneratedCsv } from './fixtures';
import {
  datasetItem,
  datasetItems,
  expectListed,
  expectNoChunks,
  gotoApp,
  headers,
  importFile,
  openDataset,
  openSample,
  storedChunkCount,
  tableRow,
} from './helpers';
import { ids } from './selectors';

test('a sample is imported, listed, shown, kept across a reload and deleted', async ({ page }) => {
  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);

  const columns = await headers(page);
  expect(columns.map((c) => c.name)).toEqual([
    'species',
    'island',
    'bill_length_mm',
    'bill_depth_mm',
    'flipper_length_mm',
    'body_mass_g',
    'sex',
    'year',
  ]);
  const typeOf = Object.fromEntries(columns.map((c) => [c.name, c.type]));
  expect(typeOf).toMatchObject({
    species: 'categorical',
    island: 'categorical',
    bill_length_mm: 'float',
    body_mass_g: 'integer',
  });
  await expect(tableRow(page, 0)).toContainText('Adelie');
  await expect(tableRow(page, 0)).toContainText('39.1');
  expect(await storedChunkCount(page)).toBeGreaterThan(0);

  await page.reload();
  await expectListed(page, 'penguins', 344, 8);
  await openDataset(page, 'penguins');
  await expect(tableRow(page, 0)).toContainText('Torgersen');

  const item = datasetItem(page, 'penguins');
  await item.getByTestId(ids.datasetDelete).click();
  await page.getByTestId(ids.datasetDeleteConfirm).click();
  await expect(datasetItems(page)).toHaveCount(0);
  await expect(page.getByTestId(ids.tableView)).toHaveCount(0);
  await expectNoChunks(page);
  await page.reload();
  await expect(page.getByTestId(ids.fileInput)).toBeAttached();
  await expect(datasetItems(page)).toHaveCount(0);
});

test('an import shows progress and can be cancelled, leaving nothing behind', async ({ page }) => {
  // ~30 MB: long enough to cancel mid-way on a fast machine, short to write (under a second).
  const path = await writeGeneratedCsv(join(fixtureDir(), 'cancel-300k.csv'), 300_000, 20, 7);
  await gotoApp(page);
  await importFile(page, path);

  const progress = page.getByTestId(ids.importProgress);
  await expect(progress).toBeVisible();
  await expect(progress.locator('progress')).toBeAttached();
  await expect(page.getByTestId(ids.importProgressText)).toBeVisible();
  await page.getByTestId(ids.importCancel).click();

  await expect(progress).toHaveCount(0);
  await expect(datasetItems(page)).toHaveCount(0);
  await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
  await expectNoChunks(page);
  // Still nothing once the worker has had time to finish any write it had in flight.
  await page.reload();
  await expect(page.getByTestId(ids.fileInput)).toBeAttached();
  await expect(datasetItems(page)).toHaveCount(0);
  await expectNoChunks(page);
});

test('a tab closed mid-import leaves nothing behind once the app opens again', async ({
  context,
}) => {
  const path = await writeGeneratedCsv(join(fixtureDir(), 'closed-300k.csv'), 300_000, 20, 11);
  const first = await context.newPage();
  await gotoApp(first);
  await importFile(first, path);
  // Close only once chunks are being written, so there is something to clean up.
  await expect.poll(() => storedChunkCount(first), { timeout: 30_000 }).toBeGreaterThan(0);
  await first.close();

  const second = await context.newPage();
  await gotoApp(second);
  await expect(second.getByTestId(ids.fileInput)).toBeAttached();
  await expect(datasetItems(second)).toHaveCount(0);
  // The new tab's worker sweeps the abandoned import (its Web Lock died with the old tab).
  await expectNoChunks(second);
  await openSample(second, 'penguins', 344, 8);
});
