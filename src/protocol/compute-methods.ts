/** One TensorFlow.js backend as measured in the compute worker. */
export interface BackendReport {
  name: 'webgpu' | 'webgl' | 'cpu';
  available: boolean;
  /** Milliseconds for one 256×256 matMul, median of 5 after a warm-up; null when unavailable. */
  matMulMs: number | null;
  /** Adapter description (WebGPU) or renderer (WebGL); "software" adapters are named so. */
  detail: string;
  software: boolean;
  error?: string;
}

/** What the compute worker does (training and ranking come in later issues). */
export type ComputeMethods = {
  probeBackends: {
    params: Record<string, never>;
    result: { chosen: string; backends: BackendReport[] };
    progress: never;
  };
};
