/** Reliability bins and expected calibration error (ECE). */

/** One bin of predicted probability. */
export interface ReliabilityBin {
  low: number;
  high: number;
  count: number;
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Observed frequency of the event in the bin. */
  observed: number;
}

/** Bins plus ECE = Σ (count / n) · |observed − predicted|. */
export interface Calibration {
  bins: ReliabilityBin[];
  ece: number;
  /** 'positive': P(second class) vs its frequency (binary); 'confidence': top probability vs correct. */
  kind: 'positive' | 'confidence';
}

/** Equal-width bins over [0, 1] of `prob` against the 0/1 `event`. */
export function calibration(
  prob: ArrayLike<number>,
  event: ArrayLike<number>,
  kind: Calibration['kind'],
  binCount = 10,
): Calibration {
  const count = new Array<number>(binCount).fill(0);
  const sumP = new Array<number>(binCount).fill(0);
  const sumE = new Array<number>(binCount).fill(0);
  for (let i = 0; i < prob.length; i++) {
    const b = Math.min(binCount - 1, Math.floor(prob[i] * binCount));
    count[b]++;
    sumP[b] += prob[i];
    sumE[b] += event[i];
  }
  let ece = 0;
  const bins: ReliabilityBin[] = count.map((c, b) => {
    const predicted = c ? sumP[b] / c : NaN;
    const observed = c ? sumE[b] / c : NaN;
    if (c) ece += (c / prob.length) * Math.abs(observed - predicted);
    return { low: b / binCount, high: (b + 1) / binCount, count: c, predicted, observed };
  });
  return { bins, ece: prob.length ? ece : NaN, kind };
}
