import { describe, expect, it } from 'vitest';
import { commitOperations, undoRedo } from '../../../../src/ui/clean/clean-actions';
import { bulkKey, bulkStep, planBulk } from '../../../../src/ui/clean/clean-bulk';
import { importedData, item, recordingPriority } from './clean-fixtures';

describe('a group fix', () => {
  it('is logged as one batch, noted once, undone as one step restoring every row', async () => {
    const { data, meta } = await importedData();
    const { client, noted } = recordingPriority();
    const changed: string[] = [];
    const deps = {
      data,
      priority: client,
      heard: new Set<number>(),
      afterAppend: changed.push.bind(changed),
    };
    const rows = [2, 4, 6];
    const allGentoo = Array<string>(5).fill('Gentoo');
    const items = rows.map((row) =>
      item({ row, suggestion: { kind: 'relabel', row, column: 0, value: 'Gentoo' } }),
    );
    const plan = planBulk(bulkKey(items[0])!, items);
    const step = bulkStep(plan, meta.columns)!;
    const species = async () =>
      (await data.call('readRows', { id: meta.id, start: 0, count: 8, columns: [0] })).cells[0];
    const before = await species();
    expect(before.slice(2, 7)).toEqual(['Adelie', 'Gentoo', 'Adelie', 'Gentoo', 'Adelie']);

    const done = await commitOperations(deps, meta.id, [step]);
    expect(done.logged.map((e) => [e.seq, e.op.kind])).toEqual([[1, 'batch']]);
    expect(done.logged[0].op).toMatchObject({ label: 'Relabel “species” → “Gentoo” on 3 rows' });
    expect(noted.map((n) => n.ops.map((o) => o.seq))).toEqual([[1]]);
    expect(changed).toEqual([meta.id]);
    expect((await species()).slice(2, 7)).toEqual(allGentoo);

    const undone = await undoRedo(deps, meta.id, 'undo');
    expect(undone?.logged[0].op).toEqual({ kind: 'revert', target: 1, via: 'undo' });
    expect(await species()).toEqual(before);
    await undoRedo(deps, meta.id, 'redo');
    expect((await species()).slice(2, 7)).toEqual(allGentoo);
  });

  it('stores nothing when one of its rows cannot take the fix, and says which', async () => {
    const { data, meta } = await importedData();
    const { client, noted } = recordingPriority();
    const deps = { data, priority: client, heard: new Set<number>() };
    const ops = [
      { kind: 'set-cell' as const, row: 1, column: 1, value: '3100' },
      { kind: 'set-cell' as const, row: 5, column: 1, value: 'heavy' },
    ];
    const step = bulkStep({ key: 'k', rows: [1, 5], ops, columnWide: false }, meta.columns)!;
    await expect(commitOperations(deps, meta.id, [step])).rejects.toThrow(
      /Change 2 of 2 .*row 5 of “mass”.*not a number/,
    );
    expect(await data.call('listOperations', { id: meta.id })).toEqual([]);
    expect(noted.map((n) => n.ops)).toEqual([[]]);
  });
});
