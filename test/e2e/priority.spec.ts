/**
 * The Priority tab (issue 5) on the penguins sample: rank against a held-out split (the UI says
 * no reviewed validation split is used), see the ranked queue and the cleaning curve; then rank
 * against an imported validation dataset and review one of its suggested rows.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { storedLog } from './cleaning-expected';
import { datasetItem, expectListed, gotoApp, importFile, openDataset, openSample } from './helpers';
import { analysisIds as a, priorityIds as p } from './selectors';

const VAL_CSV = fileURLToPath(new URL('./data/penguins-mixed/val.csv', import.meta.url));

/** Waits for a ranking to finish and its summary to show. */
async function rankDone(page: Page): Promise<void> {
  await expect(page.getByTestId(p.progress)).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByTestId(p.error)).toHaveCount(0);
  await expect(page.getByTestId(p.summary)).toBeVisible();
}

/** data-* of every queue row shown. */
const queueRows = (page: Page) =>
  page.getByTestId(p.queueRow).evaluateAll((rows) =>
    rows.map((r) => ({
      row: Number(r.getAttribute('data-row')),
      rank: Number(r.getAttribute('data-rank')),
      kind: r.getAttribute('data-kind'),
    })),
  );

test('priority view: held-out split, then a validation dataset', async ({ page }) => {
  test.setTimeout(240_000);
  await gotoApp(page);
  await importFile(page, VAL_CSV);
  await expectListed(page, 'val', 69, 8);
  await openSample(page, 'penguins', 344, 8);

  await page.getByTestId(p.tab).click();
  await expect(page.getByTestId(p.view)).toBeVisible();
  // No target yet: ranking waits for one.
  await expect(page.getByTestId(p.rank)).toBeDisabled();
  await page.getByTestId(a.targetSelect).selectOption('species');
  await expect(page.getByTestId(p.reference)).toHaveValue('held-out');
  await expect(page.getByTestId(p.heldOutNote)).toContainText('No reviewed validation split');

  // A ranking can be cancelled while it runs; nothing is shown from it.
  await page.getByTestId(p.rank).click();
  await page.getByTestId(p.cancel).click();
  await expect(page.getByTestId(p.cancelled)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(p.summary)).toHaveCount(0);

  await page.getByTestId(p.rank).click();
  await rankDone(page);
  const summary = page.getByTestId(p.summary);
  const rows = Number(await summary.getAttribute('data-rows'));
  const flagged = Number(await summary.getAttribute('data-flagged'));
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(344);
  expect(flagged).toBeGreaterThan(0);
  await expect(page.getByTestId(p.referenceText)).toContainText('held-out');
  await expect(page.getByTestId(p.referenceText)).toContainText('No reviewed validation split');

  // The queue: best first, ranks 0.. in order, every row a real data row.
  await expect(page.getByTestId(p.queueRow).first()).toBeVisible();
  const first = await queueRows(page);
  expect(first.map((r) => r.rank)).toEqual(first.map((_, i) => i));
  expect(first.every((r) => r.row >= 0 && r.row < 344)).toBe(true);
  await expect(page.getByTestId(p.queueRange)).toContainText(`of ${rows}`);
  await page.getByTestId(p.queueNext).click();
  await expect(page.getByTestId(p.queueRow).first()).toHaveAttribute('data-rank', '25');

  // The cleaning curve: a uPlot canvas with both lines over more than the start point.
  const curve = page.getByTestId(p.curve);
  await expect(curve.locator('canvas')).toBeVisible();
  expect(Number(await curve.getAttribute('data-points'))).toBeGreaterThan(1);
  await expect(curve).toContainText('our order');
  await expect(curve).toContainText('random order');

  // Filtered by the worker: label evidence only, then every kind again.
  await page.getByTestId(p.filterKind).selectOption('label');
  await expect(page.getByTestId(p.queueRange)).not.toContainText(`of ${rows}`);
  expect(new Set((await queueRows(page)).map((r) => r.kind))).toEqual(new Set(['label']));
  await page.getByTestId(p.filterOpen).check();
  await page.getByTestId(p.filterKind).selectOption('');
  await expect(page.getByTestId(p.queueRow).first()).toHaveAttribute('data-rank', '0');

  // Against the imported validation dataset: no held-out note, reviewed count, suggestions.
  const valOption = page.getByTestId(p.reference).locator('option', { hasText: 'val' });
  await page.getByTestId(p.reference).selectOption((await valOption.getAttribute('value'))!);
  await expect(page.getByTestId(p.heldOutNote)).toHaveCount(0);
  await page.getByTestId(p.rank).click();
  await rankDone(page);
  await expect(page.getByTestId(p.referenceText)).toContainText('“val”: 0 of 69 validation rows');
  const suggestions = page.getByTestId(p.validationItem);
  await expect(suggestions.first()).toBeVisible();
  await suggestions.first().getByTestId(p.validationOk).click();
  await rankDone(page);
  await expect(page.getByTestId(p.referenceText)).toContainText('“val”: 1 of 69 validation rows');
  await expect(page.getByTestId(p.queueRow).first()).toBeVisible();
});

test('reviewing validation rows logs on the validation dataset and survives a reload', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await gotoApp(page);
  await importFile(page, VAL_CSV);
  await expectListed(page, 'val', 69, 8);
  await openSample(page, 'penguins', 344, 8);
  const valId = (await datasetItem(page, 'val').getAttribute('data-dataset-id'))!;
  const ranked = (await datasetItem(page, 'penguins').getAttribute('data-dataset-id'))!;
  await page.getByTestId(p.tab).click();
  await page.getByTestId(a.targetSelect).selectOption('species');
  const valOption = page.getByTestId(p.reference).locator('option', { hasText: 'val' });
  await page.getByTestId(p.reference).selectOption((await valOption.getAttribute('value'))!);
  await page.getByTestId(p.rank).click();
  await rankDone(page);

  // Mark one suggested row OK, accept the suggested label of another.
  const items = page.getByTestId(p.validationItem);
  const okRow = Number(await items.first().getAttribute('data-row'));
  await items.first().getByTestId(p.validationOk).click();
  await expect(page.getByTestId(p.referenceText)).toContainText('1 of 69', { timeout: 90_000 });
  const withLabel = items.filter({
    has: page.getByTestId(p.validationAccept).and(page.locator(':enabled')),
  });
  const labelRow = Number(await withLabel.first().getAttribute('data-row'));
  await withLabel.first().getByTestId(p.validationAccept).click();
  await expect(page.getByTestId(p.referenceText)).toContainText('2 of 69', { timeout: 90_000 });
  const valLog = (await storedLog(page, valId)).map((e) => e.op);
  expect(valLog[0]).toEqual({ kind: 'mark-reviewed', row: okRow });
  expect(valLog[1]).toMatchObject({ kind: 'relabel', row: labelRow });
  expect(await storedLog(page, ranked)).toEqual([]);

  // After a reload the ranking starts afresh, and the reviewed rows are still reviewed.
  await page.reload();
  await openDataset(page, 'penguins');
  await page.getByTestId(p.tab).click();
  await page.getByTestId(a.targetSelect).selectOption('species');
  await page.getByTestId(p.reference).selectOption((await valOption.getAttribute('value'))!);
  await page.getByTestId(p.rank).click();
  await rankDone(page);
  await expect(page.getByTestId(p.referenceText)).toContainText('“val”: 2 of 69 validation rows');
  for (const row of [okRow, labelRow]) {
    await expect(
      page.locator(`[data-testid="${p.validationItem}"][data-row="${row}"]`),
    ).toHaveCount(0);
  }
});
