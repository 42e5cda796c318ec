/** Builders shared by the RankState tests. */
import type { LoggedOperation, Operation } from '../../../src/core/clean/operations';
import type { RankState } from '../../../src/core/impact/rank-state';

/** Logs ops one after another, like the dataset's operation log. */
export function logger() {
  let seq = 0;
  return (op: Operation): LoggedOperation => ({ datasetId: 'd', seq: ++seq, at: seq, op });
}

/** Everything a ranking shows: order, statuses and every row's line. */
export function snapshot(state: RankState) {
  const n = state.signals.values.length;
  return {
    order: [...state.order],
    status: [...state.status],
    items: Array.from({ length: n }, (_, r) => state.item(r)),
  };
}
