/**
 * The train benchmark's browser part: serves dist/ with `vite preview`, opens dist/bench.html in
 * Debian's headless Chromium (scripts/chromium.ts flags, WebGPU on SwiftShader), imports the CSV
 * through the app's data worker, then trains it with the app's train worker on each backend.
 */
import { serveDist } from './serve-dist';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import type { TrainBackendInfo } from '../src/protocol/train-methods';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import type { BenchApi, ImportResult } from './bench-page';
import type { BrowserTrainRequest, BrowserTrainResult } from './bench-train';

type Backend = BrowserTrainRequest['backend'];

/** How one backend went: its run, or why there is none. */
export type BrowserOutcome =
  { backend: Backend; run: BrowserTrainResult } | { backend: Backend; error: string };

/** What the browser part measured. */
export interface BrowserFigures {
  browser: string;
  importMs: number;
  backends: TrainBackendInfo[];
  outcomes: BrowserOutcome[];
}

const log = (message: string) => process.stderr.write(`[browser] ${message}\n`);

/** Imports `csvPath` in the bench page and trains it once per backend, `epochs[backend]` epochs. */
export async function benchBrowser(
  root: string,
  csvPath: string,
  epochs: Record<Backend, number>,
  seed: number,
): Promise<BrowserFigures> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: run node scripts/ensure-chromium.mjs`);
  if (!existsSync(join(root, 'dist', 'bench.html')))
    throw new Error('dist/bench.html is missing: build first (npm run bench:train does it)');
  const server = await serveDist(root);
  const { port } = server;
  mkdirSync(join(root, '.bench-data'), { recursive: true });
  const profile = mkdtempSync(join(root, '.bench-data', 'profile-train-'));
  try {
    log(`serving dist/ at http://localhost:${port}; launching ${CHROMIUM_PATH}`);
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
      await page.goto(`http://localhost:${port}/bench.html`);
      await page.waitForFunction(() => '__bench' in window);
      await page.setInputFiles('#bench-file', csvPath);
      log('import: the app’s data worker');
      const imported = await call<ImportResult>(page, 'runImport', undefined);
      log(`imported ${imported.rows} rows × ${imported.columns} columns`);
      const backends = await call<TrainBackendInfo[]>(page, 'trainBackends', undefined);
      const outcomes: BrowserOutcome[] = [];
      for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
        const info = backends.find((b) => b.name === backend);
        if (!info?.available) {
          outcomes.push({ backend, error: info?.error ?? 'not listed by the train worker' });
          continue;
        }
        log(`${backend}: ${epochs[backend]} epochs…`);
        try {
          const request: BrowserTrainRequest = {
            datasetId: imported.datasetId,
            backend,
            epochs: epochs[backend],
            seed,
          };
          const run = await call<BrowserTrainResult>(page, 'train', request);
          log(`${backend}: epochs ${run.epochMs.map((ms) => Math.round(ms)).join(', ')} ms`);
          // The page's list also names the WebGL renderer; the run's own list does not.
          outcomes.push({ backend, run: { ...run, detail: info.detail, software: info.software } });
        } catch (error) {
          outcomes.push({ backend, error: error instanceof Error ? error.message : String(error) });
        }
      }
      const agent = await page.evaluate(() => navigator.userAgent);
      return {
        browser: /Chrome\/[\d.]+/.exec(agent)?.[0] ?? agent,
        importMs: Math.round(imported.wallMs),
        backends,
        outcomes,
      };
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Calls `window.__bench[method](arg)` in the page. */
async function call<T>(
  page: Page,
  method: 'runImport' | 'trainBackends' | 'train',
  arg: BrowserTrainRequest | undefined,
): Promise<T> {
  const result: unknown = await page.evaluate(
    ([name, request]): Promise<unknown> => {
      const api = (window as unknown as { __bench: BenchApi }).__bench;
      if (name === 'train') return api.train(request!);
      return name === 'runImport' ? api.runImport() : api.trainBackends();
    },
    [method, arg] as const,
  );
  return result as T;
}
