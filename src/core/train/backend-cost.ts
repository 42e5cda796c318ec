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
