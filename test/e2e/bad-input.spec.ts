/**
 * Files users really have: each bad input gets one test asserting what the user sees. Refused
 * files → an error banner with a clear sentence and nothing listed; the rest → imported, listed
 * with the right counts, with a warning (warning-item data-code) where one is due.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import * as fixtures from './fixtures';
import {
  cell,
  datasetItems,
  expectListed,
  expectNoChunks,
  gotoApp,
  headers,
  importFile,
  openDataset,
  openSample,
} from './helpers';
import { ids } from './selectors';

type WarningCode =
  | 'ragged-rows'
  | 'unterminated-quote'
  | 'renamed-headers'
  | 'encoding-fallback'
  | 'blank-lines'
  | 'no-header'
  | 'large-field'
  | 'type-revised';

/** Imports `path`, waits for `name` to be listed with these counts, opens it. */
async function importAndOpen(page: Page, path: string, name: string, rows: number, cols: number) {
  await gotoApp(page);
  await importFile(page, path);
  await expectListed(page, name, rows, cols);
  await openDataset(page, name);
  await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
}

async function expectWarning(page: Page, code: WarningCode) {
  const item = page.locator(`[data-testid="${ids.warningItem}"][data-code="${code}"]`);
  await expect(item).toBeVisible();
  await expect(item).not.toBeEmpty();
}

async function expectRefused(page: Page, path: string, message: RegExp, waitMs = 15_000) {
  await gotoApp(page);
  await importFile(page, path);
  const banner = page.getByTestId(ids.errorBanner);
  await expect(banner).toBeVisible({ timeout: waitMs });
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText(message);
  await expect(page.getByTestId(ids.importProgress)).toHaveCount(0);
  await expect(datasetItems(page)).toHaveCount(0);
  await expectNoChunks(page);
}

test.describe('refused files', () => {
  test('an empty file', async ({ page }) => {
    await expectRefused(page, fixtures.writeEmpty(), /empty/i);
    // The app keeps working: the banner closes and a sample imports.
    await page.getByTestId(ids.errorDismiss).click();
    await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
    await openSample(page, 'penguins', 344, 8);
  });

  test('a header and no rows', async ({ page }) => {
    await expectRefused(page, fixtures.writeHeaderOnly(), /header|no (data )?rows/i);
  });

  test('a PNG named .csv', async ({ page }) => {
    await expectRefused(page, fixtures.writePngAsCsv(), /not (a )?(csv|text)|binary|image|png/i);
  });
});

