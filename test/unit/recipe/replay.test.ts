import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/core/clean/operations';
import { frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { buildRecipe, type Recipe } from '../../../src/core/recipe/recipe';
import { replayRecipe } from '../../../src/core/recipe/replay';
import { frameRowIndex } from '../../../src/core/recipe/row-match';
import { load, logOf, type Loaded } from './helpers';

const TRAIN = 'name,age,city\nAda,36, London\nGrace,-999,Paris\nLinus,41,Oslo\nKen,50,Rome\n';

async function recipeOf(ops: Operation[]): Promise<Recipe> {
  const train = await load(TRAIN);
  return buildRecipe(
    { name: 'train', fileName: 'train.csv', columns: train.columns },
    logOf(...ops),
    frameSourceRows(train.frame),
  );
}

const replayOn = (recipe: Recipe, target: Loaded) =>
  replayRecipe(recipe, {
    name: 'val',
    columns: target.columns,
    rows: target.frame.rows,
    rowIndex: frameRowIndex(recipe, target.columns, target.frame),
  });

describe('replayRecipe', () => {
  it('finds fixed rows by their original values wherever they are, and applies transforms by name', async () => {
    const recipe = await recipeOf([
      { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
      { kind: 'set-cell', row: 2, column: 1, value: '42' },
      { kind: 'exclude-row', row: 1 },
      { kind: 'mark-reviewed', row: 3 },
    ]);
    // Rows reordered, one new row, Ken (row 3 of train) absent.
    const val = await load(
      'name,age,city\nNew,20,Oslo\nLinus,41,Oslo\nGrace,-999,Paris\nAda,36, London\n',
    );
    const { ops, report } = replayOn(recipe, val);
    expect(ops).toEqual([
      { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
      { kind: 'set-cell', row: 1, column: 1, value: '42' },
      { kind: 'exclude-row', row: 2 },
    ]);
    expect(report.applied.map((a) => [a.step, a.rows])).toEqual([
      [1, undefined],
      [2, [1]],
      [3, [2]],
    ]);
    expect(report.applied[1].what).toBe('Set “age” of the row that was row 2 of “train” to “42”');
    expect(report.skipped).toEqual([
      {
        step: 4,
        what: 'Mark the row that was row 3 of “train” as reviewed (OK)',
        reason: 'No row of this dataset has the original values of that row.',
      },
    ]);
    expect(report.notes).toEqual([]);
  });

  it('applies a fix to every row with the same original values, and says so', async () => {
    const recipe = await recipeOf([{ kind: 'exclude-row', row: 2 }]);
    const val = await load('name,age,city\nLinus,41,Oslo\nAda,36,x\nLinus,41,Oslo\n');
    const { ops, report } = replayOn(recipe, val);
    expect(ops).toEqual([
      { kind: 'exclude-row', row: 0 },
      { kind: 'exclude-row', row: 2 },
    ]);
    expect(report.applied[0].reason).toBe(
      '2 rows have these original values (rows 0, 2): applied to all of them.',
    );
  });

  it('skips steps whose column is missing, whose type differs, or whose value no longer fits', async () => {
    const recipe = await recipeOf([
      {
        kind: 'column-transform',
        column: 2,
        transform: { kind: 'map-categories', mapping: [['Oslo', 'OSL']] },
      },
      {
        kind: 'column-transform',
        column: 1,
        transform: { kind: 'impute', strategy: 'median', value: '40' },
      },
      { kind: 'column-transform', column: 0, transform: { kind: 'trim' } },
    ]);
    // `age` is text here, `city` is gone.
    const val = await load('name,age\nAda,young\nBo,old\n');
    const { ops, report } = replayOn(recipe, val);
    expect(ops).toEqual([{ kind: 'column-transform', column: 0, transform: { kind: 'trim' } }]);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'This dataset has no column “city”.',
      '“age” is categorical here but integer in the recipe.',
    ]);
    expect(report.notes).toEqual([
      'Columns of the recipe missing here: “city”.',
      'Columns whose type differs: “age” (integer in the recipe, categorical here).',
    ]);
  });

  it('reports a recipe for another schema clearly instead of failing', async () => {
    const recipe = await recipeOf([
      { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
      { kind: 'exclude-row', row: 0 },
    ]);
    const other = await load('sku,price\nA1,3.5\nB2,4\n');
    const { ops, report } = replayOn(recipe, other);
    expect(ops).toEqual([]);
    expect(report.applied).toEqual([]);
    expect(report.skipped).toHaveLength(2);
    expect(report.skipped[1].reason).toMatch(/lacks “name”, “age”, “city”/);
    expect(report.notes[0]).toBe(
      'This recipe was made for “train”, which shares no column with “val”: nothing can apply.',
    );
  });
});
