/** UI steps of the Clean tab specs on the penguins-mixed bench case (committed under data/). */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { datasetItem, expectListed, gotoApp, importFile, openDataset } from './helpers';
import { analysisIds as a, cleanIds as c, priorityIds as p } from './selectors';

/** A file of the case. */
export const CASE = (name: string) =>
  fileURLToPath(new URL(`./data/penguins-mixed/${name}`, import.meta.url));

/** A value each column accepts, for edits typed through the UI. */
const EDIT_VALUE: Record<string, string> = {
  species: 'Adelie',
  island: 'Biscoe',
  sex: 'female',
};

/** Imports the case, ranks train against val on the Priority tab and opens the Clean tab. */
export async function openQueue(page: Page): Promise<string> {
  await gotoApp(page);
  await importFile(page, CASE('train.csv'));
  await expectListed(page, 'train', 206, 8);
  await importFile(page, CASE('val.csv'));
  await expectListed(page, 'val', 69, 8);
  await openDataset(page, 'train');
  await page.getByTestId(p.tab).click();
  await page.getByTestId(a.targetSelect).selectOption('species');
  const valOption = page.getByTestId(p.reference).locator('option', { hasText: 'val' });
  await page.getByTestId(p.reference).selectOption((await valOption.getAttribute('value'))!);
  await page.getByTestId(p.rank).click();
  await expect(page.getByTestId(p.summary)).toBeVisible({ timeout: 90_000 });
  await page.getByTestId(c.tab).click();
  await expect(page.getByTestId(c.card)).toBeVisible();
  return (await datasetItem(page, 'train').getAttribute('data-dataset-id'))!;
}

/** Handles the current card with one action, by mouse or by key; returns the row handled. */
export async function fixOne(page: Page, i: number): Promise<number> {
  const card = page.getByTestId(c.card);
  const row = Number(await card.getAttribute('data-row'));
  const kind = await card.getAttribute('data-kind');
  const byKey = i % 2 === 1;
  if (i === 6) {
    // An edit typed in the inline editor: `e` focuses it on the flagged cell.
    await page.keyboard.press('e');
    const input = page.getByTestId(c.editInput);
    await expect(input).toBeFocused();
    const column = await page
      .locator(`[data-testid="${c.value}"].flagged`)
      .getAttribute('data-column');
    await input.fill(EDIT_VALUE[column ?? 'species'] ?? '42');
    await input.press('Enter');
  } else if (await page.getByTestId(c.accept).isEnabled()) {
    if (byKey) await page.keyboard.press('a');
    else await page.getByTestId(c.accept).click();
  } else if (
    (kind === 'label' || kind === 'missing-target') &&
    (await page.getByTestId(c.classOption).count()) > 0
  ) {
    if (byKey) await page.keyboard.press('1');
    else await page.getByTestId(c.classOption).first().click();
  } else if (byKey) await page.keyboard.press(i % 4 === 1 ? 'x' : 'o');
  else await page.getByTestId(c.ok).click();
  // The handled row leaves the open queue; the next one takes its place.
  await expect(card).not.toHaveAttribute('data-row', String(row));
  return row;
}

/** A counter of the Clean tab by key (reviewed, fixed, excluded, skipped, …). */
export const counter = (page: Page, key: string) =>
  page.locator(`[data-testid="${c.counter}"][data-key="${key}"]`);