test.describe('imported with care', () => {
  test('ragged rows', async ({ page }) => {
    // The header decides the columns: short rows are padded, the long row's extra field dropped.
    await importAndOpen(page, fixtures.writeRagged(), 'ragged', 10, 4);
    await expectWarning(page, 'ragged-rows');
    await expect(cell(page, 1, 3)).toHaveAttribute('data-missing', /.*/);
  });

  test('an unterminated quote at the end', async ({ page }) => {
    // The open field runs to the end of the file: row 5 keeps it (text, newline included).
    await importAndOpen(page, fixtures.writeUnterminatedQuote(), 'unterminated-quote', 6, 2);
    await expectWarning(page, 'unterminated-quote');
    await expect(cell(page, 5, 1)).toContainText('this quote never closes');
  });

  test('one 5 MB field', async ({ page }) => {
    await importAndOpen(page, fixtures.writeLargeField(), 'large-field', 3, 3);
    await expectWarning(page, 'large-field');
    await expect(cell(page, 2, 0)).toHaveText('2');
    await expect(cell(page, 1, 1)).toContainText('xxxxxxxx');
  });

  test('2,000 columns', async ({ page }) => {
    await importAndOpen(page, fixtures.writeWideColumns(), 'wide-2000-columns', 20, 2000);
    const shown = await headers(page);
    expect(shown[0].name).toBe('c0');
    // Columns are virtualised too: far fewer header cells than columns.
    expect(shown.length).toBeLessThan(200);
    await expect(cell(page, 3, 2)).toHaveText('5');
  });

  test('duplicate and empty header names', async ({ page }) => {
    await importAndOpen(page, fixtures.writeDuplicateHeaders(), 'duplicate-headers', 3, 5);
    await expectWarning(page, 'renamed-headers');
    expect((await headers(page)).map((h) => h.name)).toEqual([
      'a',
      'a_2',
      'column_3',
      'b',
      'column_5',
    ]);
    await expect(cell(page, 2, 4)).toHaveText('15');
  });

  test('__proto__ and constructor as headers', async ({ page }) => {
    await importAndOpen(page, fixtures.writeProtoHeaders(), 'proto-headers', 3, 4);
    expect((await headers(page)).map((h) => h.name)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'value',
    ]);
    await expect(cell(page, 1, 0)).toHaveText('p1');
    await expect(cell(page, 1, 1)).toHaveText('c1');
    await expect(cell(page, 2, 2)).toHaveText('t2');
    // Nothing leaked onto Object.prototype in the page.
    const prototypeIntact = await page.evaluate(() => {
      const probe: Record<string, unknown> = {};
      return (
        Object.keys(Object.prototype).length === 0 &&
        Object.getPrototypeOf(probe) === Object.prototype &&
        probe.constructor === Object &&
        !('p0' in probe) &&
        !('value' in probe)
      );
    });
    expect(prototypeIntact).toBe(true);
  });

  test('CR-only line ends', async ({ page }) => {
    await importAndOpen(page, fixtures.writeCrOnly(), 'cr-only', 5, 3);
    await expect(cell(page, 0, 0)).toHaveText('1');
    await expect(cell(page, 4, 2)).toHaveText('15');
  });

  test('UTF-16 LE with a BOM', async ({ page }) => {
    await importAndOpen(page, fixtures.writeUtf16Le(), 'utf16le', 3, 2);
    expect((await headers(page)).map((h) => h.name)).toEqual(['name', 'city']);
    await expect(cell(page, 0, 0)).toHaveText('José');
    await expect(cell(page, 0, 1)).toHaveText('Zürich');
    await expect(cell(page, 1, 1)).toHaveText('北京');
    await expect(cell(page, 2, 1)).toHaveText('Łódź');
  });

  test('Latin-1 with accents', async ({ page }) => {
    await importAndOpen(page, fixtures.writeLatin1(), 'latin1', 3, 2);
    await expectWarning(page, 'encoding-fallback');
    await expect(cell(page, 0, 0)).toHaveText('café');
    await expect(cell(page, 1, 0)).toHaveText('naïve');
    await expect(cell(page, 2, 0)).toHaveText('Ålesund');
  });

  test('a trailing empty line', async ({ page }) => {
    await importAndOpen(page, fixtures.writeTrailingEmptyLine(), 'trailing-empty-line', 2, 2);
    await expect(cell(page, 1, 1)).toHaveText('4');
  });

  test('empty lines between rows', async ({ page }) => {
    await importAndOpen(page, fixtures.writeBlankLinesInside(), 'blank-lines', 4, 2);
    await expectWarning(page, 'blank-lines');
    await expect(cell(page, 3, 1)).toHaveText('8');
  });

  test('no header row', async ({ page }) => {
    await importAndOpen(page, fixtures.writeNoHeader(), 'no-header', 4, 3);
    await expectWarning(page, 'no-header');
    expect((await headers(page)).map((h) => h.name)).toEqual(['column_1', 'column_2', 'column_3']);
    await expect(cell(page, 0, 0)).toHaveText('1');
  });

  test('semicolons with decimal commas', async ({ page }) => {
    await importAndOpen(
      page,
      fixtures.writeSemicolonDecimalComma(),
      'semicolon-decimal-comma',
      3,
      3,
    );
    const shown = await headers(page);
    expect(shown.map((h) => h.name)).toEqual(['name', 'amount', 'count']);
    expect(shown[1].type).toBe('float');
    // Read as numbers (the column is float), shown as the file wrote them.
    await expect(cell(page, 0, 1)).toHaveText(/^\s*1\.234,5\s*$/);
    await expect(cell(page, 1, 1)).toHaveText(/^\s*2,25\s*$/);
    await expect(cell(page, 0, 2)).toHaveText('3');
  });
});

test('a full disk: the import fails cleanly and works again with room', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000);
  // ~5 MB of CSV is well over 1 MB of quota once stored as columns.
  const path = await fixtures.writeGeneratedCsv(
    join(fixtures.fixtureDir(), 'quota-50k.csv'),
    50_000,
    20,
    3,
  );
  const origin = new URL(baseURL!).origin;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000_000 });

  // The refusal comes when the last chunks are committed, after all 5 MB are read and encoded:
  // on a loaded 2-core machine that alone can take longer than the default wait.
  await expectRefused(page, path, /storage|quota|disk|space/i, 60_000);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByTestId(ids.errorDismiss).click();
  await importFile(page, path);
  await expectListed(page, 'quota-50k', 50_000, 20);
  await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
});
