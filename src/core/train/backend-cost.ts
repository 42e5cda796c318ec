/**
 * Whether timing the backends pays for itself: calibration costs seconds per backend (16 s
 * measured before a 6 s training on 1,470 rows), so a job is only calibrated when its own work
 * is large enough that a faster backend could win that back.
 */

/** Multiply-adds of one forward pass of a dense stack, per row (≈ its weight count). */
export function denseParameters(inputs: number, hidden: number[], outputs: number): number {
  let total = 0;
  let width = inputs;
  for (const units of [...hidden, outputs]) {
    total += (width + 1) * units;
    width = units;
  }
  return total;
}

/**
 * Below this many multiply-adds (rows × parameters × epochs × 3 for forward and backward) a job
 * runs in about 10 s on WASM at the ~2 GFLOP/s measured for these small layers: less than
 * timing four backends costs, so it is not calibrated.
 */
export const CALIBRATION_MIN_WORK = 2e10;

/** Work of a training job in multiply-adds, and whether calibrating its backend pays. */
export function calibrationPays(
  trainRows: number,
  parameters: number,
  epochs: number,
): { work: number; pays: boolean } {
  const work = trainRows * parameters * epochs * 3;
  return { work, pays: work >= CALIBRATION_MIN_WORK };
}

/**
 * Key of a stored calibration: the same device picks the same backend for the same model shape.
 * Inputs and rows are bucketed by powers of two so near-identical jobs share one measurement.
 */
export function calibrationKey(
  inputs: number,
  hidden: number[],
  outputs: number,
  batchSize: number,
): string {
  const bucket = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));
  return `in${bucket(inputs)}|h${hidden.join('x') || '0'}|out${outputs}|b${batchSize}`;
}

/** The backend the compute badge names, and where that came from. */
export interface ShownBackend {
  backend: string;
  /** When it was decided: the run's createdAt or the calibration's measuredAt. */
  at: string;
  from: 'run' | 'calibration';
}

/**
 * What the compute badge names: the latest run's backend (as its record says, fallbacks
 * included), else this device's latest stored calibration, else nothing (no run yet). A run wins
 * over a calibration even when the calibration is newer, since a run can fall back to another
 * backend after calibrating, and the badge must never contradict the run record.
 */
export function shownBackend(
  run: { backend: string; createdAt: string } | undefined,
  calibration: { chosen: string; measuredAt: string } | undefined,
): ShownBackend | null {
  if (run) return { backend: run.backend, at: run.createdAt, from: 'run' };
  if (calibration)
    return { backend: calibration.chosen, at: calibration.measuredAt, from: 'calibration' };
  return null;
}

/** Of what is shown and a newly known one, the one to show: runs beat calibrations, newer beats older. */
export function newerShown(
  current: ShownBackend | null,
  next: ShownBackend | null,
): ShownBackend | null {
  if (!current || !next) return next ?? current;
  if (current.from !== next.from) return current.from === 'run' ? current : next;
  return next.at >= current.at ? next : current;
}
