/**
 * Layout and accessibility on every dataset tab (issue 11 items 9 and 11), on the penguins sample
 * ranked and trained once: at 1280×800 and 1920×1080 no control or table header is clipped
 * (scrollWidth ≤ clientWidth), and axe-core finds no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gotoApp, openSample } from './helpers';
import {
  analysisIds as a,
  cleanIds as c,
  historyIds as h,
  priorityIds as p,
  trainIds as t,
} from './selectors';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/**
 * Controls and table headers that do not show whole, as "tag 'text' (why)": content wider than the
 * box (scrollWidth > clientWidth); a button, input or select cut off by a scrolling ancestor; text
 * cut with an ellipsis and no title (tooltip) on it or around it.
 */
async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()} '${(element.textContent ?? '').trim().slice(0, 40)}'`;
    const controls =
      'button, input:not([type=checkbox]):not([type=radio]):not([type=file]), select, th';
    for (const element of document.querySelectorAll<HTMLElement>(controls)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.visually-hidden')) continue; // not drawn
      if (element.scrollWidth > element.clientWidth)
        found.push(`${name(element)} (${element.scrollWidth} > ${element.clientWidth})`);
      if (element.tagName === 'TH') continue; // wide tables scroll their headers on purpose
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const frame = up.getBoundingClientRect();
        if (box.right > frame.right + 1 || box.left < frame.left - 1)
          found.push(`${name(element)} (cut off by its scrolling ${up.className || up.tagName})`);
        break;
      }
    }
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (getComputedStyle(element).textOverflow !== 'ellipsis') continue;
      if (element.scrollWidth > element.clientWidth && !element.closest('[title]'))
        found.push(`${name(element)} (ellipsis without a title)`);
    }
    return found;
  });
}

/** Serious or critical axe violations, one line each with the first offending targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Every uPlot canvas sits in an image whose aria-describedby names a table of its numbers. */
async function chartsWithoutText(page: Page): Promise<string[]> {
  return page.locator('canvas').evaluateAll((canvases) =>
    canvases.flatMap((canvas) => {
      const image = canvas.closest('[role="img"]');
      const table = document.getElementById(image?.getAttribute('aria-describedby') ?? '');
      const numbers = table?.querySelectorAll('tbody td').length ?? 0;
      return numbers > 0 ? [] : [image?.getAttribute('aria-label') ?? 'a chart with no label'];
    }),
  );
}

/** Tab moves focus to the next control, and the focused control draws a visible outline. */
async function expectVisibleFocus(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 'nothing focused';
    const style = getComputedStyle(focused);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toMatch(/^solid [1-9]/);
}

/** At both sizes: no clipped control, no serious axe violation; a screenshot per size. */
async function checkTab(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: test.info().outputPath(`${name}-${size.width}.png`),
      fullPage: false,
    });
    expect.soft(await clippedControls(page), `${name} at ${size.width}: clipped`).toEqual([]);
  }
  expect.soft(await seriousViolations(page), `${name}: axe`).toEqual([]);
  expect.soft(await chartsWithoutText(page), `${name}: charts without text`).toEqual([]);
}

test('every tab at two sizes: no clipped control, no serious axe violation', async ({ page }) => {
  test.setTimeout(240_000);
  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);
  await checkTab(page, 'table');

  await page.getByTestId(a.profileTab).click();
  await page.getByTestId(a.targetSelect).selectOption('species');
  await expect(page.getByTestId(a.profileAlert).first()).toBeVisible({ timeout: 60_000 });
  await checkTab(page, 'profile');
  // The alert counter is a button: it takes focus to the card the alert is on.
  await page.getByTestId('profile-alerts-next').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="profile-card"]:focus')).toHaveCount(1);
  await expect(
    page.locator('[data-testid="profile-card"]:focus').getByTestId(a.profileAlert),
  ).not.toHaveCount(0);
  await expectVisibleFocus(page);

  await page.getByTestId(a.issuesTab).click();
  await expect(page.getByTestId(a.issuesTable)).toBeVisible({ timeout: 60_000 });
  await checkTab(page, 'issues');

  await page.getByTestId(p.tab).click();
  await page.getByTestId(p.rank).click();
  await expect(page.getByTestId(p.summary)).toBeVisible({ timeout: 90_000 });
  await checkTab(page, 'priority');

  await page.getByTestId(c.tab).click();
  await expect(page.getByTestId(c.card)).toBeVisible();
  await checkTab(page, 'clean');
  await page.getByTestId(c.modeTable).click();
  await expect(page.getByTestId(c.table)).toBeVisible();
  await checkTab(page, 'clean-table');

  await page.getByTestId(t.tab).click();
  await page.getByTestId(t.model).selectOption('mlp');
  await page.getByTestId(t.hidden).fill('8');
  await page.getByTestId(t.epochs).fill('4');
  await page.getByTestId(t.start).click();
  await expect(page.getByTestId(t.evaluation).first()).toBeVisible({ timeout: 60_000 });
  await checkTab(page, 'train');

  await page.getByTestId(h.tab).click();
  await expect(page.getByTestId(h.exportPanel)).toBeVisible();
  await checkTab(page, 'history');
});
