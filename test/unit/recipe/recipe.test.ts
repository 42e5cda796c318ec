import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { fingerprintCells, frameSourceRows } from '../../../src/core/recipe/fingerprint';
import { parseRecipe } from '../../../src/core/recipe/parse-recipe';
import { buildRecipe, recipeJson } from '../../../src/core/recipe/recipe';
import { load, logOf } from './helpers';

const PEOPLE = 'name,age,city\nAda,36, London\nGrace,-999,Paris\nLinus,41,Oslo\n';

describe('row fingerprints', () => {
  it('are 16 hex digits, stable, and tell cell boundaries and missing from empty apart', () => {
    const a = fingerprintCells(['Ada', '36']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintCells(['Ada', '36'])).toBe(a);
    // Pinned: recipes saved today must find their rows in later versions of the app.
    expect(a).toBe('c2e521f3275fd14f');
    expect(fingerprintCells(['héllo', 'x,y', null])).toBe('66b33fa9ba4fbd89');
    expect(fingerprintCells(['a,b'])).not.toBe(fingerprintCells(['a', 'b']));
    expect(fingerprintCells(['ab', ''])).not.toBe(fingerprintCells(['a', 'b']));
    expect(fingerprintCells([''])).not.toBe(fingerprintCells([null]));
    expect(fingerprintCells(['Ada', '36'])).not.toBe(fingerprintCells(['36', 'Ada']));
  });
});

describe('buildRecipe', () => {
  it('keys transforms by column name and row fixes by fingerprint, leaving reverted ops out', async () => {
    const people = await load(PEOPLE);
    const log = logOf(
      {
        kind: 'column-transform',
        column: 1,
        transform: { kind: 'replace-with-missing', values: ['-999'] },
      },
      { kind: 'set-cell', row: 2, column: 1, value: '42' },
      { kind: 'exclude-row', row: 0 },
      { kind: 'revert', target: 3 },
      { kind: 'mark-reviewed', row: 1 },
    );
    const recipe = buildRecipe(
      { name: 'people', fileName: 'people.csv', columns: people.columns },
      log,
      frameSourceRows(people.frame),
    );
    expect(recipe).toMatchObject({
      format: 'cleanroom-recipe',
      version: 1,
      source: { name: 'people', fileName: 'people.csv', rows: 3 },
      schema: [
        { name: 'name', type: 'categorical' },
        { name: 'age', type: 'integer' },
        { name: 'city', type: 'categorical' },
      ],
      fingerprint: { columns: ['name', 'age', 'city'] },
    });
    expect(recipe.steps.map((s) => s.kind)).toEqual([
      'column-transform',
      'set-cell',
      'mark-reviewed',
    ]);
    expect(recipe.steps[0]).toMatchObject({ column: 'age', transform: { values: ['-999'] } });
    // Fingerprints are of the original row, before any op: Linus,41,Oslo.
    expect(recipe.steps[1]).toEqual({
      kind: 'set-cell',
      column: 'age',
      value: '42',
      sourceRow: 2,
      fingerprint: fingerprintCells(['Linus', '41', 'Oslo']),
    });
    expect(recipe.steps[2]).toMatchObject({
      sourceRow: 1,
      fingerprint: fingerprintCells(['Grace', '-999', 'Paris']),
    });
    expect(parseRecipe(recipeJson(recipe))).toEqual(recipe);
  });
});

describe('parseRecipe', () => {
  const valid = {
    format: 'cleanroom-recipe',
    version: 1,
    source: { name: 'x', fileName: 'x.csv', rows: 1 },
    schema: [{ name: 'a', type: 'integer' }],
    fingerprint: { algorithm: 'cyrb64-length-prefixed', columns: ['a'] },
    steps: [{ kind: 'exclude-row', fingerprint: '0123456789abcdef', sourceRow: 0 }],
  };
  const refusal = (text: string) => {
    try {
      parseRecipe(text);
    } catch (error) {
      expect(error).toBeInstanceOf(CleanroomError);
      expect((error as CleanroomError).code).toBe('invalid-recipe');
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('accepts a well-formed recipe', () => {
    expect(parseRecipe(JSON.stringify(valid)).steps).toHaveLength(1);
  });

  it('refuses malformed JSON, other files, other versions and malformed steps, saying why', () => {
    expect(refusal('{"format": ')).toMatch(/not valid JSON/);
    expect(refusal('[1, 2]')).toMatch(/not a Cleanroom recipe/);
    expect(refusal(JSON.stringify({ ...valid, version: 2 }))).toMatch(
      /version 2; .* reads version 1/,
    );
    expect(refusal(JSON.stringify({ ...valid, schema: 'a' }))).toMatch(/"schema" must list/);
    expect(refusal(JSON.stringify({ ...valid, steps: [{ kind: 'explode' }] }))).toMatch(
      /Step 1 .*“explode” is not a kind/,
    );
    expect(
      refusal(JSON.stringify({ ...valid, steps: [{ kind: 'exclude-row', fingerprint: 'zz' }] })),
    ).toMatch(/16 hexadecimal/);
    expect(
      refusal(
        JSON.stringify({
          ...valid,
          steps: [{ kind: 'set-cell', fingerprint: '0123456789abcdef', column: 'a', value: 3 }],
        }),
      ),
    ).toMatch(/"value" must be text/);
  });
});
