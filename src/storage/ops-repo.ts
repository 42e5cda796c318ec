/**
 * The operation log of a dataset. Seqs are assigned inside a read-write transaction over `ops`
 * as last + 1, and written with add(): IndexedDB serialises such transactions across tabs, and
 * the [datasetId+seq] key refuses a duplicate even if something slipped through.
 */
import Dexie from 'dexie';
import type { LoggedOperation, Operation } from '../core/clean/operations';
import { planRedo, planUndo, undoRedoState, type UndoRedoState } from '../core/clean/undo-redo';
import { validateOperation } from '../core/clean/validate';
import { CleanroomError } from '../core/errors';
import type { DatasetMeta } from '../core/table/types';
import type { CleanroomDb } from './db';
import { savingOrFull } from './storage-errors';

/** Appends `op` after validating it against the dataset; returns it with its seq. */
export function appendOperation(
  db: CleanroomDb,
  datasetId: string,
  op: Operation,
): Promise<LoggedOperation> {
  return savingOrFull('this change', () =>
    db.transaction('rw', db.ops, db.datasets, async () => {
      const meta = await readyMeta(db, datasetId);
      const last = await opsOf(db, datasetId).last();
      return insert(db, meta, (last?.seq ?? 0) + 1, op);
    }),
  );
}

/**
 * Appends `ops` in order in one transaction (a replayed recipe): all are validated and stored,
 * or none is. Returns them with their seqs.
 */
export function appendOperations(
  db: CleanroomDb,
  datasetId: string,
  ops: readonly Operation[],
): Promise<LoggedOperation[]> {
  return savingOrFull('these changes', () =>
    db.transaction('rw', db.ops, db.datasets, async () => {
      const meta = await readyMeta(db, datasetId);
      const last = await opsOf(db, datasetId).last();
      const logged: LoggedOperation[] = [];
      for (const op of ops)
        logged.push(await insert(db, meta, (last?.seq ?? 0) + logged.length + 1, op));
      return logged;
    }),
  );
}

/** The whole log of a dataset, in seq order. */
export function listOperations(db: CleanroomDb, datasetId: string): Promise<LoggedOperation[]> {
  return opsOf(db, datasetId).toArray();
}

/** Reverts step `seq` by hand (reverting a revert restores its target). */
export function revertOperation(
  db: CleanroomDb,
  datasetId: string,
  seq: number,
): Promise<LoggedOperation> {
  return appendOperation(db, datasetId, { kind: 'revert', target: seq });
}

/** Undoes the latest step (see core/clean/undo-redo.ts); null when there is nothing to undo. */
export function undo(db: CleanroomDb, datasetId: string): Promise<LoggedOperation | null> {
  return appendPlanned(db, datasetId, planUndo);
}

/** Redoes the latest undo; null when there is nothing to redo. */
export function redo(db: CleanroomDb, datasetId: string): Promise<LoggedOperation | null> {
  return appendPlanned(db, datasetId, planRedo);
}

/** What Undo and Redo would do now, for enabling buttons. */
export async function readUndoRedoState(
  db: CleanroomDb,
  datasetId: string,
): Promise<UndoRedoState> {
  return undoRedoState(await listOperations(db, datasetId));
}

/** Plans from the log and appends in the same transaction, so two tabs cannot undo the same step twice. */
function appendPlanned(
  db: CleanroomDb,
  datasetId: string,
  plan: (log: LoggedOperation[]) => Operation | null,
): Promise<LoggedOperation | null> {
  return savingOrFull('this step', () =>
    db.transaction('rw', db.ops, db.datasets, async () => {
      const meta = await readyMeta(db, datasetId);
      const log = await opsOf(db, datasetId).toArray();
      const op = plan(log);
      return op === null ? null : insert(db, meta, (log.at(-1)?.seq ?? 0) + 1, op);
    }),
  );
}

async function insert(
  db: CleanroomDb,
  meta: DatasetMeta,
  seq: number,
  op: Operation,
): Promise<LoggedOperation> {
  const logged: LoggedOperation = { datasetId: meta.id, seq, at: Date.now(), op };
  const reason = validateOperation(logged, meta.columns, meta.rows);
  if (reason !== null) throw new CleanroomError('invalid-operation', reason);
  await db.ops.add(logged);
  return logged;
}

async function readyMeta(db: CleanroomDb, datasetId: string): Promise<DatasetMeta> {
  const meta = await db.datasets.get(datasetId);
  if (meta?.status !== 'ready') {
    throw new CleanroomError(
      'not-found',
      'This dataset no longer exists; it may have been deleted in another tab.',
    );
  }
  return meta;
}

function opsOf(db: CleanroomDb, datasetId: string) {
  return db.ops
    .where('[datasetId+seq]')
    .between([datasetId, Dexie.minKey], [datasetId, Dexie.maxKey]);
}
