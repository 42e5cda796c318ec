/** Text for the Priority and Clean tabs: gains, the reference, progress, operations. */
import type { Operation } from '../../core/clean/operations';
import type { ColumnMeta } from '../../core/table/types';
import type { PriorityProgress, PrioritySummary, QueueKind } from '../../protocol/priority-methods';

/** A gain (fraction of validation accuracy) in points: 0.004 → "+0.40 points". */
export function formatPoints(gain: number): string {
  if (!Number.isFinite(gain)) return '–';
  const points = 100 * gain;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return `${sign}${Math.abs(points).toFixed(2)} points`;
}

/** An accuracy fraction as a percentage with one decimal: 0.8412 → "84.1%". */
export function formatAccuracy(accuracy: number): string {
  return Number.isFinite(accuracy) ? `${(100 * accuracy).toFixed(1)}%` : '–';
}

/** A share 0..1 as a percentage, one decimal below 10%: 0.153 → "15%", 0.012 → "1.2%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const pct = 100 * share;
  return `${pct > 0 && pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

/** What a queue kind means, in a few words. */
export const KIND_LABELS: Record<QueueKind, string> = {
  'missing-target': 'missing label',
  label: 'label',
  cell: 'cell value',
  none: 'no evidence',
};

/** The reference the ranking was measured against, said plainly. */
export function referenceText(reference: PrioritySummary['reference']): string {
  const rows = reference.rows.toLocaleString('en-US');
  if (reference.kind === 'held-out') {
    return `A held-out split of this dataset's own rows (${rows} rows). No reviewed validation split is used: its labels may be as dirty as the rest.`;
  }
  const reviewed = reference.reviewed.toLocaleString('en-US');
  return `Validation dataset “${reference.name ?? '?'}”: ${reviewed} of ${rows} validation rows reviewed.`;
}

/** A progress report of `rank` in words. */
export function rankProgressText(p: PriorityProgress | null): string {
  if (!p) return 'Starting…';
  if (p.total <= 0) return `${p.phase}…`;
  return `${p.phase}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
}

/** Fraction 0..1 of a progress report. */
export function rankProgressFraction(p: PriorityProgress | null): number {
  return !p || p.total <= 0 ? 0 : Math.min(1, Math.max(0, p.done / p.total));
}

/** One operation in words, naming its column and row ("Row 12: set “bill” to 42"). */
export function describeOperation(op: Operation, columns: readonly ColumnMeta[]): string {
  const name = (c: number) => `“${columns[c]?.name ?? `column ${c}`}”`;
  switch (op.kind) {
    case 'set-cell':
      return op.value === null
        ? `Row ${op.row}: make ${name(op.column)} missing`
        : `Row ${op.row}: set ${name(op.column)} to “${op.value}”`;
    case 'relabel':
      return `Row ${op.row}: relabel ${name(op.column)} as “${op.value}”`;
    case 'exclude-row':
      return `Exclude row ${op.row}`;
    case 'mark-reviewed':
      return `Row ${op.row}: mark as reviewed (OK)`;
    case 'revert':
      return `Revert step #${op.target}`;
    case 'batch':
      return op.label;
    case 'column-transform': {
      const t = op.transform;
      if (t.kind === 'trim') return `Trim spaces in ${name(op.column)}`;
      if (t.kind === 'replace-with-missing')
        return `Make ${t.values.map((v) => `“${v}”`).join(', ')} missing in ${name(op.column)}`;
      if (t.kind === 'impute')
        return `Fill missing ${name(op.column)} with “${t.value}” (${t.strategy})`;
      return `In ${name(op.column)}: ${t.mapping.map(([a, b]) => `“${a}” → “${b}”`).join(', ')}`;
    }
  }
}

/** True when two datasets have the same column names (in any order): a usable reference. */
export function sameColumns(
  a: { columns: readonly { name: string }[] },
  b: { columns: readonly { name: string }[] },
): boolean {
  if (a.columns.length !== b.columns.length) return false;
  const names = new Set(a.columns.map((c) => c.name));
  return b.columns.every((c) => names.has(c.name));
}
