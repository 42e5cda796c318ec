/**
 * A recipe's column-level steps as a runnable danfojs script (Node, ES module), for people who
 * want code. Row fixes are keyed by fingerprints of whole rows and stay in the recipe JSON.
 * Values go into the script through JSON.stringify only, and descriptions (which carry cell
 * text) have their line breaks removed, so no file content can become code.
 */
import type { ColumnTransform } from '../clean/operations';
import { describeTransform } from '../recipe/describe';
import type { Recipe } from '../recipe/recipe';
import type { ColumnType } from '../table/types';
import { FORMULA_START } from './csv-guard';

/** Column types the script reads as numbers (Papa's dynamicTyping), as the app does. */
const NUMBER_TYPES = new Set<ColumnType>(['integer', 'float']);

const HEADER = `// Needs Node 18+ and: npm install danfojs papaparse  (papaparse comes with danfojs)
// Run: node cleanroom-clean.mjs input.csv cleaned.csv
// Import line: danfojs 1.2's Node entry. With danfojs-node, use instead:
//   import * as dfd from 'danfojs-node';
import * as dfd from 'danfojs';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';`;

const READ = `const [input = 'input.csv', output = 'cleaned.csv'] = process.argv.slice(2);
const parsed = Papa.parse(readFileSync(input, 'utf8'), {
  header: true,
  skipEmptyLines: true,
  dynamicTyping: (column) => NUMERIC_COLUMNS.has(column),
});
const fields = parsed.meta.fields;
const isMissing = (v) => v === null || v === undefined || v === '' || Number.isNaN(v);
const rows = parsed.data.map((row) => Object.fromEntries(fields.map((f) => [f, isMissing(row[f]) ? null : row[f]])));
let df = new dfd.DataFrame(rows, { columns: fields });

/** Rewrites one column cell by cell (danfojs 1.2's Series.str and Series.map trip over nulls). */
function mapColumn(column, fn) {
  const values = df.column(column).values.map((v) => (isMissing(v) ? null : fn(v)));
  df.addColumn(column, values, { inplace: true });
}`;

const WRITE = `const records = dfd.toJSON(df);
const data = records.map((r) => fields.map((f) => (isMissing(r[f]) ? '' : r[f])));
// escapeFormulae: text starting with = + - @ tab CR LF or a full-width ＝＋－＠ gets a leading ' and quotes; numbers stay.
const csv = Papa.unparse({ fields, data }, { newline: '\\r\\n', escapeFormulae: /${FORMULA_START.source}/ });
writeFileSync(output, csv + '\\r\\n');
console.error(\`Wrote \${data.length} rows to \${output}\`);`;

/** The script text for `recipe`. */
export function danfoScript(recipe: Recipe): string {
  const types = new Map(recipe.schema.map((c) => [c.name, c.type]));
  const numeric = recipe.schema.filter((c) => NUMBER_TYPES.has(c.type)).map((c) => c.name);
  const steps = recipe.steps.flatMap((step, i) =>
    step.kind === 'column-transform'
      ? [
          `// Step ${i + 1}: ${oneLine(describeTransform(step.column, step.transform))}`,
          stepCode(step.column, step.transform, NUMBER_TYPES.has(types.get(step.column) ?? 'text')),
        ]
      : [],
  );
  const rowFixes = recipe.steps.length - steps.length / 2;
  return [
    `// Cleanroom recipe for “${oneLine(recipe.source.name)}” as a danfojs script: ${steps.length / 2} column step(s).`,
    rowFixes > 0
      ? `// ${rowFixes} row fix(es) of the recipe are not here: replay the recipe JSON for those.`
      : '// The recipe has no row fixes.',
    HEADER,
    '',
    `const NUMERIC_COLUMNS = new Set(${JSON.stringify(numeric)});`,
    READ,
    '',
    ...steps,
    '',
    WRITE,
    '',
  ].join('\n');
}

function stepCode(column: string, transform: ColumnTransform, numeric: boolean): string {
  const col = JSON.stringify(column);
  const literal = (text: string) => JSON.stringify(numeric && isNumber(text) ? Number(text) : text);
  switch (transform.kind) {
    case 'replace-with-missing':
      return transform.values
        .map((v) => `df = df.replace(${literal(v)}, NaN, { columns: [${col}] });`)
        .join('\n');
    case 'trim':
      return `mapColumn(${col}, (v) => (typeof v === 'string' ? v.trim() || null : v));`;
    case 'map-categories': {
      const pairs = transform.mapping.map(([from, to]) => `[${literal(from)}, ${literal(to)}]`);
      return `{\n  const mapping = new Map([${pairs.join(', ')}]);\n  mapColumn(${col}, (v) => (mapping.has(v) ? mapping.get(v) || null : v));\n}`;
    }
    case 'impute':
      return `df = df.fillNa([${literal(transform.value)}], { columns: [${col}] });`;
  }
}

function isNumber(text: string): boolean {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text.trim());
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
