/**
 * `npm run bench:detect`: detection quality on the public bench cases (precision and recall of
 * the matching detector per injected noise kind) and speed (1M × 20 synthetic rows; the label
 * detector on letters.csv). Cases are built into .bench-data/ (git-ignored) with the shared
 * inject-noise.mjs. The last line printed is one JSON object with every figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCsv } from '../src/cli/load-csv';
import { useFastBackend } from '../src/cli/tf-backend';
import { detectLabelIssues } from '../src/core/detect/label-issues';
import { ALL_DETECTORS, BASIC_DETECTORS, runDetectors } from '../src/core/detect/registry';
import { columnIndex } from '../src/core/table/frame';
import { scoreCase, type KindQuality } from './detect-quality';
import { syntheticFrame } from './detect-synthetic';
import { profileFrame } from '../src/core/profile/profile';

interface Case {
  name: string;
  data: string;
  target: string;
  noise: string;
  labelMode: string;
  seed: number;
}

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
const cases = (JSON.parse(readFileSync(join(benchDir, 'suite.json'), 'utf8')) as { cases: Case[] })
  .cases;
const pct = (x: number) => x.toFixed(3);
const results: Record<string, KindQuality[]> = {};

console.log(
  `Detection quality (tf backend ${backend}); cases built into .bench-data/ with inject-noise.mjs`,
);
for (const c of cases) {
  const dir = resolve('.bench-data', c.name);
  execFileSync(
    'node',
    [
      join(benchDir, 'inject-noise.mjs'),
      '--in',
      join(shared, 'datasets', c.data),
      '--target',
      c.target,
      '--out',
      dir,
      '--seed',
      String(c.seed),
      '--noise',
      c.noise,
      '--label-mode',
      c.labelMode,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
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

console.log(`Speed, in Node ${process.version} (not a browser), tf backend ${backend}`);
let t = Date.now();
const big = syntheticFrame(speedRows, 12, 8, 7);
const genMs = Date.now() - t;
t = Date.now();
const profile = profileFrame(big, null);
const profileMs = Date.now() - t;
t = Date.now();
const basic = await runDetectors(big, { target: null, seed: 1 }, BASIC_DETECTORS);
const detectMs = Date.now() - t;
console.log(
  `  ${speedRows} × 20 synthetic rows (generated in ${(genMs / 1000).toFixed(1)} s): profile ${(profileMs / 1000).toFixed(1)} s (${profile.alerts.length} alerts), detectors without the label detector ${(detectMs / 1000).toFixed(1)} s (${basic.findings.length} findings; ${Object.entries(
    basic.timings,
  )
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ')})`,
);
const letters = await loadCsv(join(shared, 'datasets', 'letters.csv'));
t = Date.now();
const labels = await detectLabelIssues(letters.frame, columnIndex(letters.frame, 'lettr'), 1);
const labelMs = Date.now() - t;
console.log(
  `  label detector on letters.csv (${letters.frame.rows} rows): ${(labelMs / 1000).toFixed(1)} s (${labels.findings.length} findings)`,
);
console.log(
  JSON.stringify({
    backend,
    node: process.version,
    quality: results,
    speed: {
      rows: speedRows,
      columns: 20,
      profileMs,
      detectorsMs: detectMs,
      detectorTimings: basic.timings,
      labelLettersMs: labelMs,
      letterRows: letters.frame.rows,
    },
  }),
);
