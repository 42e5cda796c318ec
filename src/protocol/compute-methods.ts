import type { ShownBackend } from '../core/train/backend-cost';

/** What the compute worker does (training and ranking come in later issues). */
export type ComputeMethods = {
  /** The backend training uses here, as the latest run record (or stored calibration) says. */
  trainingBackend: {
    params: Record<string, never>;
    result: ShownBackend | null;
    progress: never;
  };
};
