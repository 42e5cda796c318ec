/**
 * Cases of the hostile-file corpus (test/hostile-corpus.ts) through the app: a file over the
 * import limits is refused with a clear banner and leaves nothing stored; mixed line ends and
 * stray NULs import with every row; a file with only the target column or too few rows per class
 * is refused by training with a message that says why.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileCases } from '../hostile-corpus';
import { fixtureDir } from './fixtures';
import {
  datasetItems,
  expectListed,
  expectNoChunks,
  gotoApp,
  importFile,
  openDataset,
} from './helpers';
import { ids, trainIds as t } from './selectors';

const cases = new Map(hostileCases().map((c) => [c.name, c]));

/** Writes corpus case `name` to a file named after it. */
function corpusFile(name: string): string {
  const path = join(fixtureDir(), `${name}.csv`);
  writeFileSync(path, cases.get(name)!.bytes);
  return path;
}

test('files over the import limits are refused with a banner and leave nothing behind', async ({
  page,
}) => {
  await gotoApp(page);
  for (const [name, text] of [
    ['one-line-17MB', 'line 1 is longer than 16,777,216 characters'],
    ['500KB-line-173013-columns', 'line 1 has more than 16,384 fields'],
  ]) {
    await importFile(page, corpusFile(name));
    await expect(page.getByTestId(ids.errorBanner)).toContainText(text);
    await expect(page.getByTestId(ids.importProgress)).toHaveCount(0);
    await expect(datasetItems(page)).toHaveCount(0);
    await expectNoChunks(page);
    await page.getByTestId(ids.errorDismiss).click();
  }
});

test('mixed line ends and stray NULs import every row', async ({ page }) => {
  await gotoApp(page);
  await importFile(page, corpusFile('mixed-crlf-lf-cr'));
  await expectListed(page, 'mixed-crlf-lf-cr', 200, 5);
  await importFile(page, corpusFile('few-nul-bytes'));
  await expectListed(page, 'few-nul-bytes', 120, 5);
});

test('training refuses a file with only the target column, saying why', async ({ page }) => {
  await gotoApp(page);
  await importFile(page, corpusFile('only-target-column'));
  await expectListed(page, 'only-target-column', 120, 1);
  await openDataset(page, 'only-target-column');
  await page.getByTestId(t.tab).click();
  await page.getByTestId(t.target).selectOption('label');
  await page.getByTestId(t.start).click();
  await expect(page.getByTestId(t.error)).toContainText(
    'Cannot train: the data has no column besides the target "label"',
  );
  await expect(page.getByTestId(t.backendUsed)).toHaveCount(0);
});
