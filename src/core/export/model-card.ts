/** The model card: what the model is for, what it was trained on, how well it did (JSON + Markdown). */
import type { GateResult } from '../evaluate/gates';
import type { Estimate } from '../evaluate/intervals';
import type { EvaluationReport } from '../evaluate/report';
import type { RevealLedger } from '../evaluate/reveal-budget';
import type { ModelSpec } from '../train/model-spec';
import type { ExcludedColumn } from '../train/preprocessing';
import type { TrainResult } from '../train/train';
import { DEFAULT_PRIVACY_K } from '../evaluate/private-summary';
import { cardPrivacy, type CardPrivacy } from './privacy-section';

/** One headline figure with its 95% interval (NaN bounds: none computed). */
export interface CardMetric extends Estimate {
  name: string;
}

/** model-card.json. */
export interface ModelCard {
  format: 'cleanroom-model-card';
  version: 1;
  name: string;
  createdAt: string;
  intendedUse: string;
  limitations: string[];
  /** Lineage placeholders, filled by the app from the dataset version and its recipe. */
  data: {
    datasetId: string | null;
    datasetVersion: string | null;
    recipeHash: string | null;
    rows: { train: number; validation: number; test: number };
    rowsWithoutTarget: number;
    /** Rows left out because their regression target lay far outside the rest (absent before). */
    rowsTargetFarOut?: number;
    rowsExcluded: number;
  };
  task: TrainResult['target']['task'];
  target: string;
  classes: string[];
  model: ModelSpec & { epochsRun: number; bestEpoch: number; backend: string | null };
  features: { used: string[]; excluded: ExcludedColumn[] };
  metrics: { validation: CardMetric[]; test: CardMetric[] | null };
  testReveals: RevealLedger | null;
  gates: { split: 'validation' | 'test'; pass: boolean; results: GateResult[] } | null;
  /** What the zip holds and the k behind it (absent in cards written before it existed). */
  privacy?: CardPrivacy;
}

/** Headline metrics of a report, flattened for the card. */
export function cardMetrics(report: EvaluationReport): CardMetric[] {
  const m = (name: string, e: Estimate): CardMetric => ({ name, ...e });
  const plain = (name: string, value: number): CardMetric => ({
    name,
    value,
    low: NaN,
    high: NaN,
    method: 'none',
  });
  if (report.task === 'regression')
    return [m('rmse', report.rmse), m('mae', report.mae), m('r2', report.r2)];
  return [
    m('accuracy', report.accuracy),
    m('balancedAccuracy', report.balancedAccuracy),
    plain('macroF1', report.macroF1),
    m('logLoss', report.logLoss),
    ...(report.roc ? [m('auc', report.roc.auc)] : []),
    plain('ece', report.calibration.ece),
    ...report.perClass.map((c) => m(`recall[${c.class}]`, c.recall)),
  ];
}

/** Extra facts the run itself does not know. */
export interface CardContext {
  name?: string;
  intendedUse?: string;
  limitations?: string[];
  backend?: string | null;
  datasetId?: string | null;
  datasetVersion?: string | null;
  recipeHash?: string | null;
  test?: EvaluationReport | null;
  testReveals?: RevealLedger | null;
  gates?: ModelCard['gates'];
  createdAt?: string;
}

/** Builds the card of a finished run. */
export function buildModelCard(run: TrainResult, context: CardContext = {}): ModelCard {
  return {
    format: 'cleanroom-model-card',
    version: 1,
    name: context.name ?? `${run.target.name} ${run.spec.kind}`,
    createdAt: context.createdAt ?? new Date().toISOString(),
    intendedUse:
      context.intendedUse ??
      `Predicts "${run.target.name}" for rows shaped like the training data. Not validated for other populations or for decisions about individuals without human review.`,
    limitations: context.limitations ?? [
      'Metrics hold for data distributed like the training data; check drift before trusting predictions on new data.',
      ...run.preprocessing.excluded.map((e) => `Column "${e.column}" not used: ${e.reason}.`),
    ],
    data: {
      datasetId: context.datasetId ?? null,
      datasetVersion: context.datasetVersion ?? null,
      recipeHash: context.recipeHash ?? null,
      rows: {
        train: run.rows.train.length,
        validation: run.rows.validation.length,
        test: run.rows.test.length,
      },
      rowsWithoutTarget: run.target.missingCount,
      rowsTargetFarOut: run.target.farRows.length,
      rowsExcluded: run.target.excludedCount,
    },
    task: run.target.task,
    target: run.target.name,
    classes: run.target.classes,
    model: {
      ...run.spec,
      epochsRun: run.fit.epochs.length,
      bestEpoch: run.fit.bestEpoch,
      backend: context.backend ?? null,
    },
    features: {
      used: run.preprocessing.features.map((f) => f.column),
      excluded: run.preprocessing.excluded,
    },
    metrics: {
      validation: cardMetrics(run.validation),
      test: context.test ? cardMetrics(context.test) : null,
    },
    testReveals: context.testReveals ?? null,
    gates: context.gates ?? null,
    privacy: cardPrivacy(run.preprocessing.privacyK ?? DEFAULT_PRIVACY_K),
  };
}
