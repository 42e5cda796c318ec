import { describe, expect, it } from 'vitest';
import { detectIsolation } from '../../../src/core/detect/isolation-forest';
import { frameFromArrays } from './helpers';

// y follows x closely; row 150 breaks the relation although each of its values is ordinary.
const n = 300;
const xs = Array.from({ length: n }, (_, i) => (i * 37) % 100);
const ys = xs.map((x, i) => (i === 150 ? 100 - x : x + ((i * 13) % 5)));

describe('isolation forest detector', () => {
  it('flags a row whose combination is unusual, the same way for the same seed', () => {
    xs[150] = 5;
    ys[150] = 95;
    const frame = frameFromArrays({ x: xs, y: ys });
    const first = detectIsolation(frame, 3, null).findings;
    expect(first.map((f) => f.row)).toContain(150);
    expect(first.length).toBeLessThan(10);
    expect(detectIsolation(frame, 3, null).findings).toEqual(first);
    const top = [...first].sort((a, b) => b.score - a.score)[0];
    expect(top.row).toBe(150);
    expect(top.column).toBeNull();
  });

  it('stays silent on identical rows and explains when it cannot run', () => {
    const same = frameFromArrays({ x: Array(50).fill(1), y: Array(50).fill(2) });
    expect(detectIsolation(same, 1, null).findings).toEqual([]);
    const one = frameFromArrays({ x: [1, 2, 3] });
    expect(detectIsolation(one, 1, null).note).toMatch(/two numeric columns/);
  });
});
