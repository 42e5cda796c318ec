/**
 * Label issues: rows whose label is less likely than another class to models trained without them
 * (out-of-sample probabilities: the mean of a K-fold network's and a leave-one-out
 * nearest-neighbour vote). Confident learning says how many; a noise-aware posterior ranks them.
 * Needs a categorical target.
 */
import { classLabel, type Frame } from '../table/frame';
import { confidentLearning } from './confident-learning';
import { labelFeatures } from './label-features';
import {
  defaultLabelModelOptions,
  outOfSampleProbabilities,
  type LabelModelOptions,
} from './label-model';
import { anchorTransition, calibrateTemperature, wrongLabelPosterior } from './noise-posterior';
import { DEFAULT_KNN, knnProbabilities } from './knn-probabilities';
import { fmt } from '../stats/robust';
import { clampScore, type Detector, type DetectorOutput, type Finding } from './types';

// More classes than this is a regression target or an identifier, not labels.
const MAX_CLASSES = 50;

/** Label codes (-1 = missing) and class names of a target column, or a reason it cannot be one. */
export function encodeLabels(
  frame: Frame,
  target: number,
): { labels: Int32Array; classes: string[] } | string {
  const column = frame.columns[target];
  // Class names as the file spells them ("Yes", not 1).
  const text = (r: number): string | null => classLabel(column, r);
  const index = new Map<string, number>();
  const labels = new Int32Array(frame.rows).fill(-1);
  for (let r = 0; r < frame.rows; r++) {
    const v = text(r);
    if (v === null || frame.excluded[r]) continue;
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    if (index.size > MAX_CLASSES)
      return `${column.meta.name} has more than ${MAX_CLASSES} distinct values; label issues need a categorical target.`;
    labels[r] = code;
  }
  if (index.size < 2)
    return `${column.meta.name} has fewer than two classes; there is nothing to confuse.`;
  return { labels, classes: [...index.keys()] };
}

/** Finds probable label errors; without a target, returns a note saying one is needed. */
export async function detectLabelIssues(
  frame: Frame,
  target: number | null,
  seed: number,
  options?: Partial<LabelModelOptions>,
  signal?: { readonly aborted: boolean },
): Promise<DetectorOutput> {
  if (target === null)
    return {
      findings: [],
      note: 'Label issues need a target column: choose the column the model should predict.',
    };
  const encoded = encodeLabels(frame, target);
  if (typeof encoded === 'string') return { findings: [], note: encoded };
  const { labels, classes } = encoded;
  const labelled = labels.filter((y) => y >= 0).length;
  if (labelled < 10)
    return { findings: [], note: `Only ${labelled} labelled rows; label issues need at least 10.` };
  const { x, width } = labelFeatures(frame, target);
  if (width === 0)
    return { findings: [], note: 'No usable feature columns to predict the target from.' };
  const o = { ...defaultLabelModelOptions(labelled, seed), ...options };
  const k = classes.length;
  const network = await outOfSampleProbabilities(x, width, labels, k, o, signal);
  // The mean of the network's and the neighbours' out-of-sample probabilities (knn-probabilities.ts).
  const neighbours = knnProbabilities(x, width, labels, k, { ...DEFAULT_KNN, seed }, signal);
  const p = network.map((v, i) => (v + neighbours[i]) / 2);
  // How many rows to flag comes from confident learning; which ones, from the noise-aware
  // posterior (see noise-posterior.ts), so asymmetric noise is not blamed on the clean class.
  // The neighbours' probabilities move in steps of 1/15, which can leave a flipped row just under
  // a class threshold; the network's are smooth: the count is the larger of the two.
  const flagged = Math.max(
    confidentLearning(p, labels, k).length,
    confidentLearning(network, labels, k).length,
  );
  const calibrated = calibrateTemperature(p, labels, k);
  const transition = anchorTransition(p, labels, k);
  const ranked: Array<{ row: number; wrong: number; likeliest: number }> = [];
  for (let r = 0; r < labels.length; r++)
    if (labels[r] >= 0)
      ranked.push({ row: r, ...wrongLabelPosterior(transition, calibrated, k, r, labels[r]) });
  ranked.sort((a, b) => b.wrong - a.wrong);
  const name = frame.columns[target].meta.name;
  const pct = (r: number, j: number) => fmt(+(100 * calibrated[r * k + j]).toFixed(1));
  // Only rows whose shown numbers disagree with their label: the other class must come out
  // ahead after rounding, so no row is flagged at 50% / 50% or with its own label likelier.
  const shown = ranked
    .slice(0, flagged)
    .filter(
      ({ row, likeliest }) =>
        +pct(row, likeliest) > +pct(row, labels[row]) &&
        calibrated[row * k + likeliest] > calibrated[row * k + labels[row]],
    );
  const findings: Finding[] = tiedRanks(
    shown,
    (f) =>
      `${labels[f.row]}:${pct(f.row, labels[f.row])}:${pct(f.row, f.likeliest)}:${f.likeliest}`,
  ).map(({ item: { row, likeliest }, first, last }) => ({
    row,
    column: target,
    detector: 'label',
    // The posterior itself is small when the estimated noise is small, so the score is the
    // rank among flagged rows: 1 for the likeliest error, 0.5 for the last one flagged; rows
    // showing the same numbers share the rank of the first of them.
    score: clampScore(1 - (0.5 * first) / shown.length),
    reason: `${name} is "${classes[labels[row]]}" but models trained on the other rows (a small network and the nearest neighbours) give that ${pct(row, labels[row])}% and "${classes[likeliest]}" ${pct(row, likeliest)}%; ${
      first === last
        ? `ranked ${first + 1} of ${shown.length}`
        : `one of ${last - first + 1} rows with these same numbers, ranked ${first + 1}–${last + 1} of ${shown.length}`
    } by the chance its label is wrong.`,
    suggestion: { kind: 'relabel', row, column: target, value: classes[likeliest] },
  }));
  return { findings };
}

/**
 * Each item with the first and last position of its run of equal keys (consecutive items only),
 * so rows that show the same numbers are not told apart by rank.
 */
export function tiedRanks<T>(
  items: readonly T[],
  key: (item: T) => string,
): { item: T; first: number; last: number }[] {
  const out: { item: T; first: number; last: number }[] = [];
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && key(items[i]) === key(items[start])) continue;
    for (let j = start; j < i; j++) out.push({ item: items[j], first: start, last: i - 1 });
    start = i;
  }
  return out;
}

/** Detector: probable label errors (confident learning). */
export const labelDetector: Detector = {
  name: 'label',
  description:
    'Rows whose label models trained on the other rows find less likely than another class (confident learning).',
  run: (frame, context) =>
    detectLabelIssues(frame, context.target, context.seed, undefined, context.signal),
};
