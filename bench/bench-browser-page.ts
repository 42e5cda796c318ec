/**
 * The browser benchmarks' shared harness: serves dist/ with `vite preview`, opens one bench page
 * in Debian's headless Chromium (scripts/chromium.ts flags, a fresh on-disk profile under
 * .bench-data/), logs the page's errors, runs the caller's steps and cleans everything up.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { serveDist } from './serve-dist';

/** Which page to open, and what to tell the user when it was not built. */
export interface BenchPageOptions {
  /** The built page under dist/, e.g. `bench.html`. */
  html: string;
  /** The npm script that builds it, named in the error when it is missing. */
  script: string;
  /** Names the temporary browser profile (`profile-{profile}-…`). */
  profile: string;
}

/** Writes a benchmark's progress to stderr, so stdout stays the results. */
export const log = (message: string) => process.stderr.write(`[browser] ${message}\n`);

/** Opens `options.html` in headless Chromium and runs `steps` on it; throws when a step fails. */
export async function withBenchPage<T>(
  root: string,
  options: BenchPageOptions,
  steps: (page: Page) => Promise<T>,
): Promise<T> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: run node scripts/ensure-chromium.mjs`);
  if (!existsSync(join(root, 'dist', options.html)))
    throw new Error(
      `dist/${options.html} is missing: build first (npm run ${options.script} does it)`,
    );
  const server = await serveDist(root);
  mkdirSync(join(root, '.bench-data'), { recursive: true });
  const profile = mkdtempSync(join(root, '.bench-data', `profile-${options.profile}-`));
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
      await page.goto(`http://localhost:${server.port}/${options.html}`);
      return await steps(page);
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The browser's name and version as the user agent gives it, e.g. `Chrome/131.0.6778.85`. */
export async function browserVersion(page: Page): Promise<string> {
  const agent = await page.evaluate(() => navigator.userAgent);
  return /Chrome\/[\d.]+/.exec(agent)?.[0] ?? agent;
}
