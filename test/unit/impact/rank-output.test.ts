import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameSpelling, lineAction, rankLine } from '../../../src/cli/rank-output';
import type { RankedRow } from '../../../src/core/impact/combine';
import { rankRows } from '../../../src/core/impact/rank';
import type { Frame } from '../../../src/core/table/frame';
import { frameFromArrays } from '../detect/helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const row = (over: Partial<RankedRow>): RankedRow => ({
  row: 4,
  score: 0.5,
  reason: 'why, "quoted"',
  kind: 'cell',
  gain: 0,
  column: 1,
  suggestion: null,
  value: 0,
  ...over,
});

/** A frame whose column 1 is a yes/no column the file spells "No"/"Yes" (held as 0/1). */
function withYesNo(): Frame {
  const f = frameFromArrays({ x: [1, 2, 3], paid: [0, 1, 0] });
  const col = f.columns[1];
  if (col.kind === 'number') col.variants = { usual: ['No', 'Yes'], text: new Map() };
  return f;
}

describe('ranking lines', () => {
  it('spell each suggestion as action, column name and value', () => {
    const names = ['x', 'paid'];
    const spell = frameSpelling(withYesNo());
    const relabel = row({ suggestion: { kind: 'relabel', row: 4, column: 1, value: '1' } });
    expect(rankLine(relabel, names, spell)).toBe('4,0.500000,"why, ""quoted""",relabel,paid,Yes');
    const set = row({ suggestion: { kind: 'set-cell', row: 4, column: 0, value: '3.5' } });
    expect(lineAction(set, names, spell)).toEqual({ action: 'set', column: 'x', value: '3.5' });
    const empty = row({ suggestion: { kind: 'set-cell', row: 4, column: 0, value: null } });
    expect(lineAction(empty, names, spell)).toEqual({ action: 'set', column: 'x', value: '' });
    const drop = row({ suggestion: { kind: 'exclude-row', row: 4 } });
    expect(lineAction(drop, names, spell).action).toBe('exclude');
    expect(lineAction(row({}), names, spell)).toEqual({
      action: 'review',
      column: 'paid',
      value: '',
    });
    // A string column's values are already as written; a class named "1" stays "1".
    expect(frameSpelling(frameFromArrays({ c: ['1', '0'] }))(0, '1')).toBe('1');
  });

  it('say exactly what the suggestion (what Accept applies) does, for every ranked row', async () => {
    const n = 120;
    const x = Array.from({ length: n }, (_, i) => (i % 2 ? 10 : 0) + (i % 7) / 7);
    const size = Array.from({ length: n }, (_, i) => 20 + (i % 9));
    size[11] = 200000; // a unit slip
    const y = x.map((v, i) => (v > 5 !== [3, 8, 20].includes(i) ? 'hi' : 'lo'));
    const train = frameFromArrays({ x, size, y });
    const val = frameFromArrays({
      x: x.map((v) => v + 0.1),
      size: size.map(() => 24),
      y: x.map((v) => (v > 5 ? 'hi' : 'lo')),
    });
    const result = await rankRows(train, val, 'y');
    const names = result.signals.columnNames;
    const spell = frameSpelling(train);
    let concrete = 0;
    for (const r of result.rows) {
      const a = lineAction(r, names, spell);
      const op = r.suggestion;
      if (op === null) expect(a.action).toBe('review');
      else if (op.kind === 'relabel') {
        expect([a.action, a.column, a.value]).toEqual(['relabel', 'y', op.value]);
        expect(op.row).toBe(r.row);
        expect(result.signals.classes).toContain(op.value);
      } else if (op.kind === 'set-cell') {
        expect([a.action, a.column, a.value]).toEqual(['set', names[op.column], op.value ?? '']);
        expect(op.row).toBe(r.row);
      } else expect.fail(`a ranked row suggests a ${op.kind}, which no line can say`);
      if (op) concrete++;
    }
    expect(concrete).toBeGreaterThan(0);
    const slip = result.rows.find((r) => r.row === 11)!;
    expect(lineAction(slip, names, spell)).toMatchObject({ action: 'set', column: 'size' });
  });
});
