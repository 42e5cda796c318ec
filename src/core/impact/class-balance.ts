/**
 * Flags against class shares: how many rows of each class the training split holds, how many of
 * them the ranking flags (and how many for their label), and the plain warnings a person needs
 * when the label flags fall mostly on one class, a class is tiny, or the reference lacks one.
 * On an imbalanced set, label evidence from neighbours leans against the minority class, so a
 * pile of "relabel" flags on it may say more about the imbalance than about mistakes.
 */

/** One class of the target against the flags. */
export interface ClassShare {
  label: string;
  /** Training rows of the class (excluded rows left out). */
  rows: number;
  /** rows / all labelled training rows. */
  share: number;
  /** Of them, rows with any evidence (score > 0). */
  flagged: number;
  /** flagged / all flagged rows with a label (0 when none is flagged). */
  flaggedShare: number;
  /** Of them, rows flagged for their label. */
  labelFlagged: number;
  /** Reference (validation or held-out) rows of the class, or null when unknown. */
  reference: number | null;
}

/** The per-class table and what it means. */
export interface ClassBalance {
  classes: ClassShare[];
  /** Labelled training rows counted. */
  rows: number;
  flagged: number;
  labelFlagged: number;
  /** Plain sentences: flags mostly on one class, a dominant class, tiny classes, missing ones. */
  warnings: string[];
}

/** What classBalance reads of each ranked row. */
export interface FlagLine {
  row: number;
  score: number;
  kind: string;
  excluded?: boolean;
}

// Label flags are "mostly one class" when that class holds this share of them…
const MOSTLY = 0.7;
// …and at least this many times its share of the rows (a 90% class holding 90% is no signal).
const OVER = 1.5;
// Fewer label flags than this say nothing about where they fall.
const MIN_FLAGS = 5;
// A class below this share of the rows: accuracy can look high while never predicting it.
const RARE_SHARE = 0.05;
// A class with fewer rows than this can be neither learnt nor judged.
const TINY_ROWS = 5;

/**
 * Counts rows, flags and label flags per class. `given[r]`: row r's class code (−1 unlabelled);
 * `excluded[r]`: 1 where the row takes no part; `reference[c]`: reference rows of class c. Each
 * line is read as it comes (a caller may reuse one object for every row).
 */
export function classBalance(
  classes: readonly string[],
  given: ArrayLike<number>,
  lines: Iterable<FlagLine>,
  excluded: ArrayLike<number> | null = null,
  reference: ArrayLike<number> | null = null,
): ClassBalance {
  const C = classes.length;
  const rows = new Array<number>(C).fill(0);
  const flagged = new Array<number>(C).fill(0);
  const labelFlagged = new Array<number>(C).fill(0);
  for (let r = 0; r < given.length; r++) {
    const y = given[r];
    if (y >= 0 && y < C && !excluded?.[r]) rows[y]++;
  }
  for (const line of lines) {
    const y = given[line.row];
    if (!(y >= 0 && y < C) || excluded?.[line.row] || line.excluded || line.score <= 0) continue;
    flagged[y]++;
    if (line.kind === 'label') labelFlagged[y]++;
  }
  const total = sum(rows);
  const flags = sum(flagged);
  const shares = classes.map((label, c): ClassShare => ({
    label,
    rows: rows[c],
    share: total > 0 ? rows[c] / total : 0,
    flagged: flagged[c],
    flaggedShare: flags > 0 ? flagged[c] / flags : 0,
    labelFlagged: labelFlagged[c],
    reference: reference ? (reference[c] ?? 0) : null,
  }));
  const balance = { classes: shares, rows: total, flagged: flags, labelFlagged: sum(labelFlagged) };
  return { ...balance, warnings: balanceWarnings(balance) };
}

