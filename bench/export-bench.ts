/**
 * `npm run bench:export`: the cleaned-CSV export and the recipe at scale, in Node, on a seeded
 * synthetic frame (default 1M rows × 15 columns; `-- --rows N` for another size). Baseline, in
 * the same run: PapaParse's unparse of the same cells as one string (what a naive export does).
 * Also: the largest piece the export yields (it never builds the file as one string), building
 * a recipe with 2,000 row fixes (fingerprints) and replaying it on the same rows. The last line
 * is one JSON object.
 */
import Papa from 'papaparse';
import type { LoggedOperation, Operation } from '../src/core/clean/operations';
import { cleanedCsvPieces } from '../src/core/export/cleaned-csv';
import { frameVersionBand, singleBand } from '../src/core/export/frame-version';
import { frameCellText, frameSourceRows } from '../src/core/recipe/fingerprint';
import { buildRecipe } from '../src/core/recipe/recipe';
import { replayRecipe } from '../src/core/recipe/replay';
import { frameRowIndex } from '../src/core/recipe/row-match';
import { syntheticFrame } from './detect-synthetic';

const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const frame = syntheticFrame(rows, 10, 5, 7);
const columns = frame.columns.map((c) => c.meta);

const ops: Operation[] = [
  {
    kind: 'column-transform',
    column: 0,
    transform: { kind: 'replace-with-missing', values: ['-999'] },
  },
  { kind: 'column-transform', column: 10, transform: { kind: 'trim' } },
];
for (let i = 0; i < 1000; i++) {
  const row = Math.floor((i * rows) / 1000);
  ops.push(
    { kind: 'set-cell', row, column: 1, value: String(i) },
    { kind: 'exclude-row', row: (row + 1) % rows },
  );
}
const log: LoggedOperation[] = ops.map((op, i) => ({ datasetId: 'b', seq: i + 1, at: 0, op }));

const seconds = (start: number) => (performance.now() - start) / 1000;

let start = performance.now();
const table: (string | null)[][] = [];
for (let r = 0; r < rows; r++) table.push(frame.columns.map((c) => frameCellText(c, r)));
const papa = Papa.unparse(
  { fields: columns.map((c) => c.name), data: table },
  { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ },
);
const papaSeconds = seconds(start);
const papaBytes = papa.length;
table.length = 0;

start = performance.now();
let bytes = 0;
let pieces = 0;
let largestPiece = 0;
for await (const piece of cleanedCsvPieces(columns, singleBand(frameVersionBand(frame, log)))) {
  bytes += piece.length;
  pieces++;
  largestPiece = Math.max(largestPiece, piece.length);
}
const exportSeconds = seconds(start);

start = performance.now();
const recipe = buildRecipe(
  { name: 'bench', fileName: 'bench.csv', columns },
  log,
  frameSourceRows(frame),
);
const recipeSeconds = seconds(start);
start = performance.now();
const rowIndex = frameRowIndex(recipe, columns, frame);
const replay = replayRecipe(recipe, { name: 'bench', columns, rows, rowIndex });
const replaySeconds = seconds(start);

const figures = {
  rows,
  columns: columns.length,
  papaUnparseSeconds: +papaSeconds.toFixed(2),
  exportSeconds: +exportSeconds.toFixed(2),
  exportVsPapa: +(exportSeconds / papaSeconds).toFixed(2),
  exportChars: bytes,
  papaChars: papaBytes,
  pieces,
  largestPieceChars: largestPiece,
  recipeSeconds: +recipeSeconds.toFixed(2),
  replaySeconds: +replaySeconds.toFixed(2),
  replayApplied: replay.report.applied.length,
  replaySkipped: replay.report.skipped.length,
};
console.log(
  `cleaned CSV: ${figures.exportSeconds} s vs Papa.unparse ${figures.papaUnparseSeconds} s (×${figures.exportVsPapa}); ${pieces} pieces, largest ${largestPiece} chars of ${bytes}`,
);
console.log(
  `recipe: build ${figures.recipeSeconds} s, replay on ${rows} rows ${figures.replaySeconds} s (${figures.replayApplied} applied, ${figures.replaySkipped} skipped)`,
);
console.log(JSON.stringify(figures));
