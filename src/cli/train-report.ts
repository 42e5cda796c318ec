/** Text renderings of evaluation, gate and drift results for the CLI. */
import type { DriftReport } from '../core/evaluate/drift';
import type { GateResult } from '../core/evaluate/gates';
import type { EvaluationReport } from '../core/evaluate/report';
import { cardMetrics } from '../core/export/model-card';
import { formatMetric } from '../core/export/model-card-markdown';

/** One line per headline metric, then per-class precision/recall/F1 and the confusion matrix. */
export function metricLines(report: EvaluationReport): string[] {
  const lines = cardMetrics(report)
    .filter((m) => !m.name.startsWith('recall['))
    .map((m) => `  ${m.name}: ${formatMetric(m)}`);
  if (report.task === 'classification') {
    for (const c of report.perClass)
      lines.push(
        `  class ${c.class}: precision ${c.precision.toFixed(3)}, recall ${formatMetric({ name: '', ...c.recall })}, F1 ${c.f1.toFixed(3)}, support ${c.support}`,
      );
    lines.push(`  confusion (rows = true, columns = predicted: ${report.classes.join(', ')}):`);
    for (const [i, row] of report.confusion.entries())
      lines.push(`    ${report.classes[i]}: ${row.join(' ')}`);
  }
  return lines;
}

/** "PASS accuracy >= 0.85 (measured 0.912)" per gate. */
export function gateLines(results: GateResult[]): string[] {
  return results.map(
    (r) =>
      `  ${r.pass ? 'PASS' : 'FAIL'} ${r.description} (measured ${Number.isFinite(r.measured) ? r.measured.toFixed(3) : 'n/a'}${r.class ? `, class ${r.class}` : ''})`,
  );
}

/** Per-column drift verdicts and the summary. */
export function driftLines(report: DriftReport): string[] {
  const lines = report.columns.map((c) => {
    if (c.test === 'none') return `  ${c.column}: not tested (${c.note})`;
    const p = `p = ${c.pValue.toPrecision(3)}`;
    const stat =
      c.test === 'ks' || c.test === 'chi-square'
        ? `${c.statistic.toFixed(3)}, ${p} (drift below p ${c.threshold})`
        : `${c.statistic.toFixed(3)} (drift at ≥ ${c.threshold}), ${p}`;
    return `  ${c.column}: ${c.test} ${stat}${c.drifted ? ' DRIFT' : ''}`;
  });
  return [...lines, `  ${report.summary}`];
}
