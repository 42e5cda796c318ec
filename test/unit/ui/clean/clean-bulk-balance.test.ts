import { describe, expect, it } from 'vitest';
import { bulkKey, planBulk } from '../../../../src/ui/clean/clean-bulk';
import { item } from './clean-fixtures';

const counts = [
  { label: 'No', rows: 255 },
  { label: 'Yes', rows: 45 },
];

/** `n` open rows of class `from`, each suggested a relabel to `to`. */
function relabels(n: number, from: string | undefined, to: string) {
  return Array.from({ length: n }, (_, i) =>
    item({
      row: 100 + i,
      label: from,
      suggestion: { kind: 'relabel', row: 100 + i, column: 2, value: to },
    }),
  );
}

describe('a group relabel', () => {
  it('shows the class balance before and after and needs a yes above 20 rows of one class', () => {
    const items = relabels(21, 'Yes', 'No');
    const plan = planBulk(bulkKey(items[0])!, items, counts);
    expect(plan.balance?.classes).toEqual([
      { label: 'No', before: 255, after: 276 },
      { label: 'Yes', before: 45, after: 24 },
    ]);
    expect(plan.needsConfirmation).toBe(true);
  });

  it('needs no extra yes for 20 rows', () => {
    const items = relabels(20, 'Yes', 'No');
    const plan = planBulk(bulkKey(items[0])!, items, counts);
    expect(plan.balance?.classes[1]).toEqual({ label: 'Yes', before: 45, after: 25 });
    expect(plan.needsConfirmation).toBe(false);
  });

  it('asks for the yes when the rows’ classes are unknown and there are more than 20', () => {
    const items = relabels(25, undefined, 'No');
    expect(planBulk(bulkKey(items[0])!, items, counts).needsConfirmation).toBe(true);
  });

  it('has no balance for a group of cell fixes', () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item({
        row: i,
        kind: 'cell',
        column: 1,
        suggestion: { kind: 'set-cell', row: i, column: 1, value: '3' },
      }),
    );
    const plan = planBulk(bulkKey(items[0])!, items, counts);
    expect(plan.balance).toBeNull();
    expect(plan.needsConfirmation).toBe(false);
  });
});
