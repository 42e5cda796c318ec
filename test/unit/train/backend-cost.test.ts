import { describe, expect, it } from 'vitest';
import {
  calibrationKey,
  calibrationPays,
  denseParameters,
  newerShown,
  shownBackend,
} from '../../../src/core/train/backend-cost';

describe('backend calibration cost model', () => {
  it('counts dense weights and biases', () => {
    expect(denseParameters(10, [], 1)).toBe(11);
    expect(denseParameters(10, [4, 2], 3)).toBe(11 * 4 + 5 * 2 + 3 * 3);
  });

  it('skips calibration for a 1,470-row job and calibrates a 1M-row one', () => {
    const mlp = denseParameters(50, [64, 32], 1);
    expect(calibrationPays(1_029, mlp, 50).pays).toBe(false);
    expect(calibrationPays(700_000, mlp, 50).pays).toBe(true);
    expect(calibrationPays(700_000, mlp, 50).work).toBe(700_000 * mlp * 50 * 3);
  });

  it('shares a stored calibration between near-identical shapes only', () => {
    expect(calibrationKey(50, [64, 32], 1, 256)).toBe(calibrationKey(60, [64, 32], 1, 256));
    expect(calibrationKey(50, [64, 32], 1, 256)).not.toBe(calibrationKey(50, [64], 1, 256));
    expect(calibrationKey(50, [64, 32], 1, 256)).not.toBe(calibrationKey(50, [64, 32], 1, 1024));
  });
});

describe('the backend the compute badge names', () => {
  const run = { backend: 'wasm', createdAt: '2025-01-02T10:00:00.000Z' };
  const calibration = { chosen: 'webgl', measuredAt: '2025-01-02T10:00:05.000Z' };

  it("names the latest run record's backend, even after a newer calibration", () => {
    // A run that calibrated webgl and then fell back to wasm: its record says wasm.
    expect(shownBackend(run, calibration)).toEqual({
      backend: 'wasm',
      at: run.createdAt,
      from: 'run',
    });
  });

  it('names the stored calibration before any run, and nothing before either', () => {
    expect(shownBackend(undefined, calibration)?.backend).toBe('webgl');
    expect(shownBackend(undefined, calibration)?.from).toBe('calibration');
    expect(shownBackend(undefined, undefined)).toBeNull();
  });

  it('a late page-load answer never hides a run that finished in the page', () => {
    const finished = { backend: 'webgpu', at: '2025-01-03T09:00:00.000Z', from: 'run' as const };
    const stored = shownBackend(run, calibration);
    expect(newerShown(finished, stored)).toBe(finished);
    expect(newerShown(stored, finished)).toBe(finished);
    expect(newerShown(finished, shownBackend(undefined, calibration))).toBe(finished);
    expect(newerShown(shownBackend(undefined, calibration), finished)).toBe(finished);
    expect(newerShown(null, stored)).toBe(stored);
    expect(newerShown(finished, null)).toBe(finished);
  });
});
