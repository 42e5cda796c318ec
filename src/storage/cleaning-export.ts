/**
 * What leaves a dataset after cleaning: the cleaned CSV (read chunk by chunk), the recipe, the
 * danfojs script, and replaying someone's recipe onto this dataset. The source stays untouched:
 * everything here reads it, and a replay only appends to the operation log.
 */
import { activeOperations } from '../core/clean/active-operations';
import { isDataOperation } from '../core/clean/batch';
import type { Operation } from '../core/clean/operations';
import { indexOperations, type OperationIndex } from '../core/clean/op-index';
import { rowFlags } from '../core/clean/row-flags';
import { cleanedCsvPieces, type VersionBand } from '../core/export/cleaned-csv';
import { danfoScript } from '../core/export/danfo-script';
import { parseRecipe } from '../core/recipe/parse-recipe';
import { buildRecipe, recipeJson, type Recipe } from '../core/recipe/recipe';
import { indexFingerprints } from '../core/recipe/fingerprint';
import { replayRecipe, type ReplayReport } from '../core/recipe/replay';
import { rowMatchPlan } from '../core/recipe/row-match';
import { cellText } from '../core/table/decode-chunk';
import type { ColumnChunk, DatasetMeta } from '../core/table/types';
import type { CleanroomDb } from './db';
import { appendOperations, listOperations } from './ops-repo';
import { readRows, readVersionColumnChunk } from './version-reader';

/** The current version as CSV pieces (see core/export/cleaned-csv.ts for the rules). */
export async function* cleanedCsvOf(db: CleanroomDb, meta: DatasetMeta): AsyncGenerator<string> {
  const index = indexOperations(await listOperations(db, meta.id));
  yield* cleanedCsvPieces(meta.columns, versionBands(db, meta, index));
}

/** The current version as a CSV Blob (text/csv), never one string. */
export function cleanedCsvBlob(db: CleanroomDb, meta: DatasetMeta): Promise<Blob> {
  return blobOfPieces(cleanedCsvOf(db, meta), 'text/csv');
}

/**
 * A Blob of text pieces; every `foldEvery` pieces (~10 MB of CSV at 16) are folded into a Blob,
 * so the browser can move them out of the JS heap while the rest is made.
 */
export async function blobOfPieces(
  pieces: AsyncIterable<string>,
  type: string,
  foldEvery = 16,
): Promise<Blob> {
  let parts: BlobPart[] = [];
  let pending = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    if (++pending === foldEvery) {
      parts = [new Blob(parts)];
      pending = 0;
    }
  }
  return new Blob(parts, { type });
}

/** The recipe of the dataset's active operations; reads only the source rows fixes touch. */
export async function recipeOf(db: CleanroomDb, meta: DatasetMeta): Promise<Recipe> {
  const log = await listOperations(db, meta.id);
  const touched = new Set<number>();
  for (const { op } of activeOperations(log)) if ('row' in op) touched.add(op.row);
  const allColumns = meta.columns.map((c) => c.index);
  const cells = new Map<number, (string | null)[]>();
  for (const row of [...touched].sort((a, b) => a - b)) {
    // ops = []: the source itself, which row fingerprints are taken from.
    const page = await readRows(db, meta, row, 1, allColumns, [], 'canonical');
    cells.set(
      row,
      page.cells.map((column) => column[0]),
    );
  }
  return buildRecipe(meta, log, { rows: meta.rows, cells: (row) => cells.get(row)! });
}

/** The recipe as JSON text. */
export async function recipeText(db: CleanroomDb, meta: DatasetMeta): Promise<string> {
  return recipeJson(await recipeOf(db, meta));
}

/** The danfojs script of the dataset's column steps. */
export async function danfoScriptText(db: CleanroomDb, meta: DatasetMeta): Promise<string> {
  return danfoScript(await recipeOf(db, meta));
}

/** Parses `text`, appends what applies to the log in one transaction, and reports. */
export async function replayRecipeText(
  db: CleanroomDb,
  meta: DatasetMeta,
  text: string,
): Promise<ReplayReport> {
  const recipe = parseRecipe(text);
  const rowIndex = await sourceRowIndex(db, meta, recipe);
  const { ops, report } = replayRecipe(recipe, { ...meta, rowIndex });
  const step = replayStep(recipe, ops);
  if (step) await appendOperations(db, meta.id, [step]);
  return report;
}

/** A replay is one step of the history, so one Undo takes the whole recipe back. */
function replayStep(recipe: Recipe, ops: readonly Operation[]): Operation | null {
  const parts = ops.filter(isDataOperation);
  if (parts.length <= 1) return parts[0] ?? null;
  const label = `Replay the recipe from “${recipe.source.name}” (${parts.length.toLocaleString('en-US')} changes)`;
  return { kind: 'batch', label, ops: parts };
}

/** The fingerprints a replay looks for, read chunk by chunk from the source (no ops). */
async function sourceRowIndex(
  db: CleanroomDb,
  meta: DatasetMeta,
  recipe: Recipe,
): Promise<Map<string, number[]>> {
  const plan = rowMatchPlan(recipe, meta.columns);
  const index = new Map<string, number[]>();
  if (plan.kind !== 'index') return index;
  const noOps = indexOperations([]);
  for (let chunk = 0; chunk < meta.chunkCount; chunk++) {
    const chunks: ColumnChunk[] = [];
    for (const column of plan.columns) {
      chunks.push(await readVersionColumnChunk(db, meta, column, chunk, noOps));
    }
    const cellAt = (i: number, row: number) => cellText(chunks[i], row);
    const rows = chunks[0]?.rows ?? 0;
    indexFingerprints(index, chunk * meta.chunkRows, rows, chunks.length, cellAt, plan.wanted);
  }
  return index;
}

async function* versionBands(
  db: CleanroomDb,
  meta: DatasetMeta,
  index: OperationIndex,
): AsyncGenerator<VersionBand> {
  for (let chunk = 0; chunk < meta.chunkCount; chunk++) {
    const chunks = [];
    for (const column of meta.columns) {
      chunks.push(await readVersionColumnChunk(db, meta, column.index, chunk, index));
    }
    const rows = chunks[0]?.rows ?? 0;
    const excluded = rowFlags(index, chunk * meta.chunkRows, rows).excluded;
    yield { chunks, excluded };
  }
}
