/**
 * The import benchmark's scroll phase (bench/import-bench.ts runs it right after the import):
 * the dataset just imported sits in the profile's IndexedDB, so the app itself (index.html, same
 * origin) opens it and its virtual table is scrolled over the whole dataset, pages coming from
 * the app's data worker.
 *
 * Each round loads the app afresh (new page cache, new worker), clicks the dataset open, then
 *   1. jumps the table scroller to seeded rows (top, bottom, middle, random) and times each jump
 *      until the row expected at the top of the viewport, and every other row in view, shows real
 *      text (no '…' loading placeholder);
 *   2. scrolls continuously, a few px per animation frame like a wheel or trackpad, recording the
 *      requestAnimationFrame deltas and the frames that showed placeholders.
 * Main-thread long tasks come from a PerformanceObserver installed with page.addInitScript.
 * Times are taken in the page (performance.now), checked once per animation frame, so a figure
 * is the start of the first frame that paints the rows (± one frame).
 */
import type { BrowserContext } from 'playwright';
import { ids } from '../test/e2e/selectors';
import { seededRandom } from '../src/core/stats/rng';

/** How each round scrolls; the rows jumped to are drawn from `seed`. */
export interface ScrollPlan {
  /** Rounds, each in a freshly loaded app page. */
  rounds: number;
  /** Random rows jumped to, besides top, middle and bottom. */
  randomJumps: number;
  /** Continuous scroll: total px and px per animation frame. */
  glidePx: number;
  glideStepPx: number;
  seed: number;
}

export const DEFAULT_SCROLL_PLAN: ScrollPlan = {
  rounds: 3,
  randomJumps: 7,
  glidePx: 4000,
  glideStepPx: 20,
  seed: 1,
};

/** One jump target, timed once per round. */
export interface JumpFigures {
  label: 'top' | 'middle' | 'bottom' | 'random';
  /** The first row in view after the jump (the target, or the last row that can be on top). */
  row: number;
  ms: number[];
}

/** What the scroll phase measured. */
export interface ScrollResult {
  rounds: number;
  /** Click on the dataset until row 0 shows text, per round. */
  openMs: number[];
  jumps: JumpFigures[];
  /** requestAnimationFrame deltas over all rounds' continuous scrolls. */
  frameMs: number[];
  /** Frames of the continuous scroll in which a row in view still showed '…'. */
  placeholderFrames: number;
  glidePx: number;
  glideStepPx: number;
  /** Main-thread long tasks (each over 50 ms) from the click to the end of each round. */
  longTasksMs: number[];
}

/** What a jump or a wait reports back from the page. */
interface WaitReply {
  ok: boolean;
  ms: number;
  expected: number;
  /** When not ok: what was in view, for the error message. */
  detail: string;
}

interface GlideReply {
  frameMs: number[];
  placeholderFrames: number;
  px: number;
}

/** The page-side API the init script installs as window.__scrollProbe. */
interface ScrollProbe {
  longTasks: { start: number; duration: number }[];
  clickAt: number | null;
  armClick(): void;
  waitForRows(expected: number, since: number, timeoutMs: number): Promise<WaitReply>;
  jump(target: number, rows: number, timeoutMs: number): Promise<WaitReply>;
  glide(totalPx: number, stepPx: number): Promise<GlideReply>;
}

interface ProbeSelectors {
  scroller: string;
  row: string;
  cell: string;
}

const JUMP_TIMEOUT_MS = 30_000;
/** src/ui/shell/ComputeBadge.svelte: reads 'Compute: …' until the stored run record is read. */
const COMPUTE_BADGE = 'compute-backend';

/**
 * Runs in the app page before its own scripts (page.addInitScript). Self-contained: Playwright
 * sends this function's source text to the page.
 */
