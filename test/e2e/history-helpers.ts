/** Shared steps of the History & export specs: files, opening the tab, adding a column step. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir } from './fixtures';
import { expectListed, importFile, openDataset } from './helpers';
import { historyIds as h } from './selectors';

export const extra = Array.from(
  { length: 16 },
  (_, i) => `P${i},${20 + (i % 7)},${['Paris', 'Rome'][i % 2]},fine`,
);
/** Row 1 has a formula and the -999 sentinel; row 2 a negative age and a text cell "-5". */
export const TRAIN = [
  'name,age,city,note',
  'Ada,36, London,ok',
  'Grace,-999,Paris,=1+1',
  'Linus,-3,oslo,-5',
  ...extra,
];
/** The same columns but `note`; rows in another order. */
export const VAL = [
  'name,age,city',
  'Zed,-999,oslo',
  'Bo,41, Rome',
  ...extra.map((l) => l.replace(/,fine$/, '')),
];

/** Writes `lines` as a CSV file in the fixture dir. */
export function writeCsv(name: string, lines: string[]): string {
  const path = join(fixtureDir(), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Imports `file`, opens it and its History & export tab. */
export async function openHistory(
  page: Page,
  file: string,
  name: string,
  rows: number,
  columns: number,
) {
  await importFile(page, file);
  await expectListed(page, name, rows, columns);
  await openDataset(page, name);
  await page.getByTestId(h.tab).click();
  await expect(page.getByTestId(h.panel)).toBeVisible();
}

/** Adds one column step through the form and waits for it in the history. */
export async function addStep(
  page: Page,
  column: string,
  action: string,
  value?: string,
  to?: string,
) {
  const count = await page.getByTestId(h.item).count();
  await page.getByTestId(h.stepColumn).selectOption({ label: column });
  await page.getByTestId(h.stepKind).selectOption({ label: action });
  if (value !== undefined) await page.getByTestId(h.stepValue).fill(value);
  if (to !== undefined) await page.getByTestId(h.stepTo).fill(to);
  await page.getByTestId(h.stepApply).click();
  await expect(page.getByTestId(h.item)).toHaveCount(count + 1);
}

/** The history item of step `seq`. */
export const item = (page: Page, seq: number): Locator =>
  page.locator(`[data-testid="${h.item}"][data-seq="${seq}"]`);

/** Clicks `button` and returns the downloaded file's text. */
export async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(button).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}
