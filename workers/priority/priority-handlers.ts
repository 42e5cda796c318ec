/**
 * The priority worker's methods over core + storage: rank a dataset version against a reference,
 * keep the live ranking (one per dataset), page it, explain a row, and follow the user's fixes.
 */
import { activeOperations } from '../../src/core/clean/active-operations';
import { CleanroomError } from '../../src/core/errors';
import { rankRows } from '../../src/core/impact/rank';
import { defaultMaxReference } from '../../src/core/impact/value-splits';
import {
  classProbabilities,
  columnDistribution,
  nearestRows,
} from '../../src/core/impact/row-evidence';
import { reviewValidation } from '../../src/core/impact/validation-review';
import type { Frame } from '../../src/core/table/frame';
import type { PriorityMethods, PrioritySummary } from '../../src/protocol/priority-methods';
import type { Handlers } from '../../src/protocol/server';
import { getDataset } from '../../src/storage/datasets-repo';
import type { CleanroomDb } from '../../src/storage/db';
import { listOperations } from '../../src/storage/ops-repo';
import { checkAborted } from '../shared/abort';
import { FrameCache, type VersionedFrame } from '../shared/frame-cache';
import { holdRanking, liveBalance, queueItem, queuePage, type HeldRanking } from './priority-held';

/**
 * Sets up TF.js for distance products of about `work` multiply-adds: the backend's name, and a
 * note on the choice.
 */
export type BackendLoader = (work: number) => Promise<{ name: string; note: string | null }>;

/** Neighbours listed as evidence. */
const NEIGHBOURS = 10;

const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Validation rows a person reviewed: the rows of active mark-reviewed or relabel operations. */
async function reviewedRows(db: CleanroomDb, id: string): Promise<Set<number>> {
  const rows = new Set<number>();
  for (const { op } of activeOperations(await listOperations(db, id)))
    if (op.kind === 'mark-reviewed' || op.kind === 'relabel') rows.add(op.row);
  return rows;
}

const seqOf = (v: VersionedFrame) => Number(v.version.slice(v.version.lastIndexOf('@') + 1));

