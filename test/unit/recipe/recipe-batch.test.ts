import { describe, expect, it } from 'vitest';
import type { DataOperation } from '../../../src/core/clean/operations';
import { fingerprintCells, frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { buildRecipe } from '../../../src/core/recipe/recipe';
import { replayRecipe } from '../../../src/core/recipe/replay';
import { frameRowIndex } from '../../../src/core/recipe/row-match';
import { cleanedCsv, load, logOf } from './helpers';

const TRAIN = 'name,age,city\nAda,36,London\nGrace,-999,Paris\nLinus,41,Oslo\nKen,50,Rome\n';
const group: DataOperation[] = [
  { kind: 'set-cell', row: 1, column: 1, value: '37' },
  { kind: 'set-cell', row: 3, column: 1, value: '51' },
  { kind: 'exclude-row', row: 2 },
];

describe('recipes of a log with batches', () => {
  it('writes a batch as one step per part, row fixes keyed by fingerprint; a reverted batch as none', async () => {
    const train = await load(TRAIN);
    const source = { name: 'train', fileName: 'train.csv', columns: train.columns };
    const log = logOf(
      { kind: 'mark-reviewed', row: 0 },
      { kind: 'batch', label: 'Fix ages on 3 rows', ops: group },
    );
    const recipe = buildRecipe(source, log, frameSourceRows(train.frame));
    expect(recipe.steps).toEqual([
      {
        kind: 'mark-reviewed',
        fingerprint: fingerprintCells(['Ada', '36', 'London']),
        sourceRow: 0,
      },
      {
        kind: 'set-cell',
        column: 'age',
        value: '37',
        fingerprint: fingerprintCells(['Grace', '-999', 'Paris']),
        sourceRow: 1,
      },
      {
        kind: 'set-cell',
        column: 'age',
        value: '51',
        fingerprint: fingerprintCells(['Ken', '50', 'Rome']),
        sourceRow: 3,
      },
      { kind: 'exclude-row', fingerprint: fingerprintCells(['Linus', '41', 'Oslo']), sourceRow: 2 },
    ]);
    const reverted = [...log, { datasetId: 'd', seq: 3, at: 3, op: { kind: 'revert', target: 2 } }];
    const without = buildRecipe(source, reverted as typeof log, frameSourceRows(train.frame));
    expect(without.steps.map((s) => s.kind)).toEqual(['mark-reviewed']);
  });

  it('replays a batch part by part on another file, reporting each, and cleans the same rows', async () => {
    const train = await load(TRAIN);
    const recipe = buildRecipe(
      { name: 'train', fileName: 'train.csv', columns: train.columns },
      logOf({ kind: 'batch', label: 'Fix ages on 3 rows', ops: group }),
      frameSourceRows(train.frame),
    );
    // Ken is absent here; the other rows moved.
    const val = await load('name,age,city\nLinus,41,Oslo\nNew,20,Oslo\nGrace,-999,Paris\n');
    const { ops, report } = replayRecipe(recipe, {
      name: 'val',
      columns: val.columns,
      rows: val.frame.rows,
      rowIndex: frameRowIndex(recipe, val.columns, val.frame),
    });
    expect(ops).toEqual([
      { kind: 'set-cell', row: 2, column: 1, value: '37' },
      { kind: 'exclude-row', row: 0 },
    ]);
    expect(report.applied.map((a) => [a.step, a.rows])).toEqual([
      [1, [2]],
      [3, [0]],
    ]);
    expect(report.skipped.map((s) => [s.step, s.reason])).toEqual([
      [2, 'No row of this dataset has the original values of that row.'],
    ]);
    const cleaned = await cleanedCsv(val, logOf(...ops));
    expect(cleaned.text).toBe('name,age,city\r\nNew,20,Oslo\r\nGrace,37,Paris\r\n');
    // On the source file, the batch cleans exactly as its parts logged one by one.
    const batched = await cleanedCsv(train, logOf({ kind: 'batch', label: 'x', ops: group }));
    expect(batched.text).toBe((await cleanedCsv(train, logOf(...group))).text);
    expect(batched.text).toContain('Grace,37,Paris');
  });
});
