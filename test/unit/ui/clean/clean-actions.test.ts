import { describe, expect, it } from 'vitest';
import {
  commitOperations,
  planAction,
  undoRedo,
  type CleanDeps,
} from '../../../../src/ui/clean/clean-actions';
import { noteNewOperations } from '../../../../src/ui/priority/heard-operations';
import { importedData, item, recordingPriority } from './clean-fixtures';

describe('planAction', () => {
  it('turns each action into its operation', async () => {
    const { meta } = await importedData();
    expect(planAction({ kind: 'accept' }, item(), meta).op).toEqual(item().suggestion);
    expect(planAction({ kind: 'exclude' }, item(), meta).op).toEqual({
      kind: 'exclude-row',
      row: 3,
    });
    expect(planAction({ kind: 'ok' }, item(), meta).op).toEqual({ kind: 'mark-reviewed', row: 3 });
    expect(planAction({ kind: 'skip' }, item(), meta)).toEqual({ op: null, error: null });
    expect(planAction({ kind: 'relabel', column: 0, label: 'Gentoo' }, item(), meta).op).toEqual({
      kind: 'relabel',
      row: 3,
      column: 0,
      value: 'Gentoo',
    });
    expect(planAction({ kind: 'edit', column: 1, text: '4100' }, item(), meta).op).toEqual({
      kind: 'set-cell',
      row: 3,
      column: 1,
      value: '4100',
    });
    expect(planAction({ kind: 'edit', column: 1, text: '' }, item(), meta).op).toMatchObject({
      value: null,
    });
  });

  it('refuses text in a number column and a missing suggestion, with a reason', async () => {
    const { meta } = await importedData();
    const bad = planAction({ kind: 'edit', column: 1, text: 'heavy' }, item(), meta);
    expect(bad.op).toBeNull();
    expect(bad.error).toMatch(/not a number/);
    const none = planAction({ kind: 'accept' }, item({ suggestion: null }), meta);
    expect(none.error).toMatch(/no suggested repair/);
    const empty = planAction({ kind: 'relabel', column: 0, label: ' ' }, item(), meta);
    expect(empty.error).toMatch(/cannot be empty/);
  });
});

describe('commitOperations and undo/redo', () => {
  it('appends, then notes exactly the logged ops once; undo and redo go through the log', async () => {
    const { data, meta } = await importedData();
    const { client, noted } = recordingPriority();
    const changed: string[] = [];
    const deps: CleanDeps & { heard: Set<number> } = {
      data,
      priority: client,
      heard: new Set(),
      afterAppend: (id) => changed.push(id),
    };
    expect(await undoRedo(deps, meta.id, 'undo')).toBeNull();
    const first = await commitOperations(deps, meta.id, [{ kind: 'exclude-row', row: 2 }]);
    expect(first.logged.map((e) => e.seq)).toEqual([1]);
    expect(first.update.counters.reviewed).toBe(1);
    const skip = await commitOperations(deps, meta.id, [], [5]);
    expect(skip.logged).toEqual([]);
    expect(noted[1]).toEqual({ ops: [], skipped: [5] });
    expect(changed).toEqual([meta.id]);

    const undone = await undoRedo(deps, meta.id, 'undo');
    expect(undone?.logged[0].op).toEqual({ kind: 'revert', target: 1, via: 'undo' });
    const redone = await undoRedo(deps, meta.id, 'redo');
    expect(redone?.logged[0].op).toEqual({ kind: 'revert', target: 2, via: 'redo' });
    expect(noted.map((n) => n.ops.map((o) => o.seq))).toEqual([[1], [], [2], [3]]);

    // Nothing new: catching up notes nothing; an op logged elsewhere is noted once.
    expect(await noteNewOperations(deps, meta.id)).toBeNull();
    await data.call('appendOperation', { id: meta.id, op: { kind: 'mark-reviewed', row: 7 } });
    expect(await noteNewOperations(deps, meta.id)).not.toBeNull();
    expect(await noteNewOperations(deps, meta.id)).toBeNull();
    expect(noted.at(-1)?.ops.map((o) => o.op)).toEqual([{ kind: 'mark-reviewed', row: 7 }]);
  });

  it('notes the ops logged before an append fails, then reports the failure', async () => {
    const { data, meta } = await importedData();
    const { client, noted } = recordingPriority();
    const deps = { data, priority: client, heard: new Set<number>() };
    const ops = [
      { kind: 'exclude-row' as const, row: 1 },
      { kind: 'exclude-row' as const, row: 999 },
    ];
    await expect(commitOperations(deps, meta.id, ops)).rejects.toThrow(/Row 999 does not exist/);
    expect(noted).toHaveLength(1);
    expect(noted[0].ops.map((o) => o.op)).toEqual([{ kind: 'exclude-row', row: 1 }]);
    expect(await data.call('listOperations', { id: meta.id })).toHaveLength(1);
  });
});
