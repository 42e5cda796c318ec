/**
 * The train benchmark's page side (loaded on demand by bench/bench-page.ts, driven by
 * bench/train-bench.ts): trains an imported dataset with the app's own train worker, the backend
 * forced, and returns per-epoch times read from its progress events.
 */
import { createClient } from '../src/protocol/client';
import type {
  EpochProgress,
  TrainBackendChoice,
  TrainBackendInfo,
  TrainMethods,
} from '../src/protocol/train-methods';

/** What one forced-backend run reports back to Node. */
export interface BrowserTrainResult {
  backend: string;
  /** The backend the run finished on (differs after a fallback). */
  trainedOn: string;
  backendNote: string;
  /** Adapter / detail as the worker's listBackends saw it. */
  detail: string;
  software: boolean;
  /** Per-epoch ms: differences of the progress events' elapsedMs (fit + per-epoch metrics). */
  epochMs: number[];
  validationAccuracy: number;
  durationMs: number;
}

/** What the page is asked to run. */
export interface BrowserTrainRequest {
  datasetId: string;
  backend: Exclude<TrainBackendChoice, 'auto'>;
  epochs: number;
  seed: number;
}

/**
 * The worker's view of the backends (a fresh worker, closed after). The worker names WebGL only
 * 'WebGL 2'; the page adds the renderer it reports (the GPU process is shared, so it is the one
 * the worker's WebGL context gets), so a software renderer (SwiftShader) is visible as such.
 */
export async function listTrainBackends(): Promise<TrainBackendInfo[]> {
  const client = trainClient();
  try {
    const infos = await client.call('listBackends', {});
    const renderer = webGlRenderer();
    return infos.map((b) =>
      b.name === 'webgl' && b.available && renderer
        ? {
            ...b,
            detail: `${b.detail}, ${renderer}`,
            software: /swiftshader|llvmpipe|software/i.test(renderer),
          }
        : b,
    );
  } finally {
    client.close();
  }
}

function webGlRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

function trainClient() {
  return createClient<TrainMethods>(
    () =>
      new Worker(new URL('../workers/train.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cleanroom-train',
      }),
  );
}

/** One run in a fresh train worker: MLP (64, 32), batch 256, no early stopping. */
export async function trainOnBackend(request: BrowserTrainRequest): Promise<BrowserTrainResult> {
  const client = trainClient();
  try {
    const infos = await client.call('listBackends', {});
    const info = infos.find((b) => b.name === request.backend);
    const epochs: EpochProgress[] = [];
    const summary = await client.call(
      'train',
      {
        id: request.datasetId,
        target: 'label',
        task: 'classification',
        model: {
          kind: 'mlp',
          hidden: [64, 32],
          epochs: request.epochs,
          batchSize: 256,
          patience: 1000,
        },
        seed: request.seed,
        backend: request.backend,
      },
      {
        onProgress: (progress) => {
          if (progress.phase === 'epoch') epochs.push(progress);
        },
      },
    );
    const elapsed = epochs.map((e) => e.elapsedMs);
    return {
      backend: request.backend,
      trainedOn: summary.backend,
      backendNote: summary.backendNote,
      detail: info?.detail ?? '',
      software: info?.software ?? false,
      epochMs: elapsed.map((ms, i) => ms - (i > 0 ? elapsed[i - 1] : 0)),
      validationAccuracy:
        summary.validation.task === 'classification' ? summary.validation.accuracy.value : NaN,
      durationMs: summary.durationMs,
    };
  } finally {
    client.close();
  }
}
