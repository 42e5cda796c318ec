/**
 * Bulk fixes: one fix applied to every open queue row of the same group. A group is the rows
 * whose suggestion is the same column-wide transform (one operation fixes them all), or the rows
 * of the same evidence kind and column whose suggestion is of the same kind (a relabel also
 * names its new class); then each row gets its own suggested operation, all logged as one batch
 * (one step of the history, one Undo). The group is collected by paging the worker's queue,
 * never by loading the whole ranking.
 */
import { asOneStep, isDataOperation } from '../../core/clean/batch';
import {
  CONFIRM_RELABEL_ROWS,
  relabelBalance,
  relabelNeedsConfirmation,
  type RelabelBalance,
} from '../../core/impact/class-balance';
import type { DataOperation, Operation } from '../../core/clean/operations';
import type { ColumnMeta } from '../../core/table/types';
import type { Client } from '../../protocol/client';
import type { PriorityMethods, QueueItem } from '../../protocol/priority-methods';

/** Queue rows fetched per page while collecting a group. */
export const BULK_PAGE = 500;

/** The group an item's suggestion belongs to, or null when it has no suggestion. */
export function bulkKey(item: QueueItem): string | null {
  const s = item.suggestion;
  if (!s) return null;
  if (s.kind === 'column-transform') return `transform:${s.column}:${stableJson(s.transform)}`;
  const column = 'column' in s ? s.column : item.column;
  const detail = s.kind === 'relabel' ? `:${s.value}` : '';
  return `${item.kind}:${column ?? '-'}:${s.kind}${detail}`;
}

/** A collected group: its rows and the operations that fix them. */
export interface BulkPlan {
  key: string;
  /** Queue rows the fix covers (0-based data rows). */
  rows: number[];
  /** One column-wide transform, or one operation per row. */
  ops: DataOperation[];
  /** True when one column-wide operation changes every matching cell, not only these rows. */
  columnWide: boolean;
  /** For a group of relabels: the class balance before and after (null otherwise). */
  balance: RelabelBalance | null;
  /** True when it relabels more than 20 rows out of one class: Apply needs an explicit yes. */
  needsConfirmation: boolean;
}

/** Rows per class now, as the ranking's summary counts them. */
export type ClassCounts = ReadonlyArray<{ label: string; rows: number }>;

/**
 * Builds the plan for `items` already filtered to one key; `counts` (rows per class now) gives a
 * relabel group its balance before and after.
 */
export function planBulk(
  key: string,
  items: readonly QueueItem[],
  counts: ClassCounts | null = null,
): BulkPlan {
  const rows = items.map((i) => i.row);
  const first = items[0]?.suggestion;
  if (first?.kind === 'column-transform')
    return { key, rows, ops: [first], columnWide: true, balance: null, needsConfirmation: false };
  const ops = items.flatMap((i) =>
    i.suggestion && isDataOperation(i.suggestion) ? [i.suggestion] : [],
  );
  const moves = items.flatMap((i): Array<[string | null, string]> =>
    i.suggestion?.kind === 'relabel' ? [[i.label ?? null, i.suggestion.value]] : [],
  );
  const balance = moves.length > 0 ? relabelBalance(counts ?? [], moves) : null;
  // A row whose class the worker did not say is counted as leaving an unknown class: when every
  // row's class is unknown, any group above the limit still needs the explicit yes.
  const unknown = items.filter((i) => i.suggestion?.kind === 'relabel' && i.label === undefined);
  const needsConfirmation =
    (balance !== null && relabelNeedsConfirmation(balance)) ||
    unknown.length > CONFIRM_RELABEL_ROWS;
  return { key, rows, ops, columnWide: false, balance, needsConfirmation };
}

/** The one log entry a confirmed plan appends: its single op, or a batch of its row fixes. */
export function bulkStep(
  plan: Pick<BulkPlan, 'ops'> & Partial<BulkPlan>,
  columns: readonly ColumnMeta[],
): Operation | null {
  return asOneStep(plan.ops, (c) => columns[c]?.name ?? `column ${c}`);
}

/**
 * Pages the open queue of `item`'s kind (and column, where the worker filters by it) and keeps
 * the rows of `item`'s group. `signal` stops the walk between pages.
 */
export async function collectGroup(
  client: Client<PriorityMethods>,
  datasetId: string,
  item: QueueItem,
  signal?: AbortSignal,
  counts: ClassCounts | null = null,
): Promise<BulkPlan | null> {
  const key = bulkKey(item);
  if (key === null) return null;
  const matching: QueueItem[] = [];
  let offset = 0;
  for (;;) {
    if (signal?.aborted) return null;
    const page = await client.call('queue', {
      id: datasetId,
      offset,
      limit: BULK_PAGE,
      status: 'open',
      kind: item.kind,
      column: item.column,
    });
    for (const candidate of page.items) if (bulkKey(candidate) === key) matching.push(candidate);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  return planBulk(key, matching, counts);
}

/** JSON with object keys sorted, so equal transforms give equal keys whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