/** The warnings for a per-class table (see classBalance). */
export function balanceWarnings(b: Omit<ClassBalance, 'warnings'>): string[] {
  const out: string[] = [];
  const present = b.classes.filter((c) => c.rows > 0);
  const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 1 : 0)}%`;
  const top = [...present].sort((a, b) => b.labelFlagged - a.labelFlagged)[0];
  if (top && b.labelFlagged >= MIN_FLAGS) {
    const held = top.labelFlagged / b.labelFlagged;
    if (held >= MOSTLY && held >= OVER * top.share) {
      const minority = top.share < 1 / Math.max(2, present.length);
      out.push(
        `${top.labelFlagged} of the ${b.labelFlagged} rows flagged for their label (${pct(held)}) are of class “${top.label}”, ${pct(top.share)} of the training rows${minority ? ': these may be a minority class, not mistakes' : ''}. Check a few before relabelling any as a group.`,
      );
    }
  }
  if (present.length >= 2) {
    const largest = [...present].sort((a, b) => b.share - a.share)[0];
    for (const c of present)
      if (c !== largest && c.share < RARE_SHARE)
        out.push(
          `Class “${c.label}” is only ${pct(c.share)} of the training rows (${c.rows} rows): a model that never predicts it still scores ${pct(largest.share)} accuracy, so judge by balanced accuracy, and do not relabel it away.`,
        );
  }
  for (const c of present)
    if (c.rows < TINY_ROWS)
      out.push(
        `Class “${c.label}” has only ${c.rows} training ${c.rows === 1 ? 'row' : 'rows'}: too few to learn it or to judge its labels.`,
      );
  if (present.length === 1)
    out.push(
      `Every labelled training row is of class “${present[0].label}”: there is nothing to tell apart.`,
    );
  for (const c of present)
    if (c.reference === 0)
      out.push(
        `The reference has no row of class “${c.label}”: how fixes change that class cannot be measured.`,
      );
  return out;
}

/** Rows of each class now and after relabelling `moves` (row's class now → new class). */
export interface RelabelBalance {
  classes: Array<{ label: string; before: number; after: number }>;
  /** Rows each class would lose to the relabel, by label. */
  losing: Array<{ label: string; rows: number }>;
  /** The most rows any one class would lose. */
  largestLoss: number;
  /** Classes that have rows now and would have none after: a group fix must never do that. */
  emptied: string[];
}

/**
 * The class balance before and after relabelling, each move `[from, to]` naming class labels
 * (from may be null for an empty target). Classes unknown to `counts` are added.
 */
export function relabelBalance(
  counts: ReadonlyArray<{ label: string; rows: number }>,
  moves: ReadonlyArray<readonly [string | null, string]>,
): RelabelBalance {
  const before = new Map(counts.map((c) => [c.label, c.rows]));
  const after = new Map(before);
  const lost = new Map<string, number>();
  for (const [from, to] of moves) {
    if (from === to) continue;
    if (from !== null) {
      after.set(from, (after.get(from) ?? 0) - 1);
      lost.set(from, (lost.get(from) ?? 0) + 1);
      if (!before.has(from)) before.set(from, 0);
    }
    after.set(to, (after.get(to) ?? 0) + 1);
    if (!before.has(to)) before.set(to, 0);
  }
  const labels = [...before.keys()];
  const losing = [...lost].map(([label, rows]) => ({ label, rows }));
  return {
    classes: labels.map((label) => ({
      label,
      before: before.get(label) ?? 0,
      after: after.get(label) ?? 0,
    })),
    losing,
    largestLoss: losing.reduce((m, l) => Math.max(m, l.rows), 0),
    emptied: labels.filter((l) => (before.get(l) ?? 0) > 0 && (after.get(l) ?? 0) <= 0),
  };
}

/** A group relabel this large, out of one class, needs an explicit confirmation. */
export const CONFIRM_RELABEL_ROWS = 20;

/** True when a group relabel moves more than CONFIRM_RELABEL_ROWS rows out of one class. */
export function relabelNeedsConfirmation(balance: RelabelBalance): boolean {
  return balance.largestLoss > CONFIRM_RELABEL_ROWS;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
