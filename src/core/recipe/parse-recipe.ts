/**
 * Reads a recipe file. Structural problems (not JSON, not a recipe, another version, a step
 * without its fields) refuse the whole file with a CleanroomError saying what is wrong; whether
 * each step fits the dataset it is replayed on is the replay report's job, not this one's.
 */
import { CleanroomError } from '../errors';
import { RECIPE_FORMAT, RECIPE_VERSION, type Recipe } from './recipe';

const ROW_KINDS = new Set(['set-cell', 'relabel', 'exclude-row', 'mark-reviewed']);
const FINGERPRINT = /^[0-9a-f]{16}$/;

/** Parses and checks recipe JSON text. */
export function parseRecipe(text: string): Recipe {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fail(`This recipe file is not valid JSON (${detail}).`);
  }
  if (!isObject(data) || data.format !== RECIPE_FORMAT) {
    throw fail('This file is not a Cleanroom recipe (its "format" is not "cleanroom-recipe").');
  }
  if (data.version !== RECIPE_VERSION) {
    throw fail(
      `This recipe is version ${JSON.stringify(data.version)}; this version of Cleanroom reads version ${RECIPE_VERSION}.`,
    );
  }
  const source = data.source;
  if (!isObject(source) || typeof source.name !== 'string') {
    throw fail('The recipe does not say which dataset it was made from ("source.name").');
  }
  const schema = data.schema;
  if (
    !Array.isArray(schema) ||
    !schema.every((c) => isObject(c) && isText(c.name) && isText(c.type))
  ) {
    throw fail('The recipe\'s "schema" must list the columns, each with a name and a type.');
  }
  const fingerprint = data.fingerprint;
  if (
    !isObject(fingerprint) ||
    !Array.isArray(fingerprint.columns) ||
    !fingerprint.columns.every(isText)
  ) {
    throw fail('The recipe\'s "fingerprint.columns" must list the columns row fingerprints cover.');
  }
  if (!Array.isArray(data.steps)) throw fail('The recipe has no list of "steps".');
  data.steps.forEach((step, i) => {
    const reason = stepReason(step);
    if (reason) throw fail(`Step ${i + 1} of the recipe is malformed: ${reason}`);
  });
  return data as unknown as Recipe;
}

function stepReason(step: unknown): string | null {
  if (!isObject(step)) return 'it is not an object.';
  if (step.kind === 'column-transform') {
    if (!isText(step.column)) return 'it names no column.';
    return isObject(step.transform) ? null : 'it has no "transform".';
  }
  if (typeof step.kind !== 'string' || !ROW_KINDS.has(step.kind)) {
    return `“${String(step.kind)}” is not a kind of step.`;
  }
  if (typeof step.fingerprint !== 'string' || !FINGERPRINT.test(step.fingerprint)) {
    return 'its row "fingerprint" must be 16 hexadecimal digits.';
  }
  if (step.kind === 'set-cell' || step.kind === 'relabel') {
    if (!isText(step.column)) return 'it names no column.';
    const nullable = step.kind === 'set-cell' && step.value === null;
    if (!nullable && typeof step.value !== 'string') return 'its "value" must be text.';
  }
  return null;
}

function fail(message: string): CleanroomError {
  return new CleanroomError('invalid-recipe', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
