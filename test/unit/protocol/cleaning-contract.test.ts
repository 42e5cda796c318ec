/** The data worker's cleaning exports and recipe replay, through both transports. */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/core/clean/operations';
import type { Client } from '../../../src/protocol/client';
import type { DataMethods } from '../../../src/protocol/data-methods';
import { csvFile, dataTransports } from './data-transports';

const TRAIN = `name,age,city\nAda,36,London\nGrace,-999,=cmd()\nLinus,41,Oslo\n${Array.from(
  { length: 20 },
  (_, i) => `P${i},${20 + (i % 5)},${['Paris', 'Oslo'][i % 2]}`,
).join('\n')}\n`;
/** The same schema, rows shuffled: Linus first, Ada absent. */
const VAL = 'name,age,city\nLinus,41,Oslo\nZoe,-999,Rome\nGrace,-999,=cmd()\nP3,23,Oslo\n';

async function imported(client: Client<DataMethods>, text: string, name: string) {
  return client.call('importFile', {
    file: csvFile(text, `${name}.csv`),
    name,
    fileName: `${name}.csv`,
  });
}

describe.each(dataTransports)('cleaning exports (%s)', (_transport, makeClient) => {
  it('exports the cleaned CSV, the recipe and the script, and replays the recipe elsewhere', async () => {
    const client = makeClient();
    const train = await imported(client, TRAIN, 'train');
    const ops: Operation[] = [
      {
        kind: 'column-transform',
        column: 1,
        transform: { kind: 'replace-with-missing', values: ['-999'] },
      },
      { kind: 'set-cell', row: 2, column: 1, value: '42' },
      { kind: 'exclude-row', row: 0 },
    ];
    for (const op of ops) await client.call('appendOperation', { id: train.id, op });

    const blob = await client.call('exportCleanedCsv', { id: train.id });
    expect(blob.type).toBe('text/csv');
    const lines = (await blob.text()).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['name,age,city', `Grace,,"'=cmd()"`, 'Linus,42,Oslo']);
    expect(lines).toHaveLength(1 + 22 + 1);

    const recipe = await client.call('exportRecipe', { id: train.id });
    expect(JSON.parse(recipe).steps.map((s: { kind: string }) => s.kind)).toEqual([
      'column-transform',
      'set-cell',
      'exclude-row',
    ]);
    const script = await client.call('exportDanfoScript', { id: train.id });
    expect(script).toContain('df = df.replace(-999, NaN, { columns: ["age"] });');

    const val = await imported(client, VAL, 'val');
    const report = await client.call('replayRecipe', { id: val.id, recipe });
    expect(report.applied.map((a) => [a.step, a.rows])).toEqual([
      [1, undefined],
      [2, [0]],
    ]);
    expect(report.skipped).toMatchObject([{ step: 3, reason: /No row of this dataset/ }]);
    const page = await client.call('readRows', { id: val.id, start: 0, count: 4, columns: [1] });
    expect(page.cells[0]).toEqual(['42', null, null, '23']);
    const replayed = await client.call('listOperations', { id: val.id });
    expect(replayed.map((o) => [o.seq, o.op.kind])).toEqual([[1, 'batch']]);
    // One Undo takes the whole replay back.
    await client.call('undo', { id: val.id });
    const undone = await client.call('readRows', { id: val.id, start: 0, count: 4, columns: [1] });
    expect(undone.cells[0]).not.toEqual(page.cells[0]);
    // The source of train is untouched: reverting everything gives the original values back.
    for (const seq of [1, 2, 3]) {
      await client.call('appendOperation', { id: train.id, op: { kind: 'revert', target: seq } });
    }
    const original = await (await client.call('exportCleanedCsv', { id: train.id })).text();
    expect(original.split('\r\n').slice(1, 3)).toEqual(['Ada,36,London', `Grace,-999,"'=cmd()"`]);
    client.close();
  });

  it('undoes and redoes atomically, and refuses a bad recipe without touching the log', async () => {
    const client = makeClient();
    const train = await imported(client, TRAIN, 'train');
    expect(await client.call('undo', { id: train.id })).toBeNull();
    await client.call('appendOperation', { id: train.id, op: { kind: 'exclude-row', row: 1 } });
    expect(await client.call('undo', { id: train.id })).toMatchObject({
      seq: 2,
      op: { kind: 'revert', target: 1, via: 'undo' },
    });
    expect(await client.call('redo', { id: train.id })).toMatchObject({
      seq: 3,
      op: { target: 2, via: 'redo' },
    });
    await expect(
      client.call('replayRecipe', { id: train.id, recipe: '{nope' }),
    ).rejects.toMatchObject({
      code: 'invalid-recipe',
      message: expect.stringMatching(/not valid JSON/),
    });
    await expect(
      client.call('replayRecipe', {
        id: train.id,
        recipe: '{"format":"cleanroom-recipe","version":9}',
      }),
    ).rejects.toMatchObject({
      code: 'invalid-recipe',
      message: expect.stringMatching(/version 9/),
    });
    expect(await client.call('listOperations', { id: train.id })).toHaveLength(3);
    client.close();
  });
});