function installScrollProbe(sel: ProbeSelectors): void {
  // tsx (esbuild, keepNames) wraps named function values in this source in __name(fn, 'name');
  // the page has no such helper, so give it a no-op one.
  const scope = globalThis as unknown as { __name?: (fn: unknown) => unknown };
  scope.__name ??= (fn: unknown) => fn;

  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const scrollerOf = () => {
    const scroller = document.querySelector<HTMLElement>(`[data-testid="${sel.scroller}"]`);
    if (!scroller) throw new Error(`no [data-testid="${sel.scroller}"] in the page`);
    return scroller;
  };
  /** Header height and row height as laid out (rows are absolutely placed, one height apart). */
  const metrics = (scroller: HTMLElement) => {
    const header = scroller.querySelector<HTMLElement>('[role="row"]:not([data-testid])');
    const rendered = [...scroller.querySelectorAll<HTMLElement>(`[data-testid="${sel.row}"]`)];
    let rowHeight = rendered[0]?.offsetHeight ?? 28;
    if (rendered.length > 1) rowHeight = Math.abs(rendered[1].offsetTop - rendered[0].offsetTop);
    return { headerHeight: header?.offsetHeight ?? rowHeight, rowHeight };
  };
  /** The rows in view below the sticky header: the top one and how many cells still load. */
  const inView = (scroller: HTMLElement) => {
    const box = scroller.getBoundingClientRect();
    const { headerHeight } = metrics(scroller);
    const top = box.top + scroller.clientTop + headerHeight;
    const bottom = box.top + scroller.clientTop + scroller.clientHeight;
    let first: number | null = null;
    let last: number | null = null;
    let loading = 0;
    let rows = 0;
    for (const row of scroller.querySelectorAll<HTMLElement>(`[data-testid="${sel.row}"]`)) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom <= top || rect.top >= bottom) continue;
      rows++;
      const index = Number(row.dataset.row);
      if (first === null || index < first) first = index;
      if (last === null || index > last) last = index;
      for (const cell of row.querySelectorAll(`[data-testid="${sel.cell}"]`))
        if (cell.textContent?.trim() === '…') loading++;
    }
    return { first, last, loading, rows };
  };

  const probe: ScrollProbe = {
    longTasks: [],
    clickAt: null,
    armClick() {
      probe.clickAt = null;
      document.addEventListener('click', () => (probe.clickAt ??= performance.now()), {
        capture: true,
        once: true,
      });
    },
    async waitForRows(expected, since, timeoutMs) {
      const scroller = scrollerOf();
      for (;;) {
        await nextFrame();
        const view = inView(scroller);
        const ms = performance.now() - since;
        if (view.first === expected && view.loading === 0 && view.rows > 0)
          return { ok: true, ms, expected, detail: '' };
        if (ms > timeoutMs) {
          const detail = `in view: rows ${view.first}–${view.last} (${view.rows}), ${view.loading} cells showing '…', scrollTop ${scroller.scrollTop}`;
          return { ok: false, ms, expected, detail };
        }
      }
    },
    async jump(target, rows, timeoutMs) {
      const scroller = scrollerOf();
      const { headerHeight, rowHeight } = metrics(scroller);
      // The scrollbar spans the whole dataset; past the browser's height cap the table scales
      // scroll positions (src/ui/table/virtual-window.ts), so map rows to px the same way.
      const maxScroll = scroller.scrollHeight - scroller.clientHeight;
      const fullRange = Math.max(0, rows * rowHeight - (scroller.clientHeight - headerHeight));
      const toPx = (row: number) => ((row * rowHeight + rowHeight / 2) / fullRange) * maxScroll;
      const lastOnTop = Math.floor(fullRange / rowHeight);
      let wanted = target <= 0 ? 0 : target >= lastOnTop ? maxScroll : Math.round(toPx(target));
      wanted = Math.min(Math.max(0, wanted), maxScroll);
      const since = performance.now();
      scroller.scrollTop = wanted;
      // What the browser made of it (it clamps and may snap); the row on top follows from that.
      const virtualTop = maxScroll > 0 ? (scroller.scrollTop / maxScroll) * fullRange : 0;
      const expected = Math.min(rows - 1, Math.floor(virtualTop / rowHeight));
      return probe.waitForRows(expected, since, timeoutMs);
    },
    async glide(totalPx, stepPx) {
      const scroller = scrollerOf();
      const frameMs: number[] = [];
      let placeholderFrames = 0;
      let previous = await nextFrame();
      let px = 0;
      const maxScroll = scroller.scrollHeight - scroller.clientHeight;
      while (px < totalPx && scroller.scrollTop < maxScroll) {
        const before = scroller.scrollTop;
        scroller.scrollTop = before + stepPx;
        if (scroller.scrollTop === before) break;
        px += scroller.scrollTop - before;
        const now = await nextFrame();
        frameMs.push(now - previous);
        previous = now;
        if (inView(scroller).loading > 0) placeholderFrames++;
      }
      return { frameMs, placeholderFrames, px };
    },
  };
  (window as unknown as { __scrollProbe: ScrollProbe }).__scrollProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Top, middle, bottom and seeded random rows, in a seeded order (top not first: it is open). */
export function jumpTargets(rows: number, plan: ScrollPlan): Omit<JumpFigures, 'ms'>[] {
  const random = seededRandom(plan.seed);
  const targets: Omit<JumpFigures, 'ms'>[] = [
    { label: 'middle', row: Math.floor(rows / 2) },
    { label: 'bottom', row: rows - 1 },
  ];
  for (let i = 0; i < plan.randomJumps; i++)
    targets.push({ label: 'random', row: Math.floor(random() * rows) });
  for (let i = targets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [targets[i], targets[j]] = [targets[j], targets[i]];
  }
  // Back to the top somewhere in the second half (its page may still be cached by then).
  targets.splice(targets.length - 1 - Math.floor(random() * 3), 0, { label: 'top', row: 0 });
  return targets;
}

/**
 * Opens the app at `appUrl` in `context` and scrolls dataset `datasetId` (`rows` rows).
 * `log` gets progress lines.
 */
