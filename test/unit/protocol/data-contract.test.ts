import { describe, expect, it } from 'vitest';
import { csvFile as csv, dataTransports as transports } from './data-transports';

/** 30 people: ages are integers but for one missing and one unparsable cell. */
const PEOPLE = `name,age,city\nAda,36,London\nGrace,,New York\nLinus,abc,Helsinki\n${Array.from(
  { length: 27 },
  (_, i) => `P${i},${20 + i},${['Paris', 'Oslo', 'Rome'][i % 3]}`,
).join('\n')}\n`;

describe.each(transports)('data protocol (%s)', (_transport, makeClient) => {
  it('imports, lists, reads pages and deletes', async () => {
    const client = makeClient();
    const progress: number[] = [];
    const meta = await client.call(
      'importFile',
      { file: csv(PEOPLE), name: 'people', fileName: 'people.csv' },
      { onProgress: (p) => progress.push(p.rows) },
    );
    expect(meta).toMatchObject({
      name: 'people',
      fileName: 'people.csv',
      rows: 30,
      status: 'ready',
    });
    expect(meta.columns.map((c) => [c.name, c.type])).toEqual([
      ['name', 'identifier'],
      ['age', 'integer'],
      ['city', 'categorical'],
    ]);
    expect((await client.call('listDatasets', {})).map((d) => d.id)).toEqual([meta.id]);

    const page = await client.call('readRows', {
      id: meta.id,
      start: 1,
      count: 2,
      columns: [0, 1],
    });
    expect(page.count).toBe(2);
    expect(page.cells).toEqual([
      ['Grace', 'Linus'],
      [null, 'abc'],
    ]);
    expect([...page.invalid[1]]).toEqual([0, 1]);

    await client.call('deleteDataset', { id: meta.id });
    expect(await client.call('listDatasets', {})).toEqual([]);
    await expect(client.call('getDataset', { id: meta.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    client.close();
  });

  it('refuses bad files with a coded, readable error and stores nothing', async () => {
    const client = makeClient();
    await expect(
      client.call('importFile', { file: csv(''), name: 'empty', fileName: 'empty.csv' }),
    ).rejects.toMatchObject({ code: 'empty-file' });
    await expect(
      client.call('importFile', { file: csv('a,b\n'), name: 'header', fileName: 'header.csv' }),
    ).rejects.toMatchObject({ code: 'header-only' });
    expect(await client.call('listDatasets', {})).toEqual([]);
    client.close();
  });

  it('cancels an import and keeps nothing of it', async () => {
    const client = makeClient();
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},${i % 7},label${i % 13}`).join(
      '\n',
    );
    const controller = new AbortController();
    const call = client.call(
      'importFile',
      { file: csv(`id,x,y\n${rows}\n`), name: 'big', fileName: 'big.csv' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    expect(await client.call('listDatasets', {})).toEqual([]);
    client.close();
  });

  it('appends operations, validates them and shows the new version in pages', async () => {
    const client = makeClient();
    const meta = await client.call('importFile', {
      file: csv(PEOPLE),
      name: 'people',
      fileName: 'people.csv',
    });
    const edit = await client.call('appendOperation', {
      id: meta.id,
      op: { kind: 'set-cell', row: 2, column: 1, value: '41' },
    });
    expect(edit.seq).toBe(1);
    await client.call('appendOperation', { id: meta.id, op: { kind: 'exclude-row', row: 0 } });
    await expect(
      client.call('appendOperation', {
        id: meta.id,
        op: { kind: 'set-cell', row: 0, column: 1, value: 'forty' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-operation' });

    let page = await client.call('readRows', { id: meta.id, start: 0, count: 3, columns: [1] });
    expect(page.cells[0]).toEqual(['36', null, '41']);
    expect([...page.excluded]).toEqual([1, 0, 0]);

    await client.call('appendOperation', { id: meta.id, op: { kind: 'revert', target: 1 } });
    page = await client.call('readRows', { id: meta.id, start: 0, count: 3, columns: [1] });
    expect(page.cells[0]).toEqual(['36', null, 'abc']);
    expect([...page.excluded]).toEqual([1, 0, 0]);
    expect((await client.call('listOperations', { id: meta.id })).map((o) => o.op.kind)).toEqual([
      'set-cell',
      'exclude-row',
      'revert',
    ]);
    client.close();
  });
});
