/**
 * Replays active operations onto one decoded column chunk: the current version of a cell is
 * its source value with every active op of its column applied in seq order, so a transform made
 * after a cell edit also transforms the edited value, and an edit made after a transform wins
 * (inside a batch, its parts' order decides the same way).
 */
import type { ColumnChunk } from '../table/types';
import { ChunkDraft } from './chunk-draft';
import { applyTransform } from './column-transforms';
import { cellEditsIn, toIndex, type OperationIndex } from './op-index';
import type { LoggedOperation } from './operations';
import { parseCellText } from './parse-value';

/**
 * The chunk with `ops` applied, as a new object; buffers no op touches are shared with `chunk`
 * (treat both as read-only), touched ones are copies. `ops` is an index from indexOperations
 * (reuse it across chunks), active ops, or a raw log (reverts are resolved first).
 */
export function applyOperationsToChunk(
  chunk: ColumnChunk,
  column: number,
  chunkStartRow: number,
  ops: readonly LoggedOperation[] | OperationIndex,
): ColumnChunk {
  const index = toIndex(ops);
  const transforms = index.transforms.get(column) ?? [];
  const edits = cellEditsIn(index, column, chunkStartRow, chunkStartRow + chunk.rows);
  const draft = new ChunkDraft(chunk);
  let t = 0;
  let e = 0;
  while (t < transforms.length || e < edits.length) {
    if (e >= edits.length || (t < transforms.length && transforms[t].order < edits[e].order)) {
      applyTransform(draft, transforms[t++].transform);
    } else {
      const edit = edits[e++];
      draft.setCell(edit.row - chunkStartRow, parseCellText(edit.value, chunk.type));
    }
  }
  return draft.result();
}
