/**
 * Nothing leaves the machine: every request the page, its workers and the service worker make
 * stays on the app's origin; the CSP says so too; and markup in a CSV is shown, never run.
 */
import { expect, test, type Request } from '@playwright/test';
import { join } from 'node:path';
import * as fixtures from './fixtures';
import {
  datasetItem,
  datasetItems,
  expectListed,
  gotoApp,
  importFile,
  openDataset,
  openSample,
} from './helpers';
import { ids } from './selectors';

// The service worker's own fetches (precaching) must stay local too.
test.use({ serviceWorkers: 'allow' });

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:']);

test('every request goes to the app origin only', async ({ page, context, baseURL }) => {
  const appOrigin = new URL(baseURL!).origin;
  const seen = new Map<string, string>();
  const record = (source: string) => (request: Request) => {
    seen.set(request.url(), `${source} ${request.resourceType()} ${request.method()}`);
  };
  // Context level covers every page, its dedicated workers and (in Chromium) service workers.
  context.on('request', record('context'));
  page.on('request', record('page'));
  page.on('websocket', (socket) => seen.set(socket.url(), 'page websocket'));
  context.on('serviceworker', (worker) => seen.set(worker.url(), 'service worker script'));

  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);
  await expect(page.getByTestId(ids.tableRow).first()).toBeVisible();
  await page.getByTestId(ids.tableScroller).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(page.locator(`[data-testid="${ids.tableRow}"][data-row="343"]`)).toBeVisible();

  const path = await fixtures.writeGeneratedCsv(
    join(fixtures.fixtureDir(), 'privacy-2k.csv'),
    2_000,
    20,
    5,
  );
  await importFile(page, path);
  await expectListed(page, 'privacy-2k', 2_000, 20);
  await openDataset(page, 'privacy-2k');

  await datasetItem(page, 'privacy-2k').getByTestId(ids.datasetDelete).click();
  await page.getByTestId(ids.datasetDeleteConfirm).click();
  await expect(datasetItem(page, 'privacy-2k')).toHaveCount(0);
  // Give late work (service-worker precache, prefetches) a moment to show itself.
  await page.waitForTimeout(1_000);

  expect(seen.size, 'the run made requests at all').toBeGreaterThan(0);
  const foreign = [...seen]
    .filter(([url]) => {
      const parsed = new URL(url);
      return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== appOrigin;
    })
    .map(([url, source]) => `${source}: ${url}`);
  expect(foreign, `requests that left ${appOrigin}`).toEqual([]);
});

test('the Content-Security-Policy limits connections to the app itself', async ({ page }) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
    .catch(() => null);
  const policies = [header, meta ?? ''].filter((policy) => policy.length > 0);
  expect(policies.length, 'a CSP header or meta tag').toBeGreaterThan(0);
  const connectSources = policies.map((policy) => {
    const directive = policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([name]) => name.toLowerCase() === 'connect-src');
    return directive ? directive.slice(1).join(' ') : null;
  });
  expect(connectSources).toContain("'self'");
});

test('markup in a CSV is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const name = fixtures.XSS_IMG;
  await gotoApp(page);
  await importFile(page, fixtures.writeXss());
  await expectListed(page, name, 2, 3);
  await openDataset(page, name);

  const headerTexts = await page.getByTestId(ids.columnHeader).allTextContents();
  expect(headerTexts[0]).toContain(fixtures.XSS_IMG);
  expect(headerTexts[1]).toContain(fixtures.XSS_SCRIPT);
  const row0 = page.locator(`[data-testid="${ids.tableRow}"][data-row="0"]`);
  const cells = await row0.getByTestId(ids.cell).allTextContents();
  expect(cells[0]).toContain(fixtures.XSS_IMG);
  expect(cells[1]).toContain(fixtures.XSS_SCRIPT);
  await expect(page.getByTestId(ids.datasetTitle)).toHaveText(name);
  await expect(datasetItems(page).first()).toContainText(name);

  await page.waitForTimeout(500);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])', { hasText: '__pwned' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
