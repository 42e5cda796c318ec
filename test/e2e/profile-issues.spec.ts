/**
 * Profile and Issues tabs (issue 3) on the credit sample: detector tallies, flagged rows with
 * reasons, filters; column cards with uPlot charts and explained alerts; cancelling detection.
 */
import { expect, test, type Page } from '@playwright/test';
import { XSS_IMG, XSS_SCRIPT, writeXss } from './fixtures';
import { expectListed, gotoApp, importFile, openDataset, openSample } from './helpers';
import { addStep } from './history-helpers';
import { analysisIds as a, historyIds as h } from './selectors';

/** Chooses `name` (or '' for none) in the shared target picker. */
async function chooseTarget(page: Page, name: string): Promise<void> {
  await page.getByTestId(a.targetSelect).selectOption(name);
}

/** Waits until detection has finished and its summary is shown. */
async function detectionDone(page: Page): Promise<void> {
  await expect(page.getByTestId(a.issuesProgress)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId(a.issuesSummary)).toBeVisible();
}

/** The findings total from the range text ("1–50 of 1,234"), 0 when none match. */
async function findingsTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId(a.issuesRange).textContent()) ?? '';
  const match = /of ([\d,]+)/.exec(text);
  return match ? Number(match[1].replaceAll(',', '')) : 0;
}

/** data-detector of every listed finding. */
const listedDetectors = (page: Page) =>
  page.getByTestId(a.issueRow).evaluateAll((rows) => rows.map((r) => r.dataset.detector));

const detectorRow = (page: Page, name: string) =>
  page.locator(`[data-testid="${a.issuesDetector}"][data-detector="${name}"]`);

test('issues by detector, then profile cards with charts and alerts', async ({ page }) => {
  await gotoApp(page);
  await openSample(page, 'credit', 4454, 14);

  // No target yet: every detector runs; the label detector explains that it needs one.
  await page.getByTestId(a.issuesTab).click();
  await detectionDone(page);
  await expect(detectorRow(page, 'missing')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  await expect(detectorRow(page, 'outlier')).toHaveAttribute('data-count', /^[1-9]\d*$/);
  await expect(detectorRow(page, 'label').getByTestId(a.issuesDetectorNote)).toContainText(
    'target',
  );
  await expect(detectorRow(page, 'missing').getByTestId(a.issuesDetectorShare)).toContainText('%');
  await expect(page.getByTestId(a.issueRow).first()).toBeVisible();
  await expect(page.getByTestId(a.issueReason).first()).not.toBeEmpty();
  await expect(page.getByTestId(a.issueFix).first()).not.toBeEmpty();
  const all = await findingsTotal(page);
  expect(all).toBeGreaterThan(50);
  expect(new Set(await listedDetectors(page)).size).toBeGreaterThan(0);

  // Filtering by a detector narrows the list to its findings.
  await page.getByTestId(a.issuesFilterDetector).selectOption('outlier');
  await expect(page.getByTestId(a.issuesRange)).not.toContainText(
    `of ${all.toLocaleString('en-US')}`,
  );
  const outliers = await findingsTotal(page);
  expect(outliers).toBeGreaterThan(0);
  expect(outliers).toBeLessThan(all);
  expect(new Set(await listedDetectors(page))).toEqual(new Set(['outlier']));
  // … and by a column within it.
  await page.getByTestId(a.issuesFilterDetector).selectOption('');
  // Options carry the column index: Income is credit's 10th column.
  await page.getByTestId(a.issuesFilterColumn).selectOption('9');
  await expect(page.getByTestId(a.issueRow).first()).toContainText('Income');
  expect(await findingsTotal(page)).toBeLessThan(all);

  // Profile: a card per column, each with a uPlot canvas; alerts explained in words.
  await page.getByTestId(a.profileTab).click();
  const cards = page.getByTestId(a.profileCard);
  await expect(cards).toHaveCount(14);
  await expect(page.getByTestId(a.profileChart)).toHaveCount(14);
  const income = page.locator(`[data-testid="${a.profileCard}"][data-column="Income"]`);
  await expect(income.locator('canvas').first()).toBeVisible();
  const home = page.locator(`[data-testid="${a.profileCard}"][data-column="Home"]`);
  await expect(home.locator('canvas').first()).toBeVisible();
  // Income is missing in about 8% of rows: over ydata-profiling's 1% threshold.
  const alert = income.locator(`[data-testid="${a.profileAlert}"][data-kind="missing"]`);
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId(a.profileAlertText)).toContainText(/missing in \d/);
  await expect(income).toContainText('IQR');
  await expect(page.getByTestId(a.profileDuplicates)).toContainText('duplicate rows');

  await chooseTarget(page, 'Status');
  await expect(page.getByTestId(a.profileAssociation)).toContainText('Seniority');
});

test('a running detection can be cancelled and run again', async ({ page }) => {
  await gotoApp(page);
  await openSample(page, 'credit', 4454, 14);
  await page.getByTestId(a.profileTab).click();
  await chooseTarget(page, 'Status');
  // With a target the label detector trains a model on 4,454 rows: seconds, long enough to cancel.
  await page.getByTestId(a.issuesTab).click();
  await expect(page.getByTestId(a.issuesProgressText)).toContainText('label', { timeout: 20_000 });
  await page.getByTestId(a.issuesCancel).click();
  await expect(page.getByTestId(a.issuesCancelled)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId(a.issuesProgress)).toHaveCount(0);

  // The worker comes back (a fresh one if the cancelled one had to be stopped).
  await page.getByTestId(a.issuesRun).click();
  await expect(page.getByTestId(a.issuesProgressText)).toContainText('detector', {
    timeout: 20_000,
  });
  await page.getByTestId(a.issuesCancel).click();
  await expect(page.getByTestId(a.issuesCancelled)).toBeVisible({ timeout: 10_000 });
});

test('findings from an older version say so until detection runs again', async ({ page }) => {
  await gotoApp(page);
  await openSample(page, 'credit', 4454, 14);
  await page.getByTestId(a.issuesTab).click();
  await detectionDone(page);
  await expect(page.getByTestId(a.issuesStale)).toHaveCount(0);

  // One step appended in the History tab: the kept findings now describe the version before it.
  await page.getByTestId(h.tab).click();
  await addStep(page, 'Home', 'Trim spaces');
  await page.getByTestId(a.issuesTab).click();
  await expect(page.getByTestId(a.issuesSummary)).toBeVisible();
  await expect(page.getByTestId(a.issuesStale)).toContainText('older version');
  await expect(page.getByTestId(a.issuesStale)).toContainText('one change');

  await page.getByTestId(a.issuesRun).click();
  await detectionDone(page);
  await expect(page.getByTestId(a.issuesStale)).toHaveCount(0);
});

test('markup in the file shows as text in the Profile and Issues tabs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await gotoApp(page);
  await importFile(page, writeXss());
  await expectListed(page, XSS_IMG, 2, 3);
  await openDataset(page, XSS_IMG);

  await page.getByTestId(a.profileTab).click();
  await expect(page.getByTestId(a.profileCard)).toHaveCount(3);
  await expect(page.getByTestId(a.profileCard).first()).toContainText(XSS_IMG);
  await chooseTarget(page, XSS_SCRIPT);
  await expect(page.getByTestId(a.profileAssociation)).toContainText(XSS_IMG);

  await page.getByTestId(a.issuesTab).click();
  await detectionDone(page);
  await expect(page.getByTestId(a.issuesDetector).first()).toBeVisible();

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])', { hasText: '__pwned' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
