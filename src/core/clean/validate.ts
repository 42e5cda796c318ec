/**
 * Checks an operation against a dataset's shape before it enters the log. Ops also arrive from
 * recipe JSON, so every field is checked at runtime, not trusted from the type.
 */
import { NUMERIC_TYPES, type ColumnMeta } from '../table/types';
import type { ColumnTransform, LoggedOperation, Operation } from './operations';
import { parseCellText } from './parse-value';

const STRATEGIES = new Set(['median', 'mean', 'mode', 'constant']);

/**
 * A sentence saying why `op` cannot apply to a dataset of `rowCount` rows and `columns`, or null
 * when it can. A LoggedOperation also lets reverts be checked against its own seq (a bare
 * Operation has none yet, so only `target >= 1` is checked; seqs are dense, so any lower one exists).
 */
export function validateOperation(
  op: LoggedOperation | Operation,
  columns: readonly ColumnMeta[],
  rowCount: number,
): string | null {
  const logged = typeof op === 'object' && op !== null && 'op' in op ? op : null;
  const operation: Operation = logged ? logged.op : (op as Operation);
  if (typeof operation !== 'object' || operation === null)
    return 'This change is not an operation.';
  switch (operation.kind) {
    case 'set-cell':
      return (
        rowReason(operation.row, rowCount) ??
        columnReason(operation.column, columns, 'edit') ??
        valueReason(operation.value, columns[operation.column], operation.row, true)
      );
    case 'relabel':
      return (
        rowReason(operation.row, rowCount) ??
        columnReason(operation.column, columns, 'relabel') ??
        valueReason(operation.value, columns[operation.column], operation.row, false)
      );
    case 'exclude-row':
    case 'mark-reviewed':
      return rowReason(operation.row, rowCount);
    case 'column-transform':
      return (
        columnReason(operation.column, columns, 'transform') ??
        transformReason(operation.transform, columns[operation.column])
      );
    case 'revert':
      return revertReason(operation, logged?.seq ?? null);
    case 'batch':
      return batchReason(operation, columns, rowCount);
    default:
      return `“${String((operation as { kind?: unknown }).kind)}” is not a known kind of change.`;
  }
}

function rowReason(row: unknown, rowCount: number): string | null {
  if (typeof row === 'number' && Number.isInteger(row) && row >= 0 && row < rowCount) return null;
  return `Row ${String(row)} does not exist: this dataset has ${count(rowCount, 'row')}, numbered from 0.`;
}

function columnReason(
  column: unknown,
  columns: readonly ColumnMeta[],
  verb: string,
): string | null {
  if (
    typeof column === 'number' &&
    Number.isInteger(column) &&
    column >= 0 &&
    column < columns.length
  ) {
    return null;
  }
  return `There is no column ${String(column)} to ${verb}: this dataset has ${count(columns.length, 'column')}, numbered from 0.`;
}

function valueReason(
  value: unknown,
  meta: ColumnMeta,
  row: number,
  allowMissing: boolean,
): string | null {
  if (value === null && allowMissing) return null;
  if (typeof value !== 'string')
    return `The new value for row ${row} of “${meta.name}” must be text.`;
  if (!allowMissing && value.trim() === '')
    return `A label cannot be empty (row ${row} of “${meta.name}”).`;
  const parsed = parseCellText(value, meta.type);
  if (parsed.kind !== 'invalid') return null;
  return `Cannot put that value in row ${row} of “${meta.name}”: ${parsed.reason}`;
}

function transformReason(transform: ColumnTransform, meta: ColumnMeta): string | null {
  if (typeof transform !== 'object' || transform === null)
    return 'The column change is missing its details.';
  const numeric = NUMERIC_TYPES.has(meta.type);
  switch (transform.kind) {
    case 'trim':
      return null;
    case 'replace-with-missing':
      if (!isStringList(transform.values) || transform.values.length === 0) {
        return `Choose at least one value of “${meta.name}” to turn into missing.`;
      }
      return null;
    case 'map-categories': {
      const pairs = transform.mapping;
      const wellFormed =
        Array.isArray(pairs) &&
        pairs.length > 0 &&
        pairs.every((p) => Array.isArray(p) && isStringList(p) && p.length === 2);
      if (!wellFormed) return `Choose at least one value of “${meta.name}” and what it becomes.`;
      if (!numeric) return null;
      for (const [from, to] of pairs) {
        const parsed = parseCellText(to, meta.type);
        if (parsed.kind === 'invalid')
          return `Cannot map “${from}” in “${meta.name}”: ${parsed.reason}`;
      }
      return null;
    }
    case 'impute': {
      if (!STRATEGIES.has(transform.strategy))
        return `“${String(transform.strategy)}” is not a way to fill gaps.`;
      if (typeof transform.value !== 'string' || transform.value === '') {
        return `Missing cells of “${meta.name}” need a value to be filled with.`;
      }
      const parsed = parseCellText(transform.value, meta.type);
      return parsed.kind === 'invalid'
        ? `Cannot fill missing cells of “${meta.name}”: ${parsed.reason}`
        : null;
    }
    default:
      return `“${String((transform as { kind?: unknown }).kind)}” is not a known column change.`;
  }
}

function revertReason(
  op: Extract<Operation, { kind: 'revert' }>,
  seq: number | null,
): string | null {
  const { target } = op;
  if (op.via !== undefined && op.via !== 'undo' && op.via !== 'redo')
    return 'A revert is made by hand, by undo or by redo.';
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 1) {
    return `There is no step #${String(target)} to revert.`;
  }
  if (seq === null) return null;
  // Appending a revert of a step that does not exist yet lands here too, so name both causes.
  if (target === seq) return `There is no step #${target} to revert: a step cannot revert itself.`;
  if (target > seq)
    return `There is no step #${target} to revert: the history has ${count(seq - 1, 'step')}.`;
  return null;
}

/** Why a batch cannot apply: bad label, no parts, a revert or batch inside, or an invalid part. */
function batchReason(
  op: Extract<Operation, { kind: 'batch' }>,
  columns: readonly ColumnMeta[],
  rowCount: number,
): string | null {
  if (typeof op.label !== 'string' || op.label.trim() === '')
    return 'A group step needs a description.';
  if (!Array.isArray(op.ops) || op.ops.length === 0)
    return 'A group step must hold at least one change.';
  for (let i = 0; i < op.ops.length; i++) {
    const part = op.ops[i] as Operation;
    const where = `Change ${i + 1} of ${op.ops.length} in “${op.label}”`;
    const kind = typeof part === 'object' && part !== null ? part.kind : null;
    if (kind === 'revert' || kind === 'batch') {
      return `${where} is ${kind === 'revert' ? 'a revert' : 'another group step'}; a group step holds only changes to data, so nothing was stored.`;
    }
    const reason = validateOperation(part, columns, rowCount);
    if (reason !== null) return `${where} cannot apply, so nothing was stored: ${reason}`;
  }
  return null;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
