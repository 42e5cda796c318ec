/** The evaluation of one split, whichever the task. */
import type { ClassificationReport } from './classification';
import type { RegressionReport } from './regression';

/** Either report; `task` tells them apart. */
export type EvaluationReport = ClassificationReport | RegressionReport;
