/**
 * How a replay finds a recipe's rows in another dataset: which of its columns the fingerprints
 * cover, and which fingerprints to look for. The caller builds the index (from a frame here, or
 * chunk by chunk from storage) so the whole dataset never has to be in memory.
 */
import type { Frame } from '../table/frame';
import type { ColumnMeta } from '../table/types';
import { fingerprintIndex } from './fingerprint';
import type { Recipe } from './recipe';

/** What to index: the target's column indexes in fingerprint order, and the wanted keys. */
export type RowMatchPlan =
  | { kind: 'index'; columns: number[]; wanted: Set<string> }
  /** No row step, or a fingerprint column is missing here (`absent` names them). */
  | { kind: 'none'; absent: string[] };

/** The plan for replaying `recipe` on a dataset with `columns`. */
export function rowMatchPlan(recipe: Recipe, columns: readonly ColumnMeta[]): RowMatchPlan {
  const byName = new Map(columns.map((c) => [c.name, c.index]));
  const absent = recipe.fingerprint.columns.filter((name) => !byName.has(name));
  const wanted = new Set(
    recipe.steps.flatMap((step) => ('fingerprint' in step ? [step.fingerprint] : [])),
  );
  if (absent.length > 0 || wanted.size === 0) return { kind: 'none', absent };
  return { kind: 'index', columns: recipe.fingerprint.columns.map((n) => byName.get(n)!), wanted };
}

/** The fingerprint index of a frame held in memory (the CLI, tests). */
export function frameRowIndex(
  recipe: Recipe,
  columns: readonly ColumnMeta[],
  frame: Frame,
): Map<string, number[]> {
  const plan = rowMatchPlan(recipe, columns);
  return plan.kind === 'index' ? fingerprintIndex(frame, plan.columns, plan.wanted) : new Map();
}
