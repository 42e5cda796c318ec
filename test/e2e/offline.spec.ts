/** Offline: once the service worker has the app, a reload without network still shows the data. */
import { expect, test } from '@playwright/test';
import { expectListed, gotoApp, openDataset, openSample, tableRow } from './helpers';
import { ids } from './selectors';

test.use({ serviceWorkers: 'allow' });

test('the app and a stored dataset open without network', async ({ page, context }) => {
  await gotoApp(page);
  // The app registers /sw.js in production builds; wait until it controls this page (it claims
  // clients on activation, but a reload is the sure way on a first visit). No clock of our own:
  // precaching every file takes as long as the machine needs (20 s was not enough under load);
  // that a worker was registered at all is checked first, so a missing one still fails clearly.
  await expect
    .poll(
      () =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined),
      {
        message: 'a service worker is registered (the app registers /sw.js in builds)',
      },
    )
    .toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    await page.reload();
    await expect(page.getByTestId(ids.fileInput)).toBeAttached();
  }
  await expect.poll(controlled, { message: 'the service worker controls the page' }).toBe(true);

  await openSample(page, 'penguins', 344, 8);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByTestId(ids.fileInput)).toBeAttached();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Served from the cache with COOP/COEP, so the page stays cross-origin isolated.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectListed(page, 'penguins', 344, 8);
    await openDataset(page, 'penguins');
    await expect(tableRow(page, 0)).toContainText('Adelie');
    await expect(page.getByTestId(ids.errorBanner)).toHaveCount(0);
  } finally {
    await context.setOffline(false);
  }
});