export function createPriorityHandlers(
  db: CleanroomDb,
  loadBackend: BackendLoader,
): Handlers<PriorityMethods> {
  const frames = new FrameCache(db);
  const held = new Map<string, HeldRanking>();

  const holding = (id: string): HeldRanking => {
    const h = held.get(id);
    if (!h)
      throw new CleanroomError(
        'not-found',
        'No ranking is held for this dataset (the worker may have restarted): rank it again.',
      );
    return h;
  };

  const referenceSummary = async (h: HeldRanking): Promise<PrioritySummary['reference']> => {
    const ref = h.summary.reference;
    if (!h.validation) return ref;
    return { ...ref, reviewed: (await reviewedRows(db, h.validation.id)).size };
  };

  return {
    async rank({ id, target, validation, k }, { signal, progress }) {
      const started = performance.now();
      const read = (done: number, total: number) => progress({ phase: 'read', done, total });
      const train = await frames.load(id, signal, read);
      let val: { id: string; frame: Frame; name: string } | null = null;
      if (validation.kind === 'dataset') {
        if (validation.id === id)
          throw new CleanroomError(
            'invalid-operation',
            'The validation dataset must be another dataset than the one being ranked.',
          );
        const v = await frames.load(validation.id, signal, read);
        val = { id: validation.id, frame: v.frame, name: v.meta.name };
      }
      progress({ phase: 'backend', done: 0, total: 1 });
      const backend = await loadBackend(distanceWork(train.frame, val?.frame ?? null));
      await yieldTurn();
      checkAborted(signal);
      let phase = 'KNN-Shapley';
      const result = await rankRows(train.frame, val?.frame ?? null, target, {
        k,
        onProgress: (message) => {
          // Between blocks of validation rows: the only points where a cancel can be seen.
          checkAborted(signal);
          const counted = /(\d+)\/(\d+) validation rows/.exec(message);
          // "KNN-Shapley: …", "detectors: …": the step's name leads the line.
          const step = /^([A-Za-z][\w -]*?):/.exec(message);
          if (step) phase = step[1];
          if (counted) progress({ phase, done: Number(counted[1]), total: Number(counted[2]) });
          else progress({ phase, done: 0, total: 1 });
        },
      });
      checkAborted(signal);
      const { state, referenceOf } = holdRanking(result, train.frame, seqOf(train));
      // The rows actually valued against (a seeded sample where the reference was capped).
      const references = result.references.reduce((sum, r) => sum + r.val.rows, 0);
      const reviewed = val ? (await reviewedRows(db, val.id)).size : 0;
      const summary: PrioritySummary = {
        id,
        target,
        reference: {
          kind: val ? 'dataset' : 'held-out',
          name: val?.name ?? null,
          rows: references,
          reviewed,
        },
        rows: train.frame.rows,
        flagged: result.rows.filter((r) => r.score > 0).length,
        notes: [
          ...result.notes,
          ...(backend.note ? [backend.note] : []),
          "The cleaning curve adds each fix's estimated gain: a relabel's exact KNN-Shapley gain, a cell fix's gain only where a counterfactual measured it (0 elsewhere; its place in the queue still uses the detector evidence). Summed over many rows the gains overlap, so each counts as a share of the accuracy still left and the curve never passes 100%.",
        ],
        counters: state.counters(),
        curve: state.curve(),
        balance: liveBalance(state, result, train.frame),
        backend: backend.name,
        ms: Math.round(performance.now() - started),
      };
      held.set(id, {
        state,
        result,
        frame: train.frame,
        validation: val ? { id: val.id, frame: val.frame } : null,
        referenceOf,
        summary,
        review: null,
      });
      return summary;
    },

    async queue(query) {
      return queuePage(holding(query.id).state, query);
    },

    async evidence({ id, row }) {
      const h = holding(id);
      const { state, result } = h;
      if (!Number.isInteger(row) || row < 0 || row >= h.frame.rows)
        throw new CleanroomError('not-found', `Row ${row} is not in this dataset.`);
      const rank = state.order.indexOf(row);
      const item = queueItem(state, row, rank);
      const classes = result.data.classes;
      const neighbours = nearestRows(
        result.data.train,
        row,
        h.referenceOf(row),
        classes,
        NEIGHBOURS,
        h.validation ? -1 : row,
      );
      const target = result.data.target;
      const column = item.column;
      return {
        row,
        item,
        neighbours,
        classes:
          item.kind === 'label' || item.kind === 'missing-target' || column === target
            ? classProbabilities(result.shapley, row, classes, neighbours)
            : null,
        distribution: column === null ? null : columnDistribution(h.frame, column, row),
      };
    },

    async noteOperations({ id, ops, skipped }) {
      const h = holding(id);
      const update = h.state.noteOperations(
        ops.filter((e) => e.datasetId === id),
        skipped ?? [],
      );
      const balance = liveBalance(h.state, h.result, h.frame);
      h.summary = { ...h.summary, counters: update.counters, curve: update.curve, balance };
      return { ...update, balance };
    },

    async validationSuggestions({ id, offset, limit }, { signal }) {
      const h = holding(id);
      if (!h.validation)
        throw new CleanroomError(
          'invalid-operation',
          'This ranking uses a held-out share of the training rows: choose a validation dataset to review it.',
        );
      const { data } = h.result;
      await loadBackend(data.train.rows * (data.val?.rows ?? 0) * data.train.width);
      h.review ??= reviewValidation(h.result.data, h.result.shapley.k || 10, h.frame.excluded);
      h.review.catch(() => (h.review = null));
      const [review, reviewed] = await Promise.all([h.review, reviewedRows(db, h.validation.id)]);
      checkAborted(signal);
      const column = h.validation.frame.columns.findIndex((c) => c.meta.name === h.summary.target);
      const open = review.items.filter((item) => !reviewed.has(item.row));
      return {
        total: open.length,
        items: open.slice(offset, offset + limit).map((item) => ({
          row: item.row,
          score: item.score,
          reason: item.reason,
          suggestion:
            item.suggested === null
              ? null
              : { kind: 'relabel', row: item.row, column, value: item.suggested },
        })),
      };
    },

    async summary({ id }) {
      const h = held.get(id);
      if (!h) return null;
      if (!(await getDataset(db, id))) {
        held.delete(id);
        return null;
      }
      return { ...h.summary, reference: await referenceSummary(h) };
    },
  };
}

/** Multiply-adds of the distance products, roughly (the encoded width is not known yet). */
function distanceWork(train: Frame, val: Frame | null): number {
  const columns = train.columns.length;
  const cap = defaultMaxReference(train.rows);
  // Held out: both parts value each other, 2 × (N − h) × h products, h = min(0.2 N, cap).
  const held = Math.min(0.2 * train.rows, cap);
  return val
    ? train.rows * Math.min(val.rows, cap) * columns
    : 2 * (train.rows - held) * held * columns;
}
