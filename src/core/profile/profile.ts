/**
 * A dataset profile: per-column statistics, duplicate rows, which columns go missing together,
 * each column's association with a chosen target, strongly correlated numeric pairs, and alerts.
 */
import { duplicateGroups } from '../detect/duplicates';
import { valueCounts } from '../stats/value-counts';
import type { Frame } from '../table/frame';
import { columnAlerts, THRESHOLDS, type ProfileAlert } from './alerts';
import { association, isNumericColumn, pearson } from '../stats/association';
import { profileColumn, type ColumnProfile } from './column-profile';
import { missingCounts } from './missing-patterns';

const MAX_PATTERNS = 20;

/** The whole profile. */
export interface DatasetProfile {
  rows: number;
  columns: ColumnProfile[];
  /** Rows that repeat an earlier row exactly. */
  duplicateRows: number;
  /** missingTogether[i][j] = rows where columns i and j are both empty (diagonal: i alone). */
  missingTogether: number[][];
  /** The most common sets of missing columns (by name), with how many rows have exactly that set. */
  missingPatterns: Array<{ columns: string[]; count: number }>;
  /** Association of each column with the target on 0..1 (empty without a target). */
  targetAssociation: Array<{ column: string; measure: string; value: number }>;
  /** Numeric pairs with |Pearson r| above the alert threshold. */
  correlatedPairs: Array<{ a: string; b: string; r: number }>;
  alerts: ProfileAlert[];
}

/** Profiles `frame`; `target` (a column index) adds target associations. */
export function profileFrame(frame: Frame, target: number | null): DatasetProfile {
  const kept = frame.rows - frame.excluded.reduce((a, b) => a + b, 0);
  const columns = frame.columns.map((c) => profileColumn(c, frame.excluded));
  const alerts: ProfileAlert[] = [];
  columns.forEach((p, c) => {
    const col = frame.columns[c];
    // Imbalance needs every class count, not only the top ones.
    let counts: number[] | null = null;
    if (p.distinct <= THRESHOLDS.cardinality && col.kind === 'string')
      counts = [...valueCounts(col.values, frame.excluded).values()];
    else if (p.distinct <= THRESHOLDS.cardinality) {
      const m = new Map<string | number, number>();
      for (const v of col.values)
        if (v !== null && !(typeof v === 'number' && Number.isNaN(v)))
          m.set(v, (m.get(v) ?? 0) + 1);
      counts = [...m.values()];
    }
    alerts.push(...columnAlerts(p, kept, counts));
  });
  const { together, patterns } = missingCounts(frame);
  const missingPatterns = [...patterns]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PATTERNS)
    .map(([key, count]) => ({
      columns: key.split(',').map((c) => frame.columns[Number(c)].meta.name),
      count,
    }));
  const duplicateRows = duplicateGroups(
    frame,
    frame.columns.map((_, c) => c),
    'exact',
  ).reduce((sum, g) => sum + g.length - 1, 0);
  const targetAssociation =
    target === null
      ? []
      : frame.columns.flatMap((c, i) => {
          if (i === target) return [];
          const a = association(c, frame.columns[target]);
          return [{ column: c.meta.name, measure: a.measure, value: a.value }];
        });
  const numeric = frame.columns.filter(isNumericColumn);
  const correlatedPairs: DatasetProfile['correlatedPairs'] = [];
  for (let i = 0; i < numeric.length; i++)
    for (let j = i + 1; j < numeric.length; j++) {
      const r = pearson(numeric[i].values, numeric[j].values);
      if (r > THRESHOLDS.correlation) {
        correlatedPairs.push({ a: numeric[i].meta.name, b: numeric[j].meta.name, r });
        alerts.push({
          kind: 'high-correlation',
          column: numeric[i].meta.name,
          message: `${numeric[i].meta.name} and ${numeric[j].meta.name} are highly correlated (|r| = ${r.toFixed(2)}): one of them adds little, and together they make linear models unstable.`,
        });
      }
    }
  return {
    rows: kept,
    columns,
    duplicateRows,
    missingTogether: together,
    missingPatterns,
    targetAssociation,
    correlatedPairs,
    alerts,
  };
}
