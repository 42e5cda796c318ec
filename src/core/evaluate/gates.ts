/** Validation gates as data: "accuracy ≥ 0.85 and every class recall ≥ 0.6", checked pass/fail. */
import { CleanroomError } from '../errors';
import type { EvaluationReport } from './report';

/** Metrics a gate can name; per-class ones take `class` ('*' = every class). */
export type GateMetric =
  | 'accuracy'
  | 'balancedAccuracy'
  | 'macroF1'
  | 'logLoss'
  | 'auc'
  | 'ece'
  | 'precision'
  | 'recall'
  | 'f1'
  | 'rmse'
  | 'mae'
  | 'r2';

/** One criterion, e.g. `{ metric: 'recall', class: '*', op: '>=', value: 0.6 }`. */
export interface Gate {
  metric: GateMetric;
  op: '>=' | '>' | '<=' | '<';
  value: number;
  class?: string;
}

/** A gate's outcome with the measured value (for '*', the worst class). */
export interface GateResult {
  gate: Gate;
  description: string;
  measured: number;
  /** For per-class gates, the class that decided the outcome. */
  class?: string;
  pass: boolean;
}

const PER_CLASS = new Set<GateMetric>(['precision', 'recall', 'f1']);
const METRICS = new Set<string>([
  'accuracy',
  'balancedAccuracy',
  'macroF1',
  'logLoss',
  'auc',
  'ece',
  'precision',
  'recall',
  'f1',
  'rmse',
  'mae',
  'r2',
]);

/** Parses "accuracy >= 0.85; recall[*] >= 0.6" (also `and` or `,` between criteria). */
export function parseGates(text: string): Gate[] {
  return text
    .split(/;|,|\band\b/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Za-z0-9]+)(?:\[([^\]]+)\])?\s*(>=|<=|>|<)\s*(-?[0-9.]+(?:e-?\d+)?)$/.exec(
        part,
      );
      if (!m || !METRICS.has(m[1]))
        throw new CleanroomError(
          'invalid-operation',
          `Cannot read the gate "${part}": write e.g. "accuracy >= 0.85" or "recall[*] >= 0.6".`,
        );
      const gate: Gate = {
        metric: m[1] as GateMetric,
        op: m[3] as Gate['op'],
        value: Number(m[4]),
      };
      if (m[2] !== undefined) gate.class = m[2];
      else if (PER_CLASS.has(gate.metric)) gate.class = '*';
      return gate;
    });
}

/** Checks gates read from JSON (a file, a stored run): an array of `Gate` objects. */
export function validateGates(value: unknown): Gate[] {
  const fail = (why: string) =>
    new CleanroomError('invalid-operation', `Gates JSON is not valid: ${why}.`);
  if (!Array.isArray(value)) throw fail('expected an array of gates');
  return value.map((g, i) => {
    const gate = g as Partial<Gate>;
    if (typeof gate !== 'object' || gate === null || !METRICS.has(String(gate.metric)))
      throw fail(`gate ${i + 1} names no known metric`);
    if (!['>=', '>', '<=', '<'].includes(String(gate.op)))
      throw fail(`gate ${i + 1} has no comparison (>=, >, <=, <)`);
    if (typeof gate.value !== 'number' || !Number.isFinite(gate.value))
      throw fail(`gate ${i + 1} has no numeric value`);
    if (gate.class !== undefined && typeof gate.class !== 'string')
      throw fail(`gate ${i + 1} has a class that is not text`);
    return { ...gate } as Gate;
  });
}

/** "recall[every class] ≥ 0.6" */
export function describeGate(gate: Gate): string {
  const who =
    gate.class === undefined ? '' : gate.class === '*' ? '[every class]' : `[${gate.class}]`;
  return `${gate.metric}${who} ${gate.op} ${gate.value}`;
}

function compare(measured: number, op: Gate['op'], value: number): boolean {
  if (!Number.isFinite(measured)) return false;
  return op === '>='
    ? measured >= value
    : op === '>'
      ? measured > value
      : op === '<='
        ? measured <= value
        : measured < value;
}

function scalar(report: EvaluationReport, metric: GateMetric): number {
  if (report.task === 'regression') {
    if (metric === 'rmse' || metric === 'mae' || metric === 'r2') return report[metric].value;
    return NaN;
  }
  switch (metric) {
    case 'accuracy':
    case 'balancedAccuracy':
    case 'logLoss':
      return report[metric].value;
    case 'macroF1':
      return report.macroF1;
    case 'auc':
      return report.roc?.auc.value ?? NaN;
    case 'ece':
      return report.calibration.ece;
    default:
      return NaN;
  }
}

/** Checks every gate against `report`; a metric the report lacks fails with measured NaN. */
export function evaluateGates(
  report: EvaluationReport,
  gates: Gate[],
): { pass: boolean; results: GateResult[] } {
  const results = gates.map((gate): GateResult => {
    const description = describeGate(gate);
    if (!PER_CLASS.has(gate.metric) || report.task !== 'classification') {
      const measured = scalar(report, gate.metric);
      return { gate, description, measured, pass: compare(measured, gate.op, gate.value) };
    }
    const per = report.perClass.map((c) => ({
      class: c.class,
      v:
        gate.metric === 'recall'
          ? c.recall.value
          : gate.metric === 'precision'
            ? c.precision
            : c.f1,
    }));
    const chosen =
      gate.class === '*' || gate.class === undefined
        ? per
        : per.filter((p) => p.class === gate.class);
    if (chosen.length === 0) return { gate, description, measured: NaN, pass: false };
    // The decisive class: the first failing one, else the one closest to the threshold.
    const failing = chosen.find((p) => !compare(p.v, gate.op, gate.value));
    const decisive =
      failing ??
      chosen.reduce((a, b) => (Math.abs(b.v - gate.value) < Math.abs(a.v - gate.value) ? b : a));
    return { gate, description, measured: decisive.v, class: decisive.class, pass: !failing };
  });
  return { pass: results.every((r) => r.pass), results };
}
