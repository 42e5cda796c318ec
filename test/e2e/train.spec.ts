/** Train, evaluate, gate and export a model in the browser (issue 4), on the penguins sample. */
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { gotoApp, openDataset, openSample } from './helpers';
import { trainIds as t } from './selectors';

/** Opens penguins' Train tab with target species and a small MLP. */
async function openTrain(page: Page, epochs: number, query = ''): Promise<void> {
  await gotoApp(page);
  if (query) await page.goto(`/${query}`);
  await openSample(page, 'penguins', 344, 8);
  await page.getByTestId(t.tab).click();
  await page.getByTestId(t.target).selectOption('species');
  await page.getByTestId(t.model).selectOption('mlp');
  await page.getByTestId(t.hidden).fill('8');
  await page.getByTestId(t.epochs).fill(String(epochs));
  await page.getByTestId(t.batch).fill('32');
}

test('train on penguins, see curves and metrics, pass a gate, reveal test, export the zip', async ({
  page,
}) => {
  await openTrain(page, 8);
  // Backends are listed once the worker has tried each; auto calibrates on this model's shape.
  await expect(page.getByTestId(t.backend).locator('option')).toHaveCount(5);
  await page.getByTestId(t.start).click();
  const used = page.getByTestId(t.backendUsed);
  await expect(used).toBeVisible({ timeout: 45_000 });
  await expect(used).toContainText('auto:');
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(await used.getAttribute('data-backend'));
  await expect(page.getByTestId(t.lossChart)).toHaveAttribute('data-points', /^[1-8]$/);
  await expect(page.getByTestId(t.metricChart).locator('canvas')).toHaveCount(1);

  const validation = page.locator(`[data-testid="${t.evaluation}"][data-split="validation"]`);
  const accuracy = validation.locator(`[data-testid="${t.metric}"][data-metric="accuracy"]`);
  await expect(accuracy).toContainText('95% CI');
  expect(Number(await accuracy.getAttribute('data-value'))).toBeGreaterThan(0.8);
  await expect(validation.getByTestId(t.confusion).locator('tbody tr')).toHaveCount(3);

  // Leaving the tab keeps the run (and its model in the worker) for reveal and export.
  await page.getByTestId('tab-table').click();
  await expect(used).toHaveCount(0);
  await page.getByTestId(t.tab).click();
  await expect(used).toBeVisible();

  // No gates until someone writes some: nothing fails, export is not "gates not passed".
  await expect(page.getByTestId(t.gatesInput)).toHaveValue('');
  await expect(page.getByTestId(t.gatesInput)).toHaveAttribute('placeholder', /accuracy >= /);
  await expect(page.getByTestId(t.gatesStatus)).toContainText('No gates set');
  await expect(page.getByTestId(t.gateRow)).toHaveCount(0);
  await expect(page.getByTestId(t.exportModel)).not.toContainText('not passed');
  await page.getByTestId(t.gatesInput).fill('accuracy >= 0.8; recall[*] >= 0.5');
  await expect(page.getByTestId(t.gatesStatus)).toHaveAttribute('data-pass', 'true');
  await expect(page.getByTestId(t.gateRow)).toHaveCount(2);
  await page.getByTestId(t.gatesInput).fill('accuracy >= 1.01');
  await expect(page.getByTestId(t.gatesStatus)).toHaveAttribute('data-pass', 'false');
  await page.getByTestId(t.gatesInput).fill('accuracy >= 0.8; recall[*] >= 0.5');
  await expect(page.getByTestId(t.gatesStatus)).toHaveAttribute('data-pass', 'true');

  await expect(page.getByTestId(t.revealCount)).toHaveAttribute('data-reveals', '0');
  await page.getByTestId(t.revealTest).click();
  await expect(page.getByTestId(t.revealCount)).toHaveAttribute('data-reveals', '1');
  // The runs table counts the reveal as the panel does ("1 of N"), without a reload.
  const panel = (await page.getByTestId(t.revealCount).textContent())!;
  const [, ofSupported] = /1 test reveal used of ([\d,]+|over 1,000,000) supported/.exec(panel)!;
  const runReveals = page.getByTestId(t.runReveals).first();
  await expect(runReveals).toHaveAttribute('data-reveals', '1');
  await expect(runReveals).toContainText(`1 of ${ofSupported} reveals used`);
  expect(panel).not.toMatch(/e\+\d/);
  await expect(page.locator(`[data-testid="${t.evaluation}"][data-split="test"]`)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(t.exportModel).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  for (const name of ['model.json', 'weights.bin', 'preprocessing.json', 'model-card.md'])
    expect(Object.keys(files)).toContain(name);
  const modelJson = JSON.parse(strFromU8(files['model.json'])) as { modelTopology?: unknown };
  expect(modelJson.modelTopology).toBeTruthy();
  expect(files['weights.bin'].byteLength).toBeGreaterThan(0);
  const card = JSON.parse(strFromU8(files['model-card.json'])) as {
    gates: { pass: boolean } | null;
    testReveals: { reveals: unknown[] };
  };
  expect(card.gates?.pass).toBe(true);
  expect(card.testReveals.reveals).toHaveLength(1);

  // The bundle is kept in IndexedDB with its run and downloads again from the runs list.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(t.runDownload).click(),
  ]);
  expect(again.suggestedFilename()).toBe(download.suggestedFilename());

  // The exported zip scores the dataset in the browser: predictions CSV and a drift summary.
  const zipPath = await download.path();
  const [predictions] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(t.predictModelInput).setInputFiles({
      name: 'model.zip',
      mimeType: 'application/zip',
      buffer: await readFile(zipPath),
    }),
  ]);
  await expect(page.getByTestId(t.predictResult)).toHaveAttribute('data-rows', '344');
  await expect(page.getByTestId(t.driftSummary)).toHaveAttribute('data-retrain', 'false');
  const csv = (await readFile(await predictions.path(), 'utf8')).trim().split('\n');
  expect(csv[0]).toBe('row,predicted_species,p_Adelie,p_Chinstrap,p_Gentoo');
  expect(csv).toHaveLength(345);
  // Rows are numbered from 0, as in the table.
  expect(csv[1]).toMatch(/^0,/);
  expect(csv[344]).toMatch(/^343,/);

  // The run is stored; a second run leaves as many tensors alive as the first (no leak).
  await expect(page.getByTestId(t.runItem)).toHaveCount(1);
  const first = await page.getByTestId(t.backendUsed).getAttribute('data-tensors');
  await page.getByTestId(t.backend).selectOption('wasm');
  await page.getByTestId(t.start).click();
  await expect(page.getByTestId(t.runItem)).toHaveCount(2, { timeout: 45_000 });
  await expect(page.getByTestId(t.backendUsed)).toHaveAttribute('data-tensors', first!);
  expect(first).toMatch(/^(\d+)\/\1$/);

  await page.getByTestId(t.runCompare).nth(0).check();
  await page.getByTestId(t.runCompare).nth(1).check();
  await expect(page.getByTestId(t.runsCompare)).toContainText('accuracy');
});

