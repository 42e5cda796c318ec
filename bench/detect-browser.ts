/**
 * The detection benchmark's browser part: serves dist/ with `vite preview`, opens
 * dist/bench-detect.html in Debian's headless Chromium (fresh on-disk profile), imports the CSV
 * through the app's data worker, then profiles it and runs the chosen detectors in the app's
 * analysis worker (bench/detect-page.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import type { DetectBenchApi, DetectBrowserResult } from './detect-page';
import { serveDist } from './serve-dist';

/** The page's figures plus the browser's version. */
export type DetectBrowserFigures = DetectBrowserResult & { browser: string };

const log = (message: string) => process.stderr.write(`[browser] ${message}\n`);

/** Runs the page's benchmark on `csvPath` with `detectors` (names); throws when a step fails. */
export async function benchDetectBrowser(
  root: string,
  csvPath: string,
  detectors: string[],
): Promise<DetectBrowserFigures> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: run node scripts/ensure-chromium.mjs`);
  if (!existsSync(join(root, 'dist', 'bench-detect.html')))
    throw new Error(
      'dist/bench-detect.html is missing: build first (npm run bench:detect does it)',
    );
  const server = await serveDist(root);
  mkdirSync(join(root, '.bench-data'), { recursive: true });
  const profile = mkdtempSync(join(root, '.bench-data', 'profile-detect-'));
  try {
    log(`serving dist/ at http://localhost:${server.port}; launching ${CHROMIUM_PATH}`);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => log(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') log(`console.error: ${message.text()}`);
      });
      await page.goto(`http://localhost:${server.port}/bench-detect.html`);
      await page.waitForFunction(() => '__detectBench' in window);
      await page.setInputFiles('#bench-file', csvPath);
      log('import, profile and detect in the app’s workers…');
      const result = await page.evaluate(
        (names) =>
          (window as unknown as { __detectBench: DetectBenchApi }).__detectBench.run(names),
        detectors,
      );
      const agent = await page.evaluate(() => navigator.userAgent);
      return { ...result, browser: /Chrome\/[\d.]+/.exec(agent)?.[0] ?? agent };
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
