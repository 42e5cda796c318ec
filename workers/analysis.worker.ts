/// <reference lib="webworker" />
import type { Detector } from '../src/core/detect/types';
import type { AnalysisMethods } from '../src/protocol/analysis-methods';
import { serve } from '../src/protocol/server';
import { CleanroomDb } from '../src/storage/db';
import { createAnalysisHandlers } from './analysis/analysis-handlers';

/**
 * The detectors, TF.js among them (the label detector), load on the first detection so the worker
 * starts at once and profiling never waits for TF.js. Backend: 'cpu'. The label detector's small
 * MLP (batches of 128) is dominated by per-op overhead, which is lower on cpu than on WebGL or on
 * a software WebGPU adapter (SwiftShader, see DESIGN.md).
 */
type Loaded = { detectors: readonly Detector[]; backend: string };
let detectors: Promise<Loaded> | null = null;
function loadDetectors(): Promise<Loaded> {
  detectors ??= (async () => {
    const [tf, registry] = await Promise.all([
      import('@tensorflow/tfjs'),
      import('../src/core/detect/registry'),
    ]);
    if (!(await tf.setBackend('cpu'))) throw new Error('The TF.js cpu backend did not start.');
    await tf.ready();
    return { detectors: registry.ALL_DETECTORS, backend: tf.getBackend() };
  })();
  // A failed load is not kept: the next detection tries again.
  detectors.catch(() => (detectors = null));
  return detectors;
}

serve<AnalysisMethods>(self, createAnalysisHandlers(new CleanroomDb(), loadDetectors));
