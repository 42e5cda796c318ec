/**
 * Import benchmark: how fast the app imports a large CSV, against a bare PapaParse parse.
 *
 *   npm run bench:import                   # 1,000,000 rows × 20 columns (~100 MB)
 *   npm run bench:import -- --rows 20000   # quick run (any row count)
 *
 * The npm script installs Chromium if needed and builds first (dist/bench.html is the page).
 * This script generates the seeded CSV once (cached in .bench-data/, git-ignored), serves dist/
 * with `vite preview` on a free port, opens bench.html in Debian's Chromium with a fresh on-disk
 * profile (IndexedDB as a user has it), then in that page runs
 *   1. the baseline: Papa.parse(file, { chunk: () => {} }) in a dedicated module worker;
 *   2. the import: the app's data client (spawnWorker('data') from src/ui/clients.ts, over
 *      src/protocol/client.ts) `importFile`, recording main-thread long tasks and
 *      performance.memory, while this process samples the summed RSS of Chromium's renderer
 *      processes from /proc (dedicated workers live in the renderer);
 *   3. the baseline again; the faster of the two baseline runs is the one compared;
 *   4. the scroll phase (bench/scroll-phase.ts): the app's own page (index.html, same origin and
 *      profile, so the dataset just imported is listed) opens the dataset and its virtual table
 *      jumps to seeded rows across the whole dataset and scrolls continuously, timing until
 *      the rows in view show text, frame times, and main-thread long tasks.
 * Both get the file through <input type=file> (page.setInputFiles hands Chromium the path).
 * stdout: human-readable lines, then one JSON object with every figure as the LAST line.
 * Progress goes to stderr. MB = 10^6 bytes. Exit code 1 when a step fails or the row count is off.
 */
import { serveDist } from './serve-dist';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { writeGeneratedCsv } from '../test/e2e/fixtures';
import type { BaselineResult, BenchApi, ImportResult } from './bench-page';
import { DEFAULT_SCROLL_PLAN, runScrollPhase, type ScrollResult } from './scroll-phase';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = join(ROOT, '.bench-data');
const COLUMNS = 20;
const SEED = 20_240_601;
/** Figure-of-merit targets. */
const TARGET_RATIO = 2;
const TARGET_LONGEST_TASK_MS = 50;

const log = (message: string) => console.error(`[bench] ${message}`);

class BenchError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
  const rows = Number(values.rows.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(rows) || rows < 1)
    throw new BenchError(`--rows must be a positive integer, got ${values.rows}`);
  if (!existsSync(CHROMIUM_PATH))
    throw new BenchError(`${CHROMIUM_PATH} is missing: run node scripts/ensure-chromium.mjs`);
  if (!existsSync(join(ROOT, 'dist', 'bench.html'))) {
    throw new BenchError('dist/bench.html is missing: build first (npm run bench:import does it)');
  }

  const csvPath = join(DATA_DIR, `generated-${rows}x${COLUMNS}-seed${SEED}.csv`);
  if (existsSync(csvPath)) log(`using cached ${csvPath}`);
  else {
    log(`generating ${rows.toLocaleString('en')} rows × ${COLUMNS} columns into ${csvPath}`);
    const started = performance.now();
    await writeGeneratedCsv(csvPath, rows, COLUMNS, SEED);
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const fileBytes = statSync(csvPath).size;

  const server = await serveDist(ROOT);
  const { port } = server;
  const profile = mkdtempSync(join(DATA_DIR, 'profile-'));
  try {
    log(`serving dist/ at http://localhost:${port}; launching ${CHROMIUM_PATH}`);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
      headless: true,
    });
    try {
      const browserPid = findBrowserPid(profile);
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => log(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          log(`console.${message.type()}: ${message.text()}`);
      });
      await page.goto(`http://localhost:${port}/bench.html`);
      await page.waitForFunction(() => '__bench' in window);
      await page.setInputFiles('#bench-file', csvPath);

      log('baseline 1/2: PapaParse in a module worker');
      const baselineRss = new RssSampler(browserPid);
      const before = await baselineRss.during(() => evaluate<BaselineResult>(page, 'baseline'));
      log(
        `baseline 1/2: ${seconds(before.wallMs)} s, ${before.rows} rows (Papa counts the header)`,
      );

      log('import: the app’s data client and data worker');
      const importRss = new RssSampler(browserPid);
      const result = await importRss.during(() => evaluate<ImportResult>(page, 'runImport'));
      log(`import: ${seconds(result.wallMs)} s, ${result.rows} rows`);
      // The baseline runs again after the import and the faster run counts: the first run in a
      // fresh page pays one-off costs (worker start, JIT) that would flatter our ratio.
      const after = await evaluate<BaselineResult>(page, 'baseline');
      log(`baseline 2/2: ${seconds(after.wallMs)} s`);
      const baseline = after.wallMs < before.wallMs ? after : before;
      const figures = importFigures({
        rows,
        fileBytes,
        baseline,
        result,
        peakRss: importRss.peak,
        baselineRss: baselineRss.peak,
        browser: await browserVersion(page),
      });
      printImport(figures);

      // The bench page (and its data worker) is done; the app page gets the browser to itself.
      await page.close();
      log(`scroll: the app opens dataset ${result.datasetId} (${result.rows} rows)`);
      const appUrl = `http://localhost:${port}/`;
      let scroll: ReturnType<typeof scrollFigures> | { scrollError: string };
      try {
        const scrolled = await runScrollPhase(context, appUrl, result.datasetId, result.rows, log, {
          ...DEFAULT_SCROLL_PLAN,
          seed: SEED,
        });
        scroll = scrollFigures(scrolled);
        printScroll(scrolled, scroll);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        scroll = { scrollError: message };
        process.exitCode = 1;
        console.error(`bench:import scroll phase failed: ${message}`);
      }
      // Every figure, import and scroll, as the LAST line of stdout.
      console.log(JSON.stringify({ ...figures, ...scroll }));
      if (result.rows !== rows || result.columns !== COLUMNS) {
        throw new BenchError(
          `the import reported ${result.rows} rows × ${result.columns} columns; the file has ${rows} × ${COLUMNS}`,
        );
      }
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Calls `window.__bench[method]()` in the page; page-side errors come back as BenchError. */
async function evaluate<T>(page: Page, method: 'baseline' | 'runImport'): Promise<T> {
  try {
    const result: unknown = await page.evaluate(
      (name): Promise<unknown> => (window as unknown as { __bench: BenchApi }).__bench[name](),
      method,
    );
    return result as T;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BenchError(`${method} failed in the page: ${message}`);
  }
}

