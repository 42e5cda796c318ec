/** Every detector in the order they run, and a runner that collects their findings. */
import type { Frame } from '../table/frame';
import { columnDetector } from './columns';
import { duplicateDetector } from './duplicates';
import { isolationDetector } from './isolation-forest';
import { labelDetector } from './label-issues';
import { missingDetector } from './missing';
import { outlierDetector } from './outliers';
import { typeMismatchDetector } from './type-mismatch';
import { typoDetector } from './typos';
import type { DetectContext, Detector, Finding } from './types';

/** The detectors that need no trained model (fast, run at any size). */
/** Every detector, in the order the CLI runs them. */
export const ALL_DETECTORS: readonly Detector[] = [
  missingDetector,
  typeMismatchDetector,
  outlierDetector,
  isolationDetector,
  typoDetector,
  duplicateDetector,
  columnDetector,
  labelDetector,
];

export const BASIC_DETECTORS: readonly Detector[] = [
  missingDetector,
  typeMismatchDetector,
  outlierDetector,
  isolationDetector,
  typoDetector,
  duplicateDetector,
  columnDetector,
];

/** Result of running several detectors. */
export interface DetectionReport {
  findings: Finding[];
  /** Detector name → note (why it found nothing or was skipped). */
  notes: Record<string, string>;
  /** Detector name → milliseconds spent. */
  timings: Record<string, number>;
}

/** Runs `detectors` in order over `frame`; `onProgress` is told which one starts. */
export async function runDetectors(
  frame: Frame,
  context: DetectContext,
  detectors: readonly Detector[],
  onProgress?: (detector: string, index: number, total: number) => void,
): Promise<DetectionReport> {
  const report: DetectionReport = { findings: [], notes: {}, timings: {} };
  for (const [i, detector] of detectors.entries()) {
    if (context.signal?.aborted) break;
    onProgress?.(detector.name, i, detectors.length);
    const start = Date.now();
    const out = await detector.run(frame, context);
    report.timings[detector.name] = Date.now() - start;
    for (const f of out.findings) report.findings.push(f);
    if (out.note) report.notes[detector.name] = out.note;
  }
  return report;
}
