/**
 * Replays a recipe on another dataset: which operations to append there, and a report of what
 * applied and what was skipped, with a reason for each skip. Nothing here throws on a recipe
 * for another schema: every step that cannot apply is reported, and the rest still applies.
 */
import type { Operation } from '../clean/operations';
import { validateOperation } from '../clean/validate';
import type { ColumnMeta } from '../table/types';
import { describeOperation, describeTransform } from './describe';
import type { Recipe, RecipeStep } from './recipe';
import { rowMatchPlan } from './row-match';

/** One step of the report; `step` is 1-based in the recipe, `rows` are rows of this dataset. */
export interface ReplayItem {
  step: number;
  what: string;
  reason?: string;
  rows?: number[];
}

/** What a replay did. */
export interface ReplayReport {
  recipeSource: string;
  dataset: string;
  applied: ReplayItem[];
  skipped: ReplayItem[];
  /** Sentences about the schema as a whole (columns missing, types that differ). */
  notes: string[];
}

/** The dataset a recipe is replayed on: its meta and where its source rows are, by fingerprint. */
export interface ReplayTarget {
  name: string;
  columns: readonly ColumnMeta[];
  rows: number;
  /** Fingerprint → rows of this dataset's source (rowMatchPlan says what to index). */
  rowIndex: ReadonlyMap<string, number[]>;
}

/** The operations to append, in recipe order, and the report. */
export function replayRecipe(
  recipe: Recipe,
  target: ReplayTarget,
): { ops: Operation[]; report: ReplayReport } {
  const report: ReplayReport = {
    recipeSource: recipe.source.name,
    dataset: target.name,
    applied: [],
    skipped: [],
    notes: [],
  };
  const byName = new Map(target.columns.map((c) => [c.name, c]));
  const recipeTypes = new Map(recipe.schema.map((c) => [c.name, c.type]));
  schemaNotes(recipe, target, byName, report.notes);
  const rowsOf = rowMatcher(recipe, target);
  const ops: Operation[] = [];
  recipe.steps.forEach((step, i) => {
    const what = describeStep(step, recipe.source.name);
    const skip = (reason: string) => void report.skipped.push({ step: i + 1, what, reason });
    const columnName = 'column' in step ? step.column : null;
    const column = columnName === null ? undefined : byName.get(columnName);
    if (columnName !== null && !column) return skip(`This dataset has no column “${columnName}”.`);
    const recipeType = columnName === null ? undefined : recipeTypes.get(columnName);
    if (column && recipeType && recipeType !== column.type) {
      return skip(`“${column.name}” is ${column.type} here but ${recipeType} in the recipe.`);
    }
    let rows: number[] = [];
    if (step.kind !== 'column-transform') {
      const matched = rowsOf(step.fingerprint);
      if (typeof matched === 'string') return skip(matched);
      rows = matched;
    }
    const made =
      step.kind === 'column-transform'
        ? [toOperation(step, column!.index, 0)]
        : rows.map((row) => toOperation(step, column?.index ?? 0, row));
    for (const op of made) {
      const reason = validateOperation(op, target.columns, target.rows);
      if (reason !== null) return skip(reason);
    }
    ops.push(...made);
    const item: ReplayItem = { step: i + 1, what };
    if (step.kind !== 'column-transform') {
      item.rows = rows;
      if (rows.length > 1)
        item.reason = `${rows.length} rows have these original values (rows ${rows.join(', ')}): applied to all of them.`;
    }
    report.applied.push(item);
  });
  return { ops, report };
}

function toOperation(step: RecipeStep, column: number, row: number): Operation {
  switch (step.kind) {
    case 'column-transform':
      return { kind: 'column-transform', column, transform: step.transform };
    case 'set-cell':
      return { kind: 'set-cell', row, column, value: step.value };
    case 'relabel':
      return { kind: 'relabel', row, column, value: step.value };
    case 'exclude-row':
    case 'mark-reviewed':
      return { kind: step.kind, row };
  }
}

/** Fingerprint → this dataset's rows, or the reason no row can be matched. */
function rowMatcher(recipe: Recipe, target: ReplayTarget) {
  const plan = rowMatchPlan(recipe, target.columns);
  return (fingerprint: string): number[] | string => {
    if (plan.kind === 'none' && plan.absent.length > 0) {
      return `Rows are recognised by their values in every column of the recipe; this dataset lacks ${plan.absent.map((n) => `“${n}”`).join(', ')}.`;
    }
    return (
      target.rowIndex.get(fingerprint) ??
      'No row of this dataset has the original values of that row.'
    );
  };
}

function describeStep(step: RecipeStep, source: string): string {
  if (step.kind === 'column-transform') return describeTransform(step.column, step.transform);
  const op = toOperation(step, 0, step.sourceRow);
  return describeOperation(
    op,
    () => ('column' in step ? step.column : ''),
    (row) => `the row that was row ${row} of “${source}”`,
  );
}

function schemaNotes(
  recipe: Recipe,
  target: ReplayTarget,
  byName: Map<string, ColumnMeta>,
  notes: string[],
): void {
  const missing = recipe.schema.filter((c) => !byName.has(c.name)).map((c) => `“${c.name}”`);
  const differing = recipe.schema
    .filter((c) => byName.has(c.name) && byName.get(c.name)!.type !== c.type)
    .map((c) => `“${c.name}” (${c.type} in the recipe, ${byName.get(c.name)!.type} here)`);
  if (missing.length === recipe.schema.length && recipe.schema.length > 0) {
    notes.push(
      `This recipe was made for “${recipe.source.name}”, which shares no column with “${target.name}”: nothing can apply.`,
    );
  } else if (missing.length > 0) {
    notes.push(`Columns of the recipe missing here: ${missing.join(', ')}.`);
  }
  if (differing.length > 0) notes.push(`Columns whose type differs: ${differing.join(', ')}.`);
}
