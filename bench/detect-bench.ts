/**
 * `npm run bench:detect`: detection quality on the public bench cases (precision and recall of
 * the matching detector per injected noise kind) and speed: profile + every detector but the
 * label one on a generated 1M × 20 CSV, in headless Chromium (the app's analysis worker, through
 * dist/bench-detect.html; the npm script builds first) and in Node; the label detector on
 * letters.csv in Node. `-- --rows N` for a smaller speed run. Cases are built into .bench-data/
 * (git-ignored) with the shared inject-noise.mjs. The last line printed is one JSON object with
 * every figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCsv } from '../src/cli/load-csv';
import { useFastBackend } from '../src/cli/tf-backend';
import { detectLabelIssues } from '../src/core/detect/label-issues';
import { ALL_DETECTORS, BASIC_DETECTORS, runDetectors } from '../src/core/detect/registry';
import { columnIndex } from '../src/core/table/frame';
import { buildCase, type CleaningCase } from './cleaning-cases';
import { scoreCase, type KindQuality } from './detect-quality';
import { benchDetectBrowser, type DetectBrowserFigures } from './detect-browser';
import { writeSyntheticCsv } from './detect-synthetic';
import { profileFrame } from '../src/core/profile/profile';

const shared = resolve('..', 'shared');
const benchDir = join(shared, 'bench');
if (!existsSync(join(benchDir, 'suite.json')) || !existsSync(join(benchDir, 'inject-noise.mjs'))) {
  console.log(
    `bench:detect skipped: ${benchDir} (suite.json, inject-noise.mjs) is missing, so there are no cases to build.`,
  );
  process.exit(0);
}
const rowsArg = process.argv.indexOf('--rows');
const speedRows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const backend = await useFastBackend();
const cases = (
  JSON.parse(readFileSync(join(benchDir, 'suite.json'), 'utf8')) as { cases: CleaningCase[] }
).cases;
const pct = (x: number) => x.toFixed(3);
const results: Record<string, KindQuality[]> = {};

console.log(
  `Detection quality (tf backend ${backend}); cases built into .bench-data/ with inject-noise.mjs`,
);
// `--speed-only` skips the quality cases (for timing work).
const speedOnly = process.argv.includes('--speed-only');
for (const c of speedOnly ? [] : cases) {
  const dir = buildCase(shared, c);

  const { frame } = await loadCsv(join(dir, 'train.csv'));
  const start = Date.now();
  const report = await runDetectors(
    frame,
    { target: columnIndex(frame, c.target), seed: 1 },
    ALL_DETECTORS,
  );
  const quality = scoreCase(join(dir, 'errors.csv'), frame, report.findings);
  results[c.name] = quality;
  console.log(
    `${c.name} (${frame.rows} rows, ${report.findings.length} findings, ${((Date.now() - start) / 1000).toFixed(1)} s)`,
  );
  for (const q of quality)
    console.log(
      `  ${q.kind.padEnd(9)} injected ${String(q.injected).padStart(5)}  flagged ${String(q.flagged).padStart(5)}  precision ${pct(q.precision)}  recall ${pct(q.recall)}${q.precisionAtK === undefined ? '' : `  precision@k ${pct(q.precisionAtK)} (k = ${q.injected})`}`,
    );
}

// Speed: the same generated CSV profiled and scanned by every detector but the label one, in
// headless Chromium (the app's analysis worker, the figure the issue asks for) and in Node.
const speedCsv = resolve('.bench-data', `detect-synthetic-${speedRows}x20-seed7.csv`);
let t = Date.now();
if (!existsSync(speedCsv)) await writeSyntheticCsv(speedCsv, speedRows, 12, 8, 7);
const genMs = Date.now() - t;
const basicNames = BASIC_DETECTORS.map((d) => d.name);
let browser: DetectBrowserFigures | { error: string };
try {
  browser = await benchDetectBrowser(resolve('.'), speedCsv, basicNames);
} catch (error) {
  browser = { error: error instanceof Error ? error.message : String(error) };
}
const big = (await loadCsv(speedCsv)).frame;
t = Date.now();
const profile = profileFrame(big, null);
const profileMs = Date.now() - t;
t = Date.now();
const basic = await runDetectors(big, { target: null, seed: 1 }, BASIC_DETECTORS);
const detectMs = Date.now() - t;
const sec = (ms: number) => (ms / 1000).toFixed(1);
const perDetector = (timings: Record<string, number>) =>
  Object.entries(timings)
    .map(([k, v]) => `${k} ${sec(v)} s`)
    .join(', ');
console.log(
  `Speed: ${speedRows} × 20 generated rows (${speedCsv}${genMs > 100 ? `, written in ${sec(genMs)} s` : ''}), profile + every detector but the label one`,
);
if ('error' in browser) console.log(`  headless Chromium: failed (${browser.error})`);
else
  console.log(
    `  headless Chromium ${browser.browser}, analysis worker: profile ${sec(browser.profileMs)} s (${browser.alerts} alerts) + detectors ${sec(browser.detectMs)} s (${browser.findings} findings; ${perDetector(browser.detectorMs)}) = ${sec(browser.profileMs + browser.detectMs)} s (target < 20 s); before that, import ${sec(browser.importMs)} s and reading the frame from IndexedDB ${sec(browser.readMs)} s`,
  );
console.log(
  `  Node ${process.version}: profile ${sec(profileMs)} s (${profile.alerts.length} alerts) + detectors ${sec(detectMs)} s (${basic.findings.length} findings; ${perDetector(basic.timings)}) = ${sec(profileMs + detectMs)} s`,
);
const letters = await loadCsv(join(shared, 'datasets', 'letters.csv'));
t = Date.now();
const labels = await detectLabelIssues(letters.frame, columnIndex(letters.frame, 'lettr'), 1);
const labelMs = Date.now() - t;
console.log(
  `Label detector on letters.csv in Node, tf backend ${backend} (${letters.frame.rows} rows): ${(labelMs / 1000).toFixed(1)} s (${labels.findings.length} findings)`,
);
console.log(
  JSON.stringify({
    backend,
    node: process.version,
    quality: results,
    speed: {
      rows: speedRows,
      columns: 20,
      browser,
      node: { profileMs, detectorsMs: detectMs, detectorTimings: basic.timings },
      labelLettersMs: labelMs,
      letterRows: letters.frame.rows,
    },
  }),
);
