/**
 * A recipe: the active operations of a dataset written so they replay on another file with the
 * same schema. Column transforms are keyed by column name; row fixes by the fingerprint of the
 * row's original (source) values, with the source row kept for people reading the file.
 */
import { activeOperations } from '../clean/active-operations';
import type { ColumnTransform, LoggedOperation } from '../clean/operations';
import type { ColumnMeta, ColumnType } from '../table/types';
import { fingerprintCells } from './fingerprint';

/** The one recipe format this code writes and reads. */
export const RECIPE_FORMAT = 'cleanroom-recipe';
export const RECIPE_VERSION = 1;

/** A row fix's address: the fingerprint, and the 0-based row it had in the source (informative). */
interface RowKey {
  fingerprint: string;
  sourceRow: number;
}

/** One step of a recipe, in the order the operations were made. */
export type RecipeStep =
  | { kind: 'column-transform'; column: string; transform: ColumnTransform }
  | ({ kind: 'set-cell'; column: string; value: string | null } & RowKey)
  | ({ kind: 'relabel'; column: string; value: string } & RowKey)
  | ({ kind: 'exclude-row' } & RowKey)
  | ({ kind: 'mark-reviewed' } & RowKey);

/** The JSON document. */
export interface Recipe {
  format: typeof RECIPE_FORMAT;
  version: typeof RECIPE_VERSION;
  /** The dataset the recipe was made from. */
  source: { name: string; fileName: string; rows: number };
  schema: Array<{ name: string; type: ColumnType }>;
  /** How row fingerprints were computed: over these columns' source texts, in this order. */
  fingerprint: { algorithm: 'cyrb64-length-prefixed'; columns: string[] };
  steps: RecipeStep[];
}

/**
 * The dataset's source rows as buildRecipe reads them: only the rows that row fixes touch are
 * asked for, so a recipe of a million-row dataset does not read the whole file.
 */
export interface SourceRows {
  rows: number;
  /** Source (no ops) cell texts of `row`, every column in order; null = missing. */
  cells(row: number): readonly (string | null)[];
}

/** What buildRecipe needs to know about the dataset. */
export interface RecipeSource {
  name: string;
  fileName: string;
  columns: readonly ColumnMeta[];
}

/** The recipe of `log`'s active operations; `source` rows are the original ones (no ops). */
export function buildRecipe(
  source: RecipeSource,
  log: readonly LoggedOperation[],
  sourceRows: SourceRows,
): Recipe {
  const columnNames = source.columns.map((c) => c.name);
  const rowKey = (row: number): RowKey => ({
    fingerprint: fingerprintCells(sourceRows.cells(row)),
    sourceRow: row,
  });
  const steps: RecipeStep[] = [];
  for (const { op } of activeOperations(log)) {
    switch (op.kind) {
      case 'column-transform':
        steps.push({ kind: op.kind, column: columnNames[op.column], transform: op.transform });
        break;
      case 'set-cell':
      case 'relabel': {
        const { kind, value } = op;
        // Same fields for both; the cast only re-pairs kind with its value type.
        const step = { kind, column: columnNames[op.column], value, ...rowKey(op.row) };
        steps.push(step as RecipeStep);
        break;
      }
      case 'exclude-row':
      case 'mark-reviewed':
        steps.push({ kind: op.kind, ...rowKey(op.row) });
        break;
    }
  }
  return {
    format: RECIPE_FORMAT,
    version: RECIPE_VERSION,
    source: { name: source.name, fileName: source.fileName, rows: sourceRows.rows },
    schema: source.columns.map((c) => ({ name: c.name, type: c.type })),
    fingerprint: { algorithm: 'cyrb64-length-prefixed', columns: columnNames },
    steps,
  };
}

/** The recipe as the JSON text a user downloads. */
export function recipeJson(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}
