/**
 * Confident learning (Northcutt, Jiang & Chuang, JAIR 2021) on out-of-sample probabilities:
 * per-class thresholds t_j = mean p_j over rows labelled j; the confident joint counts rows whose
 * confident class differs from their label; "prune by noise rate" then takes, for each
 * (given i, true j) cell, the C[i][j] rows labelled i with the largest margin p_j − p_i.
 */

/** A row that confident learning marks as mislabelled. */
export interface LabelIssue {
  row: number;
  given: number;
  suggested: number;
  /** Out-of-sample probability of the given label (self-confidence). */
  selfConfidence: number;
}

/** Finds label issues from row-major probabilities `p` (rows × k) and labels (-1 = unlabelled). */
export function confidentLearning(p: Float32Array, labels: Int32Array, k: number): LabelIssue[] {
  const n = labels.length;
  const sum = new Float64Array(k),
    count = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    if (y < 0) continue;
    count[y]++;
    sum[y] += p[r * k + y];
  }
  const t = Array.from(sum, (s, j) => (count[j] > 0 ? s / count[j] : 1));
  // Confident joint C[i][j]: rows labelled i whose confident class (argmax above threshold) is j.
  const joint = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    const y = labels[r];
    if (y < 0) continue;
    let best = -1;
    for (let j = 0; j < k; j++)
      if (p[r * k + j] >= t[j] && (best < 0 || p[r * k + j] > p[r * k + best])) best = j;
    if (best >= 0) joint[y * k + best]++;
  }
  const issues: LabelIssue[] = [];
  for (let i = 0; i < k; i++) {
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (labels[r] === i) rows.push(r);
    const taken = new Set<number>();
    for (let j = 0; j < k; j++) {
      const want = joint[i * k + j];
      if (j === i || want === 0) continue;
      const margin = (r: number) => p[r * k + j] - p[r * k + i];
      const ranked = rows
        .filter((r) => !taken.has(r) && margin(r) > 0)
        .sort((a, b) => margin(b) - margin(a));
      for (const r of ranked.slice(0, want)) {
        taken.add(r);
        issues.push({ row: r, given: i, suggested: j, selfConfidence: p[r * k + i] });
      }
    }
  }
  return issues;
}