interface Figures {
  rows: number;
  fileBytes: number;
  baseline: BaselineResult;
  result: ImportResult;
  peakRss: number;
  baselineRss: number;
  browser: string;
}

function importFigures({
  rows,
  fileBytes,
  baseline,
  result,
  peakRss,
  baselineRss,
  browser,
}: Figures) {
  const MB = 1e6;
  const importSeconds = result.wallMs / 1000;
  const baselineSeconds = baseline.wallMs / 1000;
  const figures = {
    rows,
    columns: result.columns,
    fileMB: round(fileBytes / MB, 1),
    rowsPerSecond: Math.round(rows / importSeconds),
    mbPerSecond: round(fileBytes / MB / importSeconds, 2),
    importSeconds: round(importSeconds, 3),
    baselineSeconds: round(baselineSeconds, 3),
    baselineWorkerSeconds: round(baseline.workerMs / 1000, 3),
    ratio: round(importSeconds / baselineSeconds, 2),
    ratioTarget: TARGET_RATIO,
    longestTaskMs: round(result.longestTaskMs, 1),
    longestTaskTargetMs: TARGET_LONGEST_TASK_MS,
    longTasksOver50ms: result.longTaskCount,
    peakMainHeapMB: result.peakHeapBytes === null ? null : round(result.peakHeapBytes / MB, 1),
    peakRendererRssMB: round(peakRss / MB, 1),
    baselinePeakRendererRssMB: round(baselineRss / MB, 1),
    importedRows: result.rows,
    status: result.status,
    warnings: result.warnings,
    progressEvents: result.progressEvents,
    browser,
  };
  return figures;
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Long-task entries exist only for tasks over 50 ms: none seen means none over 50 ms. */
function longestTaskLine(longestMs: number, count: number): string {
  return count === 0 ? 'none over 50 ms' : `${longestMs} ms, ${count} over 50 ms`;
}

function printImport(figures: ReturnType<typeof importFigures>): void {
  const rows = figures.rows;
  console.log(`rows/s: ${figures.rowsPerSecond.toLocaleString('en')}`);
  console.log(`MB/s: ${figures.mbPerSecond}`);
  console.log(
    `import: ${figures.importSeconds} s (${rows.toLocaleString('en')} rows × ${figures.columns} columns, ${figures.fileMB} MB)`,
  );
  console.log(`baseline (bare PapaParse in a module worker): ${figures.baselineSeconds} s`);
  console.log(
    `ratio import/baseline: ${figures.ratio} (target ≤ ${TARGET_RATIO}: ${verdict(figures.ratio <= TARGET_RATIO)})`,
  );
  console.log(
    `longest main-thread task: ${longestTaskLine(figures.longestTaskMs, figures.longTasksOver50ms)} (target ≤ ${TARGET_LONGEST_TASK_MS}: ${verdict(figures.longestTaskMs <= TARGET_LONGEST_TASK_MS)})`,
  );
  console.log(`peak main-thread heap: ${figures.peakMainHeapMB ?? 'n/a'} MB`);
  console.log(
    `peak renderer RSS: ${figures.peakRendererRssMB} MB (baseline run: ${figures.baselinePeakRendererRssMB} MB)`,
  );
}

/** The scroll phase's figures for the JSON line (ms rounded to 0.1). */
function scrollFigures(scroll: ScrollResult) {
  const allJumps = scroll.jumps.flatMap((jump) => jump.ms);
  const longest = scroll.longTasksMs.length ? Math.max(...scroll.longTasksMs) : 0;
  return {
    scrollRounds: scroll.rounds,
    scrollOpenMedianMs: round(median(scroll.openMs), 1),
    scrollOpenMaxMs: round(Math.max(...scroll.openMs), 1),
    scrollJumps: scroll.jumps.map((jump) => ({
      row: jump.row,
      kind: jump.label,
      medianMs: round(median(jump.ms), 1),
      maxMs: round(Math.max(...jump.ms), 1),
    })),
    scrollJumpMedianMs: round(median(allJumps), 1),
    scrollJumpMaxMs: round(Math.max(...allJumps), 1),
    scrollGlidePx: scroll.glidePx,
    scrollGlideStepPx: scroll.glideStepPx,
    scrollFrames: scroll.frameMs.length,
    scrollFrameP50Ms: round(percentile(scroll.frameMs, 0.5), 1),
    scrollFrameP95Ms: round(percentile(scroll.frameMs, 0.95), 1),
    scrollFrameMaxMs: round(Math.max(0, ...scroll.frameMs), 1),
    scrollPlaceholderFrames: scroll.placeholderFrames,
    scrollLongestTaskMs: round(longest, 1),
    scrollLongTasksOver50ms: scroll.longTasksMs.length,
  };
}

function printScroll(scroll: ScrollResult, figures: ReturnType<typeof scrollFigures>): void {
  const each = `${scroll.rounds} rounds, each in a freshly loaded app page`;
  console.log(
    `scroll: open dataset until row 0 rendered in ${figures.scrollOpenMedianMs} ms (median), max ${figures.scrollOpenMaxMs} ms (${each})`,
  );
  for (const jump of figures.scrollJumps) {
    console.log(
      `scroll: jump to row ${jump.row.toLocaleString('en')} (${jump.kind}) rendered in ${jump.medianMs} ms (median), max ${jump.maxMs} ms`,
    );
  }
  console.log(
    `scroll: all ${scroll.jumps.length} jumps × ${scroll.rounds} rounds rendered in ${figures.scrollJumpMedianMs} ms (median), max ${figures.scrollJumpMaxMs} ms`,
  );
  console.log(
    `scroll: frames p50/p95/max ${figures.scrollFrameP50Ms}/${figures.scrollFrameP95Ms}/${figures.scrollFrameMaxMs} ms over ${figures.scrollFrames} frames (${scroll.rounds} × ${figures.scrollGlidePx.toLocaleString('en')} px in ${figures.scrollGlideStepPx} px steps), ${figures.scrollPlaceholderFrames} frames with '…' in view`,
  );
  console.log(
    `scroll: longest main-thread task: ${longestTaskLine(figures.scrollLongestTaskMs, figures.scrollLongTasksOver50ms)} (target ≤ ${TARGET_LONGEST_TASK_MS}: ${verdict(figures.scrollLongestTaskMs <= TARGET_LONGEST_TASK_MS)})`,
  );
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile (p in [0, 1]); 0 for no values. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      list.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return list;
}

/** Chromium's browser process: the one started with our profile and no `--type=`. */
function findBrowserPid(profile: string): number {
  const browser = processes().find(
    (p) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type='),
  );
  if (!browser) throw new BenchError('could not find the Chromium browser process in /proc');
  return browser.pid;
}

/** Summed VmRSS (bytes) of the renderer processes under `browserPid`. */
function rendererRss(browserPid: number): number {
  const all = processes();
  const children = new Map<number, ProcessInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const queue = [...(children.get(browserPid) ?? [])];
  while (queue.length) {
    const p = queue.pop()!;
    queue.push(...(children.get(p.pid) ?? []));
    if (!p.cmdline.includes('--type=renderer')) continue;
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
      if (kb) total += Number(kb[1]) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Samples renderer RSS every 100 ms while a promise runs; `peak` is the largest sum seen. */
class RssSampler {
  peak = 0;
  constructor(private readonly browserPid: number) {}
  async during<T>(work: () => Promise<T>): Promise<T> {
    const sample = () => {
      this.peak = Math.max(this.peak, rendererRss(this.browserPid));
    };
    sample();
    const timer = setInterval(sample, 100);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      sample();
    }
  }
}

async function browserVersion(page: Page): Promise<string> {
  const agent = await page.evaluate(() => navigator.userAgent);
  return /Chrome\/[\d.]+/.exec(agent)?.[0] ?? agent;
}

main().catch((error: unknown) => {
  if (error instanceof BenchError) console.error(`bench:import failed: ${error.message}`);
  else console.error('bench:import failed:', error);
  process.exitCode = 1;
});
