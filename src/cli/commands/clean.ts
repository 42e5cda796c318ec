import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CleanroomError } from '../../core/errors';
import { cleanedCsvPieces } from '../../core/export/cleaned-csv';
import { frameVersionBand, singleBand } from '../../core/export/frame-version';
import { parseRecipe } from '../../core/recipe/parse-recipe';
import { replayRecipe } from '../../core/recipe/replay';
import { frameRowIndex } from '../../core/recipe/row-match';
import type { Flags } from '../args';
import { loadCsv } from '../load-csv';
import { endProgress, readRows } from '../progress-line';

/** One line of help. */
export const usage =
  'clean --data D.csv --recipe R.json --out cleaned.csv [--report report.json]   replay a recipe, write the cleaned CSV';

/** Replays a recipe exported by the app on a CSV and writes the cleaned file (the CSV is untouched). */
export async function run(flags: Flags): Promise<void> {
  const dataPath = flags.require('data');
  const recipePath = flags.require('recipe');
  const outPath = flags.require('out');
  const reportPath = flags.get('report');
  let recipeText: string;
  try {
    recipeText = readFileSync(recipePath, 'utf8');
  } catch {
    throw new CleanroomError('unreadable-file', `Cannot read ${recipePath}: no such file.`);
  }
  const recipe = parseRecipe(recipeText);
  const { outcome, frame } = await loadCsv(dataPath, readRows);
  endProgress();
  const name = basename(dataPath).replace(/\.[^.]+$/, '');
  const { ops, report } = replayRecipe(recipe, {
    name,
    columns: outcome.columns,
    rows: frame.rows,
    rowIndex: frameRowIndex(recipe, outcome.columns, frame),
  });
  if (reportPath) writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  if (recipe.steps.length > 0 && report.applied.length === 0) {
    const why = report.notes[0] ?? report.skipped[0]?.reason ?? '';
    throw new CleanroomError(
      'invalid-recipe',
      `None of the recipe's ${recipe.steps.length} steps applies to ${dataPath}. ${why}`.trim(),
    );
  }
  const log = ops.map((op, i) => ({ datasetId: name, seq: i + 1, at: 0, op }));
  const out = createWriteStream(outPath);
  for await (const piece of cleanedCsvPieces(
    outcome.columns,
    singleBand(frameVersionBand(frame, log)),
  )) {
    if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  const lines = [
    `applied ${report.applied.length} of ${recipe.steps.length} steps of the recipe from "${recipe.source.name}"`,
    ...report.notes.map((note) => `note: ${note}`),
    ...report.applied.filter((a) => a.reason).map((a) => `step ${a.step}: ${a.what}: ${a.reason}`),
    ...report.skipped.map((s) => `skipped step ${s.step}: ${s.what}: ${s.reason}`),
    `wrote ${outPath}${reportPath ? ` and ${reportPath}` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