export async function runScrollPhase(
  context: BrowserContext,
  appUrl: string,
  datasetId: string,
  rows: number,
  log: (message: string) => void,
  plan: ScrollPlan = DEFAULT_SCROLL_PLAN,
): Promise<ScrollResult> {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`app page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      log(`app console.${message.type()}: ${message.text()}`);
  });
  await page.addInitScript(installScrollProbe, {
    scroller: ids.tableScroller,
    row: ids.tableRow,
    cell: ids.cell,
  });

  const targets = jumpTargets(rows, plan);
  const result: ScrollResult = {
    rounds: plan.rounds,
    openMs: [],
    jumps: targets.map((target) => ({ ...target, ms: [] })),
    frameMs: [],
    placeholderFrames: 0,
    glidePx: 0,
    glideStepPx: plan.glideStepPx,
    longTasksMs: [],
  };
  try {
    for (let round = 1; round <= plan.rounds; round++) {
      if (round === 1) await page.goto(appUrl);
      else await page.reload();
      await page.bringToFront();
      // Let the offline service worker finish installing (it precaches the build) first.
      await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker?.ready,
          new Promise((resolve) => setTimeout(resolve, 15_000)),
        ]),
      );
      // And the compute badge's read of the stored run record (its worker), so the scroll is
      // timed in a settled app rather than against that start-up work.
      const settling = Date.now();
      await page
        .locator(`[data-testid="${COMPUTE_BADGE}"]`)
        .filter({ hasNotText: 'Compute: …' })
        .waitFor({ timeout: 60_000 })
        .catch(() => log('the compute badge did not settle within 60 s; scrolling anyway'));
      if (round === 1)
        log(`scroll: app settled (compute badge read) in ${Date.now() - settling} ms`);
      const open = page
        .locator(`[data-testid="${ids.datasetItem}"][data-dataset-id="${datasetId}"]`)
        .getByTestId(ids.datasetOpen);
      await open.waitFor({ timeout: 30_000 });

      await page.evaluate(() => (window as unknown as ProbeWindow).__scrollProbe.armClick());
      const phaseStart = await page.evaluate(() => performance.now());
      await open.click();
      const opened = await page.evaluate(async () => {
        const p = (window as unknown as ProbeWindow).__scrollProbe;
        while (p.clickAt === null) await new Promise((resolve) => setTimeout(resolve, 5));
        return p.waitForRows(0, p.clickAt, 30_000);
      });
      check(opened, 'open');
      result.openMs.push(opened.ms);
      log(`scroll round ${round}/${plan.rounds}: opened, row 0 in ${opened.ms.toFixed(0)} ms`);

      const jumpsAt = await page.evaluate(() => performance.now());
      for (const target of result.jumps) {
        const reply = await page.evaluate(
          (arg) =>
            (window as unknown as ProbeWindow).__scrollProbe.jump(arg.row, arg.rows, arg.timeout),
          { row: target.row, rows, timeout: JUMP_TIMEOUT_MS },
        );
        check(reply, `jump to row ${target.row}`);
        target.row = reply.expected;
        target.ms.push(reply.ms);
      }

      const glideAt = await page.evaluate(() => performance.now());
      const glide = await page.evaluate(
        (arg) => (window as unknown as ProbeWindow).__scrollProbe.glide(arg.px, arg.step),
        { px: plan.glidePx, step: plan.glideStepPx },
      );
      result.frameMs.push(...glide.frameMs);
      result.placeholderFrames += glide.placeholderFrames;
      result.glidePx = Math.max(result.glidePx, glide.px);

      // Let the observer deliver the last entries, then keep this round's.
      await page.waitForTimeout(100);
      const tasks = await page.evaluate(
        (since) =>
          (window as unknown as ProbeWindow).__scrollProbe.longTasks.filter(
            (task) => task.start >= since,
          ),
        phaseStart,
      );
      result.longTasksMs.push(...tasks.map((task) => task.duration));
      // Where the long tasks fell, as ms after the click: jumps and glide start at the marks.
      const at = (time: number) => `+${(time - phaseStart).toFixed(0)}`;
      const listed = tasks.map((task) => `${task.duration.toFixed(0)} ms at ${at(task.start)}`);
      log(
        `scroll round ${round}/${plan.rounds}: jumps from ${at(jumpsAt)} ms, glide from ${at(glideAt)} ms (longest frame ${Math.max(0, ...glide.frameMs).toFixed(0)} ms); long tasks: ${listed.join(', ') || 'none'}`,
      );
    }
  } finally {
    await page.close();
  }
  return result;
}

/** How page.evaluate callbacks reach the probe (they run in the page and close over nothing). */
interface ProbeWindow {
  __scrollProbe: ScrollProbe;
}

function check(reply: WaitReply, what: string): void {
  if (!reply.ok) {
    throw new Error(
      `${what}: row ${reply.expected} not shown with text after ${reply.ms.toFixed(0)} ms; ${reply.detail}`,
    );
  }
}
