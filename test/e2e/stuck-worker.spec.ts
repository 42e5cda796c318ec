/**
 * A data worker alive but stuck mid-import (an endless synchronous loop: its event loop never
 * frees again, as a job caught in a bug would be) must not leave the import hanging: the page
 * notices the missing heartbeat, stops the worker, says so, discards the half-stored import and
 * lets the user retry. The page's clock is Playwright's, so the minute of missed beats is skipped
 * rather than waited for; the worker keeps real time.
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

test('a data worker stuck mid-import is noticed by its heartbeat, stopped, and the import can be retried', async ({
  page,
}) => {
  const path = await writeGeneratedCsv(join(fixtureDir(), 'stuck-300k.csv'), 300_000, 20, 5);
  await page.clock.install();
  await gotoApp(page);
  await importFile(page, path);
  await expect(page.getByTestId(ids.importProgress)).toBeVisible();
  // Stuck only once chunks are being written, so there is a half-made record to remove.
  await expect.poll(() => storedChunkCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const dataWorker = page.workers().find((w) => w.url().includes('data.worker'));
  expect(dataWorker, 'the data worker').toBeTruthy();
  // A test-only way in (Playwright evaluates in the worker); no file can make the worker do this.
  await dataWorker!.evaluate(() => {
    setTimeout(() => {
      for (;;);
    }, 0);
  });

  // Still importing as far as the page knows: a stuck worker posts nothing, not even an error.
  await expect(page.getByTestId(ids.importProgress)).toBeVisible();
  await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
  // Over a minute of the page's time without a beat, tick by tick.
  await page.clock.runFor(65_000);

  await expect(page.getByTestId(ids.errorBanner)).toContainText(
    'The background worker stopped responding and was stopped during the import of stuck-300k.csv, and the part it had stored was discarded',
  );
  await expect(page.getByTestId(ids.importProgress)).toHaveCount(0);
  await expect(datasetItems(page)).toHaveCount(0);
  await expectNoChunks(page);

  // A new import goes through on a fresh worker.
  const small = await writeGeneratedCsv(join(fixtureDir(), 'after-stuck.csv'), 2_000, 5, 6);
  await importFile(page, small);
  await expectListed(page, 'after-stuck', 2_000, 5);
});
