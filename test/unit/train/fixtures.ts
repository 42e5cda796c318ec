/** Small in-memory frames for training tests (no CSV import involved). */
import type { Frame, FrameColumn } from '../../../src/core/table/frame';
import type { ColumnType } from '../../../src/core/table/types';
import { seededRandom } from '../../../src/core/stats/rng';

/** A frame from plain columns: number arrays become numeric columns, string arrays string ones. */
export function makeFrame(
  columns: Record<string, (number | null)[] | (string | null)[]>,
  types: Record<string, ColumnType> = {},
): Frame {
  const names = Object.keys(columns);
  const rows = columns[names[0]].length;
  return {
    rows,
    excluded: new Uint8Array(rows),
    columns: names.map((name, index): FrameColumn => {
      const values = columns[name];
      const numeric = values.some((v) => typeof v === 'number');
      const type = types[name] ?? (numeric ? 'float' : 'categorical');
      const meta = {
        index,
        name,
        originalName: name,
        type,
        missingCount: values.filter((v) => v === null).length,
        invalidCount: 0,
        distinctCount: new Set<unknown>(values).size,
        distinctCapped: false,
        maxLength: 10,
      };
      return numeric
        ? {
            kind: 'number',
            meta,
            values: Float64Array.from(values as (number | null)[], (v) => v ?? NaN),
            invalid: new Map(),
          }
        : { kind: 'string', meta, values: values as (string | null)[], invalid: new Map() };
    }),
  };
}

/** A seeded binary task: label "yes" when 1.5·a − b + (city = north) + noise > 0. */
export function binaryTask(n = 400, seed = 1): Frame {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const a: (number | null)[] = [];
  const b: number[] = [];
  const city: (string | null)[] = [];
  const id: string[] = [];
  const label: string[] = [];
  for (let i = 0; i < n; i++) {
    const ai = gauss();
    const bi = gauss();
    const ci = ['north', 'south', 'east'][Math.floor(random() * 3)];
    a.push(i % 17 === 0 ? null : ai);
    b.push(bi);
    city.push(i % 23 === 0 ? null : ci);
    id.push(`row-${i}`);
    label.push(1.5 * ai - bi + (ci === 'north' ? 1 : 0) + 0.3 * gauss() > 0 ? 'yes' : 'no');
  }
  return makeFrame({ id, a, b, city, label }, { id: 'identifier' });
}
