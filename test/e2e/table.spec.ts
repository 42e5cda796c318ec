/** The virtual table: a large dataset scrolls to any row with few DOM rows; bad cells are marked. */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { fixtureDir, writeGeneratedCsv, writeUnparsedNumeric } from './fixtures';
import {
  cell,
  expectListed,
  gotoApp,
  importFile,
  openDataset,
  renderedRows,
  tableRow,
} from './helpers';
import { ids } from './selectors';

/** Rows in the DOM at once: a viewport plus overscan, never the dataset. */
const MAX_DOM_ROWS = 300;

test('200k rows scroll virtually to the bottom and the middle', async ({ page }) => {
  const rows = 200_000;
  const path = await writeGeneratedCsv(join(fixtureDir(), 'table-200k.csv'), rows, 20, 11);
  await gotoApp(page);
  await importFile(page, path);
  await expectListed(page, 'table-200k', rows, 20);
  await openDataset(page, 'table-200k');

  await expect(tableRow(page, 0)).toBeVisible();
  // Column 0 of the generated file is `id`, the 0-based row number: cell text = data-row.
  await expect(cell(page, 0, 0)).toHaveText('0');
  expect((await renderedRows(page)).length).toBeLessThanOrEqual(MAX_DOM_ROWS);

  const scroller = page.getByTestId(ids.tableScroller);
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(tableRow(page, rows - 1)).toBeVisible();
  await expect(cell(page, rows - 1, 0)).toHaveText(String(rows - 1));
  expect((await renderedRows(page)).length).toBeLessThanOrEqual(MAX_DOM_ROWS);
  await expect(tableRow(page, 0)).toHaveCount(0);

  await scroller.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  await expect
    .poll(async () => {
      const rendered = await renderedRows(page);
      return rendered.some((row) => Math.abs(row - rows / 2) < 100) && !rendered.includes(rows - 1);
    })
    .toBe(true);
  const middle = (await renderedRows(page)).find((row) => Math.abs(row - rows / 2) < 100)!;
  await expect(cell(page, middle, 0)).toHaveText(String(middle));
  expect((await renderedRows(page)).length).toBeLessThanOrEqual(MAX_DOM_ROWS);
});

test('cells that do not parse as the column type, and missing cells, are marked', async ({
  page,
}) => {
  await gotoApp(page);
  await importFile(page, writeUnparsedNumeric());
  await expectListed(page, 'unparsed-numeric', 50, 4);
  await openDataset(page, 'unparsed-numeric');

  // Row 7's `x` is 'abc' in an otherwise numeric column; row 9's `x` is empty.
  await expect(cell(page, 7, 1)).toHaveAttribute('data-unparsed', /.*/);
  await expect(cell(page, 7, 1)).toContainText('abc');
  await expect(cell(page, 8, 1)).not.toHaveAttribute('data-unparsed', /.*/);
  await expect(cell(page, 8, 1)).toContainText('12');
  await expect(cell(page, 9, 1)).toHaveAttribute('data-missing', /.*/);
  await expect(page.locator(`[data-testid="${ids.cell}"][data-unparsed]`)).toHaveCount(1);
  // A yes/no column keeps the file's spelling.
  await expect(cell(page, 0, 3)).toHaveText('Yes');
  await expect(cell(page, 1, 3)).toHaveText('No');
});
