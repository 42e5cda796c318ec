import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/core/clean/operations';
import { danfoScript } from '../../../src/core/export/danfo-script';
import { frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { buildRecipe, recipeJson } from '../../../src/core/recipe/recipe';
import { load, logOf } from '../recipe/helpers';

// Forty staff rows, every name, id and salary unique; cities repeat.
const rows = Array.from({ length: 40 }, (_, i) => {
  const name = ['Annelies', 'Bart', 'Chidi', 'Dagny', 'Emre'][i % 5] + ` Vermeulen-${i}`;
  const salary = (41234.57 + i * 311.13).toFixed(2);
  return `S-${70001 + i},${name},${salary}, ${['Delft', 'Utrecht'][i % 2]},${i % 3 ? 'stays' : 'leaves'}`;
});
const CSV = `staff_id,name,salary,city,label\n${rows.join('\n')}\n`;

describe('a recipe and its danfojs script', () => {
  it('key row fixes by fingerprint and hold no value of an untouched cell', async () => {
    const loaded = await load(CSV);
    const ops: Operation[] = [
      { kind: 'column-transform', column: 3, transform: { kind: 'trim' } },
      { kind: 'set-cell', row: 3, column: 2, value: '99999.99' },
      { kind: 'relabel', row: 5, column: 4, value: 'leaves' },
      { kind: 'exclude-row', row: 7 },
      { kind: 'mark-reviewed', row: 9 },
    ];
    const recipe = buildRecipe(
      { name: 'staff', fileName: 'staff.csv', columns: loaded.columns },
      logOf(...ops),
      frameSourceRows(loaded.frame),
    );
    const texts = [recipeJson(recipe), danfoScript(recipe)];
    // Every cell of the file except the city column (values repeat ≥ 10 times) and the label.
    const untouched = rows.flatMap((r) => r.split(',').slice(0, 3));
    expect(untouched).toContain('41234.57');
    const hits = untouched.filter((value) => texts.some((text) => text.includes(value)));
    expect(hits).toEqual([]);
    // The fix's own new value is there, and each row fix names its row only by fingerprint.
    expect(texts[0]).toContain('99999.99');
    for (const step of recipe.steps.filter((s) => s.kind !== 'column-transform'))
      expect(step).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });
});
