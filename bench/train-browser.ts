/**
 * The train benchmark's browser part: serves dist/ with `vite preview`, opens dist/bench.html in
 * Debian's headless Chromium (scripts/chromium.ts flags, WebGPU on SwiftShader), imports the CSV
 * through the app's data worker, then trains it with the app's train worker on each backend.
 */
import type { Page } from 'playwright';
import type { TrainBackendInfo } from '../src/protocol/train-methods';
import type { BenchApi, ImportResult } from './bench-page';
import type { BrowserTrainRequest, BrowserTrainResult } from './bench-train';
import { browserVersion, log, withBenchPage } from './bench-browser-page';

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

/** Imports `csvPath` in the bench page and trains it once per backend, `epochs[backend]` epochs. */
export async function benchBrowser(
  root: string,
  csvPath: string,
  epochs: Record<Backend, number>,
  seed: number,
): Promise<BrowserFigures> {
  const options = { html: 'bench.html', script: 'bench:train', profile: 'train' };
  return withBenchPage(root, options, async (page) => {
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
    return {
      browser: await browserVersion(page),
      importMs: Math.round(imported.wallMs),
      backends,
      outcomes,
    };
  });
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
