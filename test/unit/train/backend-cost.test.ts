import { describe, expect, it } from 'vitest';
import {
  calibrationKey,
  calibrationPays,
  denseParameters,
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
