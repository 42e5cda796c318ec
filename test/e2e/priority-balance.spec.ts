/**
 * Issue 10 in the app, on a clean imbalanced sample (data/imbalanced/clean.csv: 300 rows, 85%
 * "stayed" / 15% "left", no label noise; made by make.mjs beside it): the Priority summary shows
 * the flags per class against the class shares, and says so when the label flags are mostly the
 * minority class; no group relabel that takes more than 20 rows out of one class is offered
 * without an explicit confirmation (one that would leave a class without rows is refused), and
 * its preview shows the class balance before and after.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { storedLog } from './cleaning-expected';
import { datasetItem, expectListed, gotoApp, importFile, openDataset } from './helpers';
import { analysisIds as a, cleanIds as c, priorityIds as p } from './selectors';

const CSV = fileURLToPath(new URL('./data/imbalanced/clean.csv', import.meta.url));

/** Per class as the summary's table shows it: rows and label flags. */
async function classTable(page: Page) {
  const rows = page.getByTestId(p.classRow);
  const out: Record<string, { rows: number; labelFlags: number }> = {};
  for (const row of await rows.all())
    out[(await row.getAttribute('data-class'))!] = {
      rows: Number(await row.getAttribute('data-rows')),
      labelFlags: Number(await row.getByTestId(p.classLabelFlags).textContent()),
    };
  return out;
}

test('clean imbalanced sample: flags per class, and no group relabel without a confirmation', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await gotoApp(page);
  await importFile(page, CSV);
  await expectListed(page, 'clean', 300, 5);
  await openDataset(page, 'clean');
  const id = (await datasetItem(page, 'clean').getAttribute('data-dataset-id'))!;

  await page.getByTestId(p.tab).click();
  await page.getByTestId(a.targetSelect).selectOption('status');
  await page.getByTestId(p.rank).click();
  await expect(page.getByTestId(p.summary)).toBeVisible({ timeout: 90_000 });

  // The per-class table: every training row of each class, against the flags.
  await expect(page.getByTestId(p.classBalance)).toBeVisible();
  const table = await classTable(page);
  expect(table.stayed.rows).toBe(255);
  expect(table.left.rows).toBe(45);
  await expect(page.getByTestId(p.balancedStart)).toContainText('%');
  // The warning stands exactly when the label flags are mostly (≥ 70%) the minority class.
  const labelFlags = table.stayed.labelFlags + table.left.labelFlags;
  const minorityHeavy = labelFlags >= 5 && table.left.labelFlags >= 0.7 * labelFlags;
  const warning = page.getByTestId(p.balanceWarning).filter({ hasText: 'minority class' });
  if (minorityHeavy) {
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText('these may be a minority class, not mistakes');
    await expect(warning).toContainText('“left”, 15% of the training rows');
  } else await expect(warning).toHaveCount(0);
  await expect(page.getByTestId(p.curve)).toContainText('balanced, our order');
  await page.screenshot({ path: testInfo.outputPath('priority-balance.png') });

  // The Clean tab: every open flagged row whose suggestion is a relabel offers its group only
  // with the class balance, and behind the confirmation when over 20 rows leave one class.
  await page.getByTestId(c.tab).click();
  const card = page.getByTestId(c.card);
  const bulk = page.getByTestId(c.bulk);
  let previewed = 0;
  let confirmed = 0;
  const open = Number(/of (\d+)/.exec((await page.getByTestId(c.position).textContent())!)![1]);
  for (let i = 0; i < Math.min(open, 60); i++) {
    await expect(page.getByTestId(c.position)).toContainText(`open row ${i + 1} of`);
    if ((await card.getAttribute('data-suggestion')) === 'relabel') {
      await page.getByTestId(c.bulkPreview).click();
      await expect(bulk).toBeVisible();
      await expect(page.getByTestId(c.bulkBalance)).toBeVisible();
      const before = await page
        .getByTestId(c.bulkBalance)
        .locator('tr[data-class]')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-before'))));
      expect(before.reduce((s, n) => s + n, 0)).toBe(300);
      const loss = Number(await bulk.getAttribute('data-largest-loss'));
      const after = await page
        .getByTestId(c.bulkBalance)
        .locator('tr[data-class]')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-after'))));
      if (after.some((n) => n === 0)) {
        // A group that would leave a class without rows is refused outright.
        await expect(page.getByTestId(c.bulkEmptied)).toContainText('with no rows');
        await expect(page.getByTestId(c.bulkConfirm)).toBeDisabled();
        await expect(page.getByTestId(c.bulkAck)).toHaveCount(0);
        if (confirmed === 0) await page.screenshot({ path: testInfo.outputPath('clean-bulk.png') });
        confirmed++;
      } else if (loss > 20) {
        await expect(page.getByTestId(c.bulkConfirm)).toBeDisabled();
        await page.getByTestId(c.bulkAck).check();
        await expect(page.getByTestId(c.bulkConfirm)).toBeEnabled();
        if (confirmed === 0) await page.screenshot({ path: testInfo.outputPath('clean-bulk.png') });
        confirmed++;
      } else {
        await expect(page.getByTestId(c.bulkAck)).toHaveCount(0);
      }
      await page.getByTestId(c.bulkCancel).click();
      await expect(bulk).toHaveCount(0);
      previewed++;
      // One group of each suggestion is enough: the rest of the queue shares it.
      if (previewed >= 2) break;
    }
    await page.keyboard.press('j');
  }
  testInfo.annotations.push({
    type: 'groups',
    description: `${previewed} relabel groups previewed, ${confirmed} refused or behind the confirmation`,
  });
  // Nothing was applied: every preview was cancelled.
  expect(await storedLog(page, id)).toEqual([]);
});