test('a numeric target trains a regression with RMSE, MAE and R²', async ({ page }) => {
  await openTrain(page, 3);
  await page.getByTestId(t.target).selectOption('body_mass_g');
  await page.getByTestId(t.task).selectOption('regression');
  await page.getByTestId(t.backend).selectOption('wasm');
  await page.getByTestId(t.start).click();
  const validation = page.locator(`[data-testid="${t.evaluation}"][data-split="validation"]`);
  for (const name of ['rmse', 'mae', 'r2'])
    await expect(validation.locator(`[data-metric="${name}"]`)).toContainText('95% CI', {
      timeout: 30_000,
    });
  await expect(page.getByTestId(t.metricChart)).toBeVisible();
});

test('an explicit webgpu run trains on the (software) adapter', async ({ page }) => {
  await openTrain(page, 2);
  const hasGpu = await page.evaluate(() => 'gpu' in navigator);
  test.skip(!hasGpu, 'navigator.gpu is absent in this Chromium (no WebGPU at all)');
  const option = page.getByTestId(t.backend).locator('option[value="webgpu"]');
  await expect(option).toHaveAttribute('data-available', /true|false/);
  test.skip(
    (await option.getAttribute('data-available')) !== 'true',
    'navigator.gpu exists but no WebGPU adapter starts in this worker',
  );
  await page.getByTestId(t.backend).selectOption('webgpu');
  await page.getByTestId(t.start).click();
  const used = page.getByTestId(t.backendUsed);
  await expect(used).toHaveAttribute('data-backend', 'webgpu', { timeout: 45_000 });
  await expect(page.getByTestId(t.lossChart)).toHaveAttribute('data-points', '2');
});

