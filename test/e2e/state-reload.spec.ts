/**
 * State that holds (issue 11): the target chosen on one tab is every tab's and survives a reload;
 * the ranking survives a reload (made again at once, with a note) and the Clean counters agree
 * with the history afterwards.
 */
import { expect, test, type Page } from '@playwright/test';
import { counter, openQueue } from './cleaning-steps';
import { gotoApp, openDataset, openSample } from './helpers';
import { analysisIds as a, cleanIds as c, trainIds as t } from './selectors';

/** Reloads the page and opens `name` again. */
async function reloadAndOpen(page: Page, name: string): Promise<void> {
  await page.reload();
  await gotoApp(page);
  await openDataset(page, name);
}

test('one target everywhere, kept across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);
  // Chosen on Profile: Train defaults to it (not to the last column, "year").
  await page.getByTestId(a.profileTab).click();
  await page.getByTestId(a.targetSelect).selectOption('island');
  await page.getByTestId(t.tab).click();
  await expect(page.getByTestId(t.target)).toHaveValue('island');
  // Chosen on Train: the other tabs follow.
  await page.getByTestId(t.target).selectOption('sex');
  await page.getByTestId(a.issuesTab).click();
  await expect(page.getByTestId(a.targetSelect)).toHaveValue('sex');

  await reloadAndOpen(page, 'penguins');
  await page.getByTestId(t.tab).click();
  await expect(page.getByTestId(t.target)).toHaveValue('sex');
  await page.getByTestId(a.profileTab).click();
  await expect(page.getByTestId(a.targetSelect)).toHaveValue('sex');
});

test('the ranking survives a reload and the Clean counters agree with the history', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openQueue(page);
  const card = page.getByTestId(c.card);
  // Three rows handled by key: an exclusion, an OK, and a relabel where a card offers one.
  for (const key of ['x', 'o', '1']) {
    const row = await card.getAttribute('data-row');
    if (key === '1') {
      while ((await page.getByTestId(c.classOption).count()) === 0) {
        await page.keyboard.press('j');
        await expect(card).toBeVisible();
      }
    }
    const at = await card.getAttribute('data-row');
    await page.keyboard.press(key);
    await expect(card).not.toHaveAttribute('data-row', at ?? row!);
  }
  const keys = ['reviewed', 'excluded', 'ok', 'relabelled', 'fixed'];
  const values = async () =>
    Object.fromEntries(
      await Promise.all(
        keys.map(async (k) => [k, await counter(page, k).getAttribute('data-value')] as const),
      ),
    );
  await expect(counter(page, 'reviewed')).toHaveAttribute('data-value', '3');
  const before = await values();
  expect(before).toMatchObject({ excluded: '1', ok: '1', relabelled: '1' });

  await reloadAndOpen(page, 'train');
  await page.getByTestId(c.tab).click();
  // Made again at once (no "rank first" panel to click through), and it says so.
  await expect(page.getByTestId(c.rankingRemade).first()).toContainText('made again', {
    timeout: 120_000,
  });
  await expect(card).toBeVisible();
  await expect.poll(values).toEqual(before);
});
