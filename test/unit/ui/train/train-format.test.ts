import { describe, expect, it } from 'vitest';
import { fmtPValue } from '../../../../src/ui/train/train-format';

describe('fmtPValue', () => {
  it('shows three decimals, a floor for tiny p-values and a dash for none', () => {
    expect(fmtPValue(0.04213)).toBe('0.042');
    expect(fmtPValue(3e-9)).toBe('< 0.001');
    expect(fmtPValue(0)).toBe('< 0.001');
    expect(fmtPValue(1)).toBe('1.000');
    expect(fmtPValue(NaN)).toBe('–');
  });
});
