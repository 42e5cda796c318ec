import { describe, expect, it } from 'vitest';
import { describeSuggestion, rowLabel } from '../../../../src/ui/issues/issues-format';
import { formatDate, formatDays, formatStat } from '../../../../src/ui/profile/profile-format';
import {
  formatShare,
  progressFraction,
  progressText,
} from '../../../../src/ui/shared/analysis-format';

const COLUMNS = ['age', 'city', 'label'];

describe('describeSuggestion', () => {
  it('says each operation in words, rows numbered as the Table tab shows them', () => {
    expect(describeSuggestion({ kind: 'set-cell', row: 0, column: 0, value: null }, COLUMNS)).toBe(
      'Make age in row 0 missing',
    );
    expect(describeSuggestion({ kind: 'set-cell', row: 9, column: 0, value: '42' }, COLUMNS)).toBe(
      'Set age in row 9 to “42”',
    );
    expect(
      describeSuggestion({ kind: 'relabel', row: 1233, column: 2, value: 'yes' }, COLUMNS),
    ).toBe('Relabel label in row 1,233 as “yes”');
    expect(describeSuggestion({ kind: 'exclude-row', row: 4 }, COLUMNS)).toBe('Exclude row 4');
    expect(describeSuggestion(null, COLUMNS)).toMatch(/by hand/);
  });

  it('describes column transforms, shortening long lists', () => {
    const missing = describeSuggestion(
      {
        kind: 'column-transform',
        column: 0,
        transform: { kind: 'replace-with-missing', values: ['-999', '9999'] },
      },
      COLUMNS,
    );
    expect(missing).toBe('In age, treat “-999” and “9999” as missing');
    const mapping = describeSuggestion(
      {
        kind: 'column-transform',
        column: 1,
        transform: {
          kind: 'map-categories',
          mapping: [
            ['Lodnon', 'London'],
            ['paris', 'Paris'],
            ['Olso', 'Oslo'],
            ['Rmoe', 'Rome'],
          ],
        },
      },
      COLUMNS,
    );
    expect(mapping).toBe(
      'In city, replace “Lodnon” with “London”, “paris” with “Paris”, “Olso” with “Oslo” and 1 more',
    );
    expect(
      describeSuggestion(
        { kind: 'column-transform', column: 5, transform: { kind: 'trim' } },
        COLUMNS,
      ),
    ).toBe('Trim spaces around the values of column 6');
  });

  it('labels column-level findings', () => {
    expect(rowLabel(-1)).toBe('whole column');
    expect(rowLabel(0)).toBe('0');
    expect(rowLabel(1233)).toBe('1,233');
  });
});

describe('profile numbers and progress', () => {
  it('formats statistics and shares', () => {
    expect(formatStat(1234567.89)).toBe('1,234,568');
    expect(formatStat(3.14159)).toBe('3.142');
    expect(formatStat(0.000012)).toBe('1.20e-5');
    expect(formatStat(NaN)).toBe('–');
    expect(formatStat(-Infinity)).toBe('−∞');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('reads date statistics (epoch ms) as dates and spreads as days', () => {
    expect(formatDate(Date.UTC(2024, 1, 29))).toBe('2024-02-29');
    expect(formatDate(Date.UTC(2024, 1, 29, 13, 5))).toBe('2024-02-29 13:05');
    expect(formatDate(NaN)).toBe('–');
    expect(formatDays(86_400_000 * 1.5)).toBe('1.5 days');
  });

  it('says what a progress report means and how far along it is', () => {
    expect(progressText(null)).toBe('Starting…');
    expect(progressText({ phase: 'read', done: 1, total: 4 })).toMatch(/chunk 1 of 4/);
    expect(progressText({ phase: 'outlier', done: 2, total: 8 })).toBe(
      'Running the outlier detector (3 of 8)',
    );
    expect(progressFraction({ phase: 'read', done: 2, total: 2 })).toBeCloseTo(0.1);
    expect(progressFraction({ phase: 'label', done: 4, total: 8 })).toBeCloseTo(0.55);
  });
});
