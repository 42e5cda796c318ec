import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../../../src/protocol/analysis-methods';
import {
  MAX_PAGE,
  findingsPage,
  sortFindings,
  summarize,
} from '../../../../workers/analysis/analysis-findings';

const f = (row: number, column: number | null, source: string, kind: string, score: number) =>
  ({ row, column, source, detector: kind, score, reason: 'r', suggestion: null }) as FindingRow;

const FINDINGS = sortFindings([
  f(0, 1, 'outlier', 'outlier', 0.5),
  f(2, 1, 'outlier', 'unit-error', 0.9),
  f(2, 0, 'missing', 'missing', 1),
  f(-1, 3, 'columns', 'constant', 1),
  f(5, null, 'duplicates', 'duplicate', 0.8),
]);
const RUNS = ['missing', 'outlier', 'duplicates', 'columns', 'label'].map((name) => ({
  name,
  description: `${name} finds things`,
  note: name === 'label' ? 'needs a target' : null,
  ms: 1,
}));

describe('summarize', () => {
  it('counts findings, kinds, distinct rows and their share per detector', () => {
    const s = summarize(FINDINGS, RUNS, 10, null);
    const by = Object.fromEntries(s.detectors.map((d) => [d.name, d]));
    expect(by.outlier).toMatchObject({ findings: 2, rows: 2, share: 0.2 });
    expect(by.outlier.kinds).toEqual(
      expect.arrayContaining([
        { kind: 'outlier', count: 1 },
        { kind: 'unit-error', count: 1 },
      ]),
    );
    // A column-level finding counts, but flags no row.
    expect(by.columns).toMatchObject({ findings: 1, rows: 0, share: 0 });
    expect(by.label).toMatchObject({ findings: 0, note: 'needs a target' });
    expect(s.flaggedRows).toBe(3);
    expect(s.total).toBe(5);
    expect(s.byColumn).toEqual([
      { column: 0, count: 1 },
      { column: 1, count: 2 },
      { column: 3, count: 1 },
    ]);
  });

  it('gives zero shares on an empty dataset', () => {
    expect(summarize([], RUNS, 0, null).detectors.every((d) => d.share === 0)).toBe(true);
  });
});

describe('findingsPage', () => {
  it('lists highest scores first and pages', () => {
    const page = findingsPage(FINDINGS, { id: 'x', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.score)).toEqual([1, 0.9]);
  });

  it('filters by detector (or kind) and by column; -1 = row-level findings', () => {
    const q = { id: 'x', offset: 0, limit: 10 };
    expect(findingsPage(FINDINGS, { ...q, detector: 'outlier' }).total).toBe(2);
    expect(findingsPage(FINDINGS, { ...q, detector: 'unit-error' }).total).toBe(1);
    expect(findingsPage(FINDINGS, { ...q, column: 1 }).total).toBe(2);
    expect(findingsPage(FINDINGS, { ...q, column: -1 }).rows[0].source).toBe('duplicates');
    expect(findingsPage(FINDINGS, { ...q, detector: 'missing', column: 1 }).total).toBe(0);
  });

  it('caps the page size and survives bad numbers', () => {
    const many = Array.from({ length: MAX_PAGE + 20 }, (_, i) => f(i, 0, 'missing', 'missing', 1));
    expect(findingsPage(many, { id: 'x', offset: 0, limit: 10_000 }).rows).toHaveLength(MAX_PAGE);
    expect(findingsPage(many, { id: 'x', offset: NaN, limit: -3 }).rows).toHaveLength(0);
  });
});
