import { describe, expect, it } from 'vitest';
import { ChunkDraft } from '../../../src/core/clean/chunk-draft';
import { detectTypos } from '../../../src/core/detect/typos';
import { frameFromStored, type Frame } from '../../../src/core/table/frame';
import { decodeColumnChunk } from '../../../src/core/table/decode-chunk';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { utf8Bytes } from '../../../src/core/table/text-decoder';
import { csvOf } from './helpers';

async function frameIn(csv: string, chunkRows?: number): Promise<Frame> {
  const m = await importCsvFromBytes(utf8Bytes(csv), chunkRows ? { chunkRows } : {});
  return frameFromStored(m.columns, m.dialect, m.chunks);
}

// A yes/no column with three slips: "YES" (row 3), "Yes" (row 40), "nO" (row 77).
const slips = (i: number) =>
  `${i},${i === 3 ? 'YES' : i === 40 ? 'Yes' : i === 77 ? 'nO' : i % 3 ? 'yes' : 'no'}`;

describe('yes/no spelling variants', () => {
  it('flags rare case variants of a boolean column, which parse to the same value', async () => {
    const frame = await frameIn(csvOf('id,records', 120, slips));
    expect(frame.columns[1].meta.type).toBe('boolean');
    const found = detectTypos(frame).findings;
    expect(found.map((f) => f.row).sort((a, b) => a - b)).toEqual([3, 40, 77]);
    expect(found.find((f) => f.row === 77)!.suggestion).toEqual({
      kind: 'set-cell',
      row: 77,
      column: 1,
      value: 'no',
    });
    expect(found[0].reason).toMatch(/differs only in case/);
  });

  it('keeps variants that arrive in later chunks (parsed, not dictionary-coded)', async () => {
    const frame = await frameIn(csvOf('id,records', 120, slips), 32);
    expect(
      detectTypos(frame)
        .findings.map((f) => f.row)
        .sort((a, b) => a - b),
    ).toEqual([3, 40, 77]);
  });

  it('stays silent on a consistently spelled column and on a spelling used as often', async () => {
    const capital = await frameIn(
      csvOf('id,b', 100, (i) => `${i},${i % 2 ? 'Yes' : 'No'}`),
      16,
    );
    expect(detectTypos(capital).findings).toEqual([]);
    // Half "yes", half "Yes": a convention of the file, not a slip.
    const mixed = await frameIn(csvOf('id,b', 100, (i) => `${i},${i % 2 ? 'yes' : 'Yes'}`));
    expect(detectTypos(mixed).findings).toEqual([]);
  });

  it('forgets the variant of a cell an edit rewrites', async () => {
    const m = await importCsvFromBytes(utf8Bytes(csvOf('id,records', 120, slips)));
    const chunk = decodeColumnChunk(m.chunks[0][1], m.columns[1], m.dialect);
    expect([...chunk.variants!.text.keys()].sort((a, b) => a - b)).toEqual([3, 40, 77]);
    const draft = new ChunkDraft(chunk);
    draft.setCell(3, { kind: 'number', value: 1 });
    expect([...draft.result().variants!.text.keys()]).toEqual([40, 77]);
    // The source chunk (which a cache may share) is untouched.
    expect(chunk.variants!.text.has(3)).toBe(true);
  });
});
