/**
 * The detection benchmark's browser part: serves dist/ with `vite preview`, opens
 * dist/bench-detect.html in Debian's headless Chromium (fresh on-disk profile), imports the CSV
 * through the app's data worker, then profiles it and runs the chosen detectors in the app's
 * analysis worker (bench/detect-page.ts).
 */
import type { DetectBenchApi, DetectBrowserResult } from './detect-page';
import { browserVersion, log, withBenchPage } from './bench-browser-page';

/** The page's figures plus the browser's version. */
export type DetectBrowserFigures = DetectBrowserResult & { browser: string };

/** Runs the page's benchmark on `csvPath` with `detectors` (names); throws when a step fails. */
export async function benchDetectBrowser(
  root: string,
  csvPath: string,
  detectors: string[],
): Promise<DetectBrowserFigures> {
  const options = { html: 'bench-detect.html', script: 'bench:detect', profile: 'detect' };
  return withBenchPage(root, options, async (page) => {
    await page.waitForFunction(() => '__detectBench' in window);
    await page.setInputFiles('#bench-file', csvPath);
    log('import, profile and detect in the app’s workers…');
    const result = await page.evaluate(
      (names) => (window as unknown as { __detectBench: DetectBenchApi }).__detectBench.run(names),
      detectors,
    );
    return { ...result, browser: await browserVersion(page) };
  });
}
