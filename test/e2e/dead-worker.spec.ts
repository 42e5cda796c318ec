/**
 * A data worker that dies mid-import (no error event: it closes itself, as a killed or
 * out-of-memory worker would) must not leave the progress bar frozen or block the next import:
 * the page notices through the worker's life lock, says what happened, discards the half-stored
 * import and lets the user retry.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { fixtureDir, writeGeneratedCsv } from './fixtures';
import {
  datasetItems,
  expectListed,
  expectNoChunks,
  gotoApp,
  importFile,
  storedChunkCount,
} from './helpers';
import { ids } from './selectors';

test('a data worker dying mid-import is noticed, cleaned up and the import can be retried', async ({
  page,
}) => {
  const path = await writeGeneratedCsv(join(fixtureDir(), 'dies-300k.csv'), 300_000, 20, 5);
  await gotoApp(page);
  await importFile(page, path);
  await expect(page.getByTestId(ids.importProgress)).toBeVisible();
  // Die only once chunks are being written, so there is a half-made record to remove.
  await expect.poll(() => storedChunkCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const dataWorker = page.workers().find((w) => w.url().includes('data.worker'));
  expect(dataWorker, 'the data worker').toBeTruthy();
  await dataWorker!.evaluate(() => setTimeout(() => self.close(), 0)).catch(() => undefined);

  await expect(page.getByTestId(ids.errorBanner)).toContainText(
    'The background worker stopped during the import of dies-300k.csv, and the part it had stored was discarded',
  );
  await expect(page.getByTestId(ids.importProgress)).toHaveCount(0);
  await expect(datasetItems(page)).toHaveCount(0);
  await expectNoChunks(page);

  // Not "already running": a new import goes through on a fresh worker.
  const small = await writeGeneratedCsv(join(fixtureDir(), 'after-death.csv'), 2_000, 5, 6);
  await importFile(page, small);
  await expectListed(page, 'after-death', 2_000, 5);
});
