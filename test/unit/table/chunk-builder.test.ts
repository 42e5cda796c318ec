import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/core/table/chunk-builder';
import { CellParser } from '../../../src/core/table/parse-value';

function build(rows: string[][], names: string[], chunkRows: number): ChunkBuilder {
  const builder = new ChunkBuilder('ds', names, names, chunkRows, new CellParser(false));
  for (const row of rows) builder.addRecord(row);
  builder.finish();
  return builder;
}

describe('ChunkBuilder', () => {
  it('writes one chunk per chunkRows rows with every column in order', () => {
    const builder = build(
      [
        ['1', 'a'],
        ['2', 'b'],
        ['3', 'c'],
      ],
      ['n', 's'],
      2,
    );
    expect(builder.ready.map((chunk) => chunk.map((c) => [c.chunk, c.column, c.rows]))).toEqual([
      [
        [0, 0, 2],
        [0, 1, 2],
      ],
      [
        [1, 0, 1],
        [1, 1, 1],
      ],
    ]);
    expect(builder.ready[0][0].datasetId).toBe('ds');
    expect(builder.rows).toBe(3);
    expect(builder.chunkCount).toBe(2);
    expect(builder.storedBytes).toBeGreaterThan(0);
  });

  it('stores numeric columns as f64 and string columns as dict, missing bits set', () => {
    const builder = build(
      [
        ['1', 'x'],
        ['', 'y'],
        ['3', ' '],
      ],
      ['n', 's'],
      10,
    );
    const [n, s] = builder.ready[0];
    expect(n.data.encoding).toBe('f64');
    expect(n.valueType).toBe('integer');
    expect(Array.from(n.missing)).toEqual([0b010]);
    expect(s.data).toEqual({
      encoding: 'dict',
      codes: Uint32Array.from([0, 1, 0]),
      dictionary: ['x', 'y'],
    });
    expect(Array.from(s.missing)).toEqual([0b100]);
  });

  it('counts ragged rows and lists them', () => {
    const builder = build([['1', '2'], ['3'], ['4', '5', '6'], ['7', '8']], ['a', 'b'], 10);
    expect(builder.ragged).toEqual({ count: 2, tooFew: 1, tooMany: 1, rows: [1, 2] });
  });

  it('switches to dict when a later chunk is mostly text, keeping earlier f64', () => {
    const values = ['1', '2', '3', 'x', 'y', 'z', 'w'];
    const builder = build(
      values.map((v) => [v]),
      ['v'],
      3,
    );
    expect(builder.ready.map((c) => c[0].data.encoding)).toEqual(['f64', 'dict', 'dict']);
    expect(builder.firstTypes).toEqual(['integer']);
    expect(builder.finalType(0)).toBe('categorical');
  });

  it('keeps the text as written when the column turns text within an f64 chunk', () => {
    const builder = build(
      ['1', '2', '3', '4', '1.50', 'a', 'b', 'c'].map((v) => [v]),
      ['v'],
      4,
    );
    const second = builder.ready[1][0];
    expect(second.data).toEqual({
      encoding: 'dict',
      codes: Uint32Array.from([0, 1, 2, 3]),
      dictionary: ['1.50', 'a', 'b', 'c'],
    });
  });

  it('keeps the column facts: missing, distinct, max length', () => {
    const builder = build([['aa'], [''], ['bbbb'], ['aa']], ['s'], 2);
    expect(builder.columnMeta()[0]).toMatchObject({
      name: 's',
      type: 'categorical',
      missingCount: 1,
      distinctCount: 2,
      distinctCapped: false,
      maxLength: 4,
      invalidCount: 0,
    });
  });
});
