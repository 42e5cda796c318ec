import { describe, expect, it } from 'vitest';
import type { CellEvidence } from '../../../src/core/impact/cell-signal';
import { explainsDoubt } from '../../../src/core/impact/trusted-labels';
import type { Operation } from '../../../src/core/clean/operations';

function cell(detector: string, suggestion: Operation | null): CellEvidence {
  return {
    pWrong: 0.9,
    gain: 0.5,
    shift: 3,
    measured: suggestion !== null,
    finding: { row: 4, column: 1, detector, score: 0.9, reason: 'x', suggestion },
  };
}

describe('explainsDoubt', () => {
  it('lets a concrete cell error (empty, or with a named repair) block a relabel', () => {
    expect(explainsDoubt(cell('missing', null))).toBe(true);
    expect(explainsDoubt(cell('disguised-missing', null))).toBe(true);
    const set: Operation = { kind: 'set-cell', row: 4, column: 1, value: '2.5' };
    expect(explainsDoubt(cell('unit-error', set))).toBe(true);
  });

  it('does not let a plain outlier (a possibly real extreme value) or no finding block one', () => {
    expect(explainsDoubt(cell('outlier', null))).toBe(false);
    expect(explainsDoubt(null)).toBe(false);
  });
});