test('random search trains each trial, keeps the best by validation loss, and stores every run', async ({
  page,
}) => {
  await openTrain(page, 3);
  await page.getByTestId(t.backend).selectOption('wasm');
  await page.getByTestId(t.searchTrials).fill('3');
  await page.getByTestId(t.searchStart).click();
  await expect(page.getByTestId(t.searchTrial)).toHaveCount(3, { timeout: 45_000 });
  await expect(page.getByTestId(t.backendUsed)).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId(t.searchTrial).filter({ hasText: '★' })).toHaveCount(1);
  await expect(page.getByTestId(t.runItem)).toHaveCount(3);
});

test('cancel stops a running training between epochs', async ({ page }) => {
  await openTrain(page, 50);
  // Batch size 1: about a second per epoch, so the run is surely still going when cancelled.
  await page.getByTestId(t.batch).fill('1');
  await page.getByTestId(t.backend).selectOption('wasm');
  await page.getByTestId(t.start).click();
  await expect(page.getByTestId(t.lossChart)).toHaveAttribute('data-points', /^[1-9]/, {
    timeout: 30_000,
  });
  await page.getByTestId(t.cancel).click();
  await expect(page.getByTestId(t.error)).toHaveText('Training cancelled.');
  await expect(page.getByTestId(t.progress)).toHaveCount(0);
  await expect(page.getByTestId(t.start)).toBeEnabled();
});

test('a lost WebGPU device falls back to WASM and resumes after the last finished epoch', async ({
  page,
}) => {
  await openTrain(page, 3, '?loseDeviceAfterEpoch=1');
  const option = page.getByTestId(t.backend).locator('option[value="webgpu"]');
  await expect(option).toHaveAttribute('data-available', /true|false/);
  test.skip(
    (await option.getAttribute('data-available')) !== 'true',
    'no WebGPU adapter starts in this worker',
  );
  await page.getByTestId(t.backend).selectOption('webgpu');
  await page.getByTestId(t.start).click();
  const used = page.getByTestId(t.backendUsed);
  await expect(used).toHaveAttribute('data-backend', 'wasm', { timeout: 45_000 });
  await expect(used).toContainText('webgpu failed after epoch 1');
  await expect(used).toContainText('continued on wasm from epoch 2');
  // The badge names where the run ended, as its record does, not the backend it started on.
  await expect(page.getByTestId('compute-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId(t.lossChart)).toHaveAttribute('data-points', '3');
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('training on WASM works without network (binaries are same-origin and precached)', async ({
    page,
    context,
  }) => {
    await gotoApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!(await controlled())) await page.reload();
    await expect.poll(controlled).toBe(true);
    await openSample(page, 'penguins', 344, 8);
    await context.setOffline(true);
    try {
      await page.reload();
      await openDataset(page, 'penguins');
      await page.getByTestId(t.tab).click();
      await page.getByTestId(t.target).selectOption('species');
      await page.getByTestId(t.epochs).fill('2');
      await page.getByTestId(t.backend).selectOption('wasm');
      await page.getByTestId(t.start).click();
      await expect(page.getByTestId(t.backendUsed)).toHaveAttribute('data-backend', 'wasm', {
        timeout: 30_000,
      });
    } finally {
      await context.setOffline(false);
    }
  });
});

test('Train pressed at once, while the worker still probes its backends, trains normally', async ({
  page,
}) => {
  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);
  await page.getByTestId(t.tab).click();
  await page.getByTestId(t.target).selectOption('species');
  await page.getByTestId(t.epochs).fill('2');
  // No wait for the backend list: the click races the worker's probe of webgpu/webgl/wasm/cpu.
  await page.getByTestId(t.start).click();
  await expect(page.getByTestId(t.backendUsed)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId(t.error)).toHaveCount(0);
});

test('the compute badge names the backend the run record names, also after a reload', async ({
  page,
}) => {
  await openTrain(page, 2);
  const badge = page.getByTestId('compute-backend');
  // A fresh profile has no run and no calibration: the badge does not guess.
  await expect(badge).toHaveText('Compute: chosen per run');
  // cpu: a backend no page-load measurement would pick, so only the run record can name it.
  await page.getByTestId(t.backend).selectOption('cpu');
  await page.getByTestId(t.start).click();
  const used = page.getByTestId(t.backendUsed);
  await expect(used).toHaveAttribute('data-backend', 'cpu', { timeout: 45_000 });
  await expect(badge).toHaveAttribute('data-backend', 'cpu');
  await expect(badge).toHaveAttribute('data-source', 'run');
  await expect(badge).toHaveText('Compute: cpu');
  // After a reload the badge reads the stored run record.
  await page.reload();
  await expect(badge).toHaveText('Compute: cpu');
  await expect(badge).toHaveAttribute('data-source', 'run');
});
