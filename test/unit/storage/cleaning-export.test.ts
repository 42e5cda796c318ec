/** Exports and replay across several chunks: bands, fingerprints read chunk by chunk, the log. */
import { describe, expect, it } from 'vitest';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { cleanedCsvBlob, recipeText, replayRecipeText } from '../../../src/storage/cleaning-export';
import { beginImport } from '../../../src/storage/import-session';
import { appendOperation, listOperations } from '../../../src/storage/ops-repo';
import { freshDb } from './helpers';

const line = (i: number) => `r${i},${i % 50},${['Oslo', ' Rome'][i % 2]}`;
const CSV = (rows: number[]) => `id,score,city\n${rows.map(line).join('\n')}\n`;

async function stored(db: ReturnType<typeof freshDb>, id: string, text: string, chunkRows: number) {
  const memory = await importCsvFromBytes(new TextEncoder().encode(text), {
    datasetId: id,
    chunkRows,
  });
  const session = await beginImport(db, {
    id,
    name: id,
    fileName: `${id}.csv`,
    fileBytes: text.length,
  });
  for (const chunk of memory.chunks)
    await session.writeChunk(chunk.map((c) => ({ ...c, datasetId: id })));
  return session.commit(memory, 1);
}

describe('cleaning exports over chunked storage', () => {
  it('writes every chunk, and a recipe replays by fingerprint across chunks of another layout', async () => {
    const db = freshDb();
    const train = await stored(db, 'train', CSV(Array.from({ length: 700 }, (_, i) => i)), 256);
    expect(train.chunkCount).toBe(3);
    await appendOperation(db, 'train', {
      kind: 'column-transform',
      column: 2,
      transform: { kind: 'trim' },
    });
    await appendOperation(db, 'train', { kind: 'set-cell', row: 650, column: 1, value: '-7' });
    await appendOperation(db, 'train', { kind: 'exclude-row', row: 260 });

    const lines = (await (await cleanedCsvBlob(db, train)).text()).split('\r\n');
    expect(lines).toHaveLength(1 + 699 + 1);
    expect(lines[1]).toBe('r0,0,Oslo');
    expect(lines[260]).toBe('r259,9,Rome'); // row 260 left out: the next line is row 261
    expect(lines[261]).toBe('r261,11,Rome');
    expect(lines[650]).toBe('r650,-7,Oslo');

    // Val holds train's row 650 twice and row 260 once, in chunks of another size.
    const val = await stored(
      db,
      'val',
      CSV([5, 650, 1, 260, 650, ...Array.from({ length: 300 }, (_, i) => i + 1000)]),
      128,
    );
    expect(val.chunkCount).toBe(3);
    const report = await replayRecipeText(db, val, await recipeText(db, train));
    expect(report.applied.map((a) => [a.step, a.rows])).toEqual([
      [1, undefined],
      [2, [1, 4]],
      [3, [3]],
    ]);
    expect(report.applied[1].reason).toMatch(/2 rows have these original values \(rows 1, 4\)/);
    // The replay is one step of the history (one Undo takes it back), holding every change.
    expect((await listOperations(db, 'val')).map((e) => e.op)).toEqual([
      {
        kind: 'batch',
        label: 'Replay the recipe from “train” (4 changes)',
        ops: [
          { kind: 'column-transform', column: 2, transform: { kind: 'trim' } },
          { kind: 'set-cell', row: 1, column: 1, value: '-7' },
          { kind: 'set-cell', row: 4, column: 1, value: '-7' },
          { kind: 'exclude-row', row: 3 },
        ],
      },
    ]);
  });
});
