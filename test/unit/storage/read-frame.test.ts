import { describe, expect, it } from 'vitest';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { appendOperation } from '../../../src/storage/ops-repo';
import { beginImport } from '../../../src/storage/import-session';
import { readFrame } from '../../../src/storage/read-frame';
import { freshDb } from './helpers';

const CSV = `id,score,city\n${Array.from({ length: 700 }, (_, i) => `r${i},${i % 50},${['Oslo', 'Rome'][i % 2]}`).join('\n')}\n`;

async function stored(chunkRows: number) {
  const db = freshDb();
  const memory = await importCsvFromBytes(new TextEncoder().encode(CSV), {
    datasetId: 'd1',
    chunkRows,
  });
  const session = await beginImport(db, {
    id: 'd1',
    name: 'd',
    fileName: 'd.csv',
    fileBytes: CSV.length,
  });
  for (const chunk of memory.chunks)
    await session.writeChunk(chunk.map((c) => ({ ...c, datasetId: 'd1' })));
  const meta = await session.commit(memory, 1);
  return { db, meta };
}

describe('readFrame', () => {
  it('joins every chunk of every column in row order', async () => {
    const { db, meta } = await stored(256);
    expect(meta.chunkCount).toBe(3);
    const frame = await readFrame(db, meta);
    expect(frame.rows).toBe(700);
    const [id, score, city] = frame.columns;
    expect(id.kind === 'string' && id.values[699]).toBe('r699');
    expect(score.kind === 'number' && Array.from(score.values.slice(298, 302))).toEqual([
      48, 49, 0, 1,
    ]);
    expect(city.kind === 'string' && city.values.slice(0, 3)).toEqual(['Oslo', 'Rome', 'Oslo']);
  });

  it('applies the active operations and reports excluded rows', async () => {
    const { db, meta } = await stored(256);
    await appendOperation(db, 'd1', { kind: 'set-cell', row: 300, column: 1, value: '99' });
    await appendOperation(db, 'd1', { kind: 'exclude-row', row: 5 });
    await appendOperation(db, 'd1', { kind: 'set-cell', row: 0, column: 2, value: 'Paris' });
    await appendOperation(db, 'd1', { kind: 'revert', target: 3 });
    const progress: number[] = [];
    const frame = await readFrame(db, meta, (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3]);
    const [, score, city] = frame.columns;
    expect(score.kind === 'number' && score.values[300]).toBe(99);
    expect(city.kind === 'string' && city.values[0]).toBe('Oslo');
    expect(frame.excluded[5]).toBe(1);
    expect(frame.excluded.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
