/** Shared steps of the end-to-end specs, written against the data-testid contract in selectors.ts. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ids } from './selectors';

/** Opens the app and waits until it can take a file. */
export async function gotoApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId(ids.fileInput)).toBeAttached();
}

/** Every dataset in the list. */
export const datasetItems = (page: Page): Locator => page.getByTestId(ids.datasetItem);

/** The listed dataset whose open button reads `name` (the file name without .csv). */
export function datasetItem(page: Page, name: string): Locator {
  return datasetItems(page).filter({
    has: page.getByTestId(ids.datasetOpen).filter({ hasText: name }),
  });
}

/** Matches a count as the UI writes it: `2,000 columns` (also `2000` or `2 000`). */
export function countPattern(count: number, unit: 'rows' | 'columns'): RegExp {
  const digits = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '[,\u202f\u00a0 ]?');
  return new RegExp(`(^|\\D)${digits}\\s*${unit}`);
}

/** Picks `path` through the file input (Chromium reads it from disk). */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId(ids.fileInput).setInputFiles(path);
}

/** Waits until the import finished and `name` is listed with these row and column counts. */
export async function expectListed(
  page: Page,
  name: string,
  rows: number,
  columns: number,
): Promise<Locator> {
  await expect(page.getByTestId(ids.importProgress)).toHaveCount(0, { timeout: 45_000 });
  const item = datasetItem(page, name);
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(countPattern(rows, 'rows'));
  await expect(item).toContainText(countPattern(columns, 'columns'));
  return item;
}

/** Opens a listed dataset and waits for its table. */
export async function openDataset(page: Page, name: string): Promise<void> {
  await datasetItem(page, name).getByTestId(ids.datasetOpen).click();
  await expect(page.getByTestId(ids.datasetTitle)).toContainText(name);
  await expect(page.getByTestId(ids.tableView)).toBeVisible();
}

/** Imports a shipped sample by its button and waits until it is listed. */
export async function openSample(
  page: Page,
  id: string,
  rows: number,
  columns: number,
): Promise<void> {
  await page.getByTestId(ids.sample(id)).click();
  await expectListed(page, id, rows, columns);
  await openDataset(page, id);
}

/** The rendered table row for 0-based data row `row`. */
export const tableRow = (page: Page, row: number): Locator =>
  page.locator(`[data-testid="${ids.tableRow}"][data-row="${row}"]`);

/** A cell by data row and by position among the rendered columns (0 = first at scrollLeft 0). */
export const cell = (page: Page, row: number, column: number): Locator =>
  tableRow(page, row).getByTestId(ids.cell).nth(column);

/** Header cells as {name, type}: the text with the type label (if the header shows one) removed. */
export async function headers(page: Page): Promise<{ name: string; type: string }[]> {
  await expect(page.getByTestId(ids.columnHeader).first()).toBeVisible();
  return page.getByTestId(ids.columnHeader).evaluateAll((elements) =>
    elements.map((element) => {
      const type = element.getAttribute('data-type') ?? '';
      const text = (element.textContent ?? '').trim();
      const name = type && text.endsWith(type) ? text.slice(0, -type.length).trim() : text;
      return { name, type };
    }),
  );
}

/** data-row values currently in the DOM, ascending. */
export async function renderedRows(page: Page): Promise<number[]> {
  const values = await page
    .getByTestId(ids.tableRow)
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row'))));
  return values.sort((a, b) => a - b);
}

/** How many records the app's IndexedDB ('cleanroom') holds in its 'chunks' store. */
export async function storedChunkCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const known = await indexedDB.databases();
    if (!known.some((db) => db.name === 'cleanroom')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cleanroom');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('chunks')) {
        throw new Error(`no 'chunks' store; stores: ${[...db.objectStoreNames].join(', ')}`);
      }
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction('chunks', 'readonly').objectStore('chunks').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Waits until no chunk is left in IndexedDB (deletes and cancelled imports clean up async). */
export async function expectNoChunks(page: Page): Promise<void> {
  await expect.poll(() => storedChunkCount(page), { timeout: 20_000 }).toBe(0);
}
