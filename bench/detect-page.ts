/// <reference types="vite/client" />
/**
 * The detection benchmark's page (bench-detect.html, driven by bench/detect-browser.ts): imports
 * the file through the app's data worker, then profiles it and runs the chosen detectors in the
 * app's analysis worker, through the same protocol clients the Profile and Issues tabs use.
 */
import { spawnWorker } from '../src/ui/clients';
import { analysisClient } from '../src/ui/clients';

/** What one run measured in the page, in ms (wall time seen by the page). */
export interface DetectBrowserResult {
  rows: number;
  columns: number;
  importMs: number;
  /** Reading the dataset from IndexedDB into the analysis worker's frame. */
  readMs: number;
  profileMs: number;
  alerts: number;
  /** The detect call, from request to summary (loading the detector code included). */
  detectMs: number;
  /** Time each detector reported for itself. */
  detectorMs: Record<string, number>;
  findings: number;
}

/** The API Playwright calls through page.evaluate. */
export interface DetectBenchApi {
  run(detectors: string[]): Promise<DetectBrowserResult>;
}

async function run(detectors: string[]): Promise<DetectBrowserResult> {
  const input = document.getElementById('bench-file') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) throw new Error('no file in #bench-file: call page.setInputFiles first');
  let started = performance.now();
  const meta = await spawnWorker('data').call('importFile', {
    file,
    name: file.name,
    fileName: file.name,
  });
  const importMs = performance.now() - started;
  const analysis = analysisClient();
  const profileStart = performance.now();
  let readEnd = 0;
  const profile = await analysis.call(
    'profile',
    { id: meta.id, target: null },
    {
      onProgress: (p) => void (p.phase === 'profile' && !readEnd && (readEnd = performance.now())),
    },
  );
  const profileEnd = performance.now();
  readEnd ||= profileEnd;
  started = performance.now();
  const summary = await analysis.call('detect', { id: meta.id, target: null, detectors });
  const detectMs = performance.now() - started;
  return {
    rows: meta.rows,
    columns: meta.columns.length,
    importMs,
    readMs: readEnd - profileStart,
    profileMs: profileEnd - readEnd,
    alerts: profile.alerts.length,
    detectMs,
    detectorMs: Object.fromEntries(summary.detectors.map((d) => [d.name, d.ms])),
    findings: summary.total,
  };
}

(window as unknown as { __detectBench: DetectBenchApi }).__detectBench = { run };
document.getElementById('bench-log')!.textContent = 'ready';
