/**
 * The review queue (issue 6) on the public bench case penguins-mixed (label flips, unit errors,
 * missing cells; train.csv and val.csv built once with the bench's inject-noise.mjs and committed):
 * rank against val.csv, fix the top 20 through the UI with mouse and keyboard, undo two, revert
 * one from the middle in the History panel, export the cleaned CSV and compare it with the same
 * logged operations replayed by core code here, export the recipe and replay it on val.csv.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectedCleanedCsv, storedLog } from './cleaning-expected';
import { CASE, counter, fixOne, openQueue } from './cleaning-steps';
import { datasetItem, expectListed, gotoApp, importFile, openDataset } from './helpers';
import { analysisIds as a, cleanIds as c, historyIds as h, priorityIds as p } from './selectors';

test('review queue: top 20 fixed, two undone, one reverted, CSV and recipe exported', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const id = await openQueue(page);
  await expect(page.getByTestId(c.shortcuts)).toContainText('Shift+U');
  // Rows with evidence, the ones the review shows: at least the 20 fixed below, at most all open.
  const flaggedAt = async () =>
    Number(await counter(page, 'open-flagged').getAttribute('data-value'));
  const flaggedAtStart = await flaggedAt();
  expect(flaggedAtStart).toBeGreaterThanOrEqual(20);
  expect(flaggedAtStart).toBeLessThanOrEqual(
    Number(await counter(page, 'open').getAttribute('data-value')),
  );

  // A value that does not fit its column: an inline error, nothing stored.
  await page.locator(`[data-testid="${c.value}"][data-column="body_mass_g"]`).click();
  await page.getByTestId(c.editInput).fill('heavy');
  await page.getByTestId(c.editSave).click();
  await expect(page.getByTestId(c.editError)).toContainText('not a number');
  expect(await storedLog(page, id)).toEqual([]);
  await page.getByTestId(c.editInput).blur();

  // The top 20, mixing buttons and keys.
  const handled: number[] = [];
  for (let i = 0; i < 20; i++) {
    handled.push(await fixOne(page, i));
    await expect.poll(async () => (await storedLog(page, id)).length).toBe(i + 1);
  }
  expect(new Set(handled).size).toBe(20);
  await expect(counter(page, 'reviewed')).toHaveAttribute('data-value', /^(2\d|[3-9]\d|\d{3,})$/);
  // Each fix took a flagged row out of the open queue (a column fix may take more).
  await expect.poll(flaggedAt).toBeLessThanOrEqual(flaggedAtStart - 20);
  const fixes = await storedLog(page, id);
  // The sixth fix was typed in the inline editor.
  expect(fixes[6].op.kind).toBe('set-cell');
  expect(fixes.every((e) => e.op.kind !== 'revert')).toBe(true);

  // A group fix is previewed with the number of rows it changes, then cancelled.
  if (await page.getByTestId(c.bulkPreview).isEnabled()) {
    await page.keyboard.press('b');
    await expect(page.getByTestId(c.bulk)).toHaveAttribute('data-rows', /^[1-9]\d*$/);
    await page.getByTestId(c.bulkCancel).click();
    await expect(page.getByTestId(c.bulk)).toHaveCount(0);
  }

  // Undo two: one by key, one by button; each reverts the latest step still in effect.
  await page.keyboard.press('u');
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(21);
  await page.getByTestId(c.undo).click();
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(22);
  const afterUndo = await storedLog(page, id);
  expect(afterUndo.slice(20).map((e) => e.op)).toEqual([
    { kind: 'revert', target: 20, via: 'undo' },
    { kind: 'revert', target: 19, via: 'undo' },
  ]);

  // Revert step 10 from the middle in the History panel shown beside the queue.
  const step10 = page.locator(`[data-testid="${h.item}"][data-seq="10"]`);
  await step10.getByTestId(h.revert).click();
  await expect(step10).toHaveAttribute('data-active', 'false');
  const log = await storedLog(page, id);
  expect(log.at(-1)?.op).toEqual({ kind: 'revert', target: 10 });
  await expect(page.getByTestId(c.card)).toBeVisible();

  // The cleaned CSV equals the fixture with the same log replayed by core code.
  await page.getByTestId(h.tab).click();
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(h.exportCsv).click(),
  ]);
  const exported = readFileSync((await csvDownload.path())!, 'utf8');
  const expected = await expectedCleanedCsv(CASE('train.csv'), log);
  expect(exported).toBe(expected);
  expect(exported).not.toBe(await expectedCleanedCsv(CASE('train.csv'), []));

  // The recipe replays on val.csv with a report of what applied and what did not.
  const [recipeDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(h.exportRecipe).click(),
  ]);
  const recipePath = (await recipeDownload.path())!;
  const recipe = JSON.parse(readFileSync(recipePath, 'utf8')) as { steps: unknown[] };
  expect(recipe.steps.length).toBeGreaterThan(0);
  await openDataset(page, 'val');
  await page.getByTestId(h.tab).click();
  await page.getByTestId(h.recipeInput).setInputFiles({
    name: 'train-recipe.json',
    mimeType: 'application/json',
    buffer: readFileSync(recipePath),
  });
  await expect(page.getByTestId(h.report)).toBeVisible();
  await expect(page.getByTestId(h.reportSummary)).not.toBeEmpty();
  const applied = await page.getByTestId(h.reportApplied).count();
  const skipped = await page.getByTestId(h.reportSkipped).count();
  expect(applied + skipped).toBe(recipe.steps.length);
});

test('review queue: skip and move, a group fix after its preview, table mode, retrain', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const id = await openQueue(page);
  const card = page.getByTestId(c.card);

  // j / k move between open rows without logging anything; s skips (no operation either).
  const first = await card.getAttribute('data-row');
  await page.keyboard.press('j');
  await expect(card).not.toHaveAttribute('data-row', first!);
  await expect(page.getByTestId(c.position)).toContainText('open row 2 of');
  await page.keyboard.press('k');
  await expect(card).toHaveAttribute('data-row', first!);
  await page.keyboard.press('s');
  await expect(card).not.toHaveAttribute('data-row', first!);
  await expect(counter(page, 'skipped')).toHaveAttribute('data-value', '1');
  expect(await storedLog(page, id)).toEqual([]);

  // A group fix: the preview says how many rows change; confirming logs ONE step of the history
  // (a batch of the rows' fixes, or one column-wide step), listed on one line.
  while (!(await page.getByTestId(c.bulkPreview).isEnabled())) await page.keyboard.press('j');
  await page.getByTestId(c.bulkPreview).click();
  const bulk = page.getByTestId(c.bulk);
  await expect(bulk).toHaveAttribute('data-rows', /^[1-9]\d*$/);
  const rows = Number(await bulk.getAttribute('data-rows'));
  await page.getByTestId(c.bulkConfirm).click();
  await expect(bulk).toHaveCount(0);
  await expect(page.getByTestId(c.last)).toContainText(`Fixed ${rows} rows`);
  const [step, ...more] = await storedLog(page, id);
  expect(more).toEqual([]);
  const history = page.getByTestId(h.item);
  await expect(history).toHaveCount(1);
  if (step.op.kind === 'batch') {
    expect(new Set(step.op.ops.map((op) => ('row' in op ? op.row : -1))).size).toBe(rows);
    await expect(history.getByTestId(h.itemText)).toContainText(`on ${rows} rows`);
  } else {
    expect(rows === 1 || step.op.kind === 'column-transform').toBe(true);
  }
  // Every fixed row counts as reviewed, besides the skipped one.
  const reviewed = counter(page, 'reviewed');
  await expect
    .poll(async () => Number(await reviewed.getAttribute('data-value')))
    .toBeGreaterThan(rows);
  const reviewedAfterFix = (await reviewed.getAttribute('data-value'))!;

  // One Undo takes the whole group back; one Redo brings it all back.
  await page.keyboard.press('u');
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(2);
  expect((await storedLog(page, id))[1].op).toEqual({ kind: 'revert', target: 1, via: 'undo' });
  await expect(reviewed).toHaveAttribute('data-value', '1');
  await expect(history).toHaveCount(2);
  await expect(history.and(page.locator('[data-seq="1"]'))).toHaveAttribute('data-active', 'false');
  await page.keyboard.press('Shift+U');
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(3);
  await expect(reviewed).toHaveAttribute('data-value', reviewedAfterFix);
  await expect(history.and(page.locator('[data-seq="1"]'))).toHaveAttribute('data-active', 'true');
  const logged = await storedLog(page, id);

  // Table mode: accept from a row of the table, then open a row as a card.
  await page.getByTestId(c.modeTable).click();
  const tableRow = page.getByTestId(c.tableRow).first();
  await expect(tableRow).toBeVisible();
  await tableRow.getByRole('button', { name: 'OK' }).click();
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(logged.length + 1);
  const opened = await page.getByTestId(c.tableRow).first().getAttribute('data-row');
  await page.getByTestId(c.tableOpen).first().click();
  await expect(card).toHaveAttribute('data-row', opened!);

  // Retrain now: a run on the current version; a second run is compared with the first.
  await page.getByTestId(c.retrain).click();
  const result = page.getByTestId(c.retrainResult);
  await expect(result).toContainText('no earlier run', { timeout: 120_000 });
  await page.keyboard.press('o');
  await expect.poll(async () => (await storedLog(page, id)).length).toBe(logged.length + 2);
  await page.getByTestId(c.retrain).click();
  await expect(result).toContainText('(the last run)', { timeout: 120_000 });
  await expect(result).toHaveAttribute('data-value', /^(0(\.\d+)?|1)$/);
});

test('two tabs on one dataset: a fix in one shows in the other', async ({ context }) => {
  test.setTimeout(240_000);
  const [one, two] = [await context.newPage(), await context.newPage()];
  await gotoApp(one);
  await importFile(one, CASE('train.csv'));
  await expectListed(one, 'train', 206, 8);
  const id = (await datasetItem(one, 'train').getAttribute('data-dataset-id'))!;
  await gotoApp(two);
  // Both tabs rank the same way (held-out split, seeded), so both start on the same row.
  for (const page of [one, two]) {
    await openDataset(page, 'train');
    await page.getByTestId(c.tab).click();
    await page.getByTestId(a.targetSelect).selectOption('species');
    await page.getByTestId(p.rank).click();
    await expect(page.getByTestId(c.card)).toBeVisible({ timeout: 90_000 });
  }
  const row = await one.getByTestId(c.card).getAttribute('data-row');
  await expect(two.getByTestId(c.card)).toHaveAttribute('data-row', row!);

  // Tab one excludes it; tab two hears of it through the ops feed and moves on.
  await one.bringToFront();
  await one.keyboard.press('x');
  await expect.poll(async () => (await storedLog(one, id)).length).toBe(1);
  await expect(two.getByTestId(c.card)).not.toHaveAttribute('data-row', row!);
  await expect(counter(two, 'excluded')).toHaveAttribute('data-value', '1');
  await expect(two.locator(`[data-testid="${h.item}"][data-seq="1"]`)).toBeVisible();
});
