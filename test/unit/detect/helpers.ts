import { blankColumnMeta } from '../../../src/core/table/column-meta';
import { frameFromStored, type Frame } from '../../../src/core/table/frame';
import { importCsvFromBytes } from '../../../src/core/table/memory-import';
import { utf8Bytes } from '../../../src/core/table/text-decoder';

/** A frame read from CSV text the way the app imports it. */
export async function frameOf(csv: string): Promise<Frame> {
  const m = await importCsvFromBytes(utf8Bytes(csv));
  return frameFromStored(m.columns, m.dialect, m.chunks);
}

/** CSV text with a header and rows made by `make(i)`. */
export function csvOf(header: string, rows: number, make: (i: number) => string): string {
  return [header, ...Array.from({ length: rows }, (_, i) => make(i))].join('\n') + '\n';
}

/** A frame built directly from arrays (numbers → float columns, strings → categorical). */
export function frameFromArrays(columns: Record<string, Array<number | string | null>>): Frame {
  const entries = Object.entries(columns);
  const rows = entries[0][1].length;
  return {
    rows,
    excluded: new Uint8Array(rows),
    columns: entries.map(([name, values], index) => {
      const numeric = values.every((v) => v === null || typeof v === 'number');
      const meta = blankColumnMeta(index, name, numeric ? 'float' : 'categorical');
      return numeric
        ? {
            kind: 'number' as const,
            meta,
            values: Float64Array.from(values, (v) => (v === null ? NaN : (v as number))),
            invalid: new Map<number, string>(),
          }
        : {
            kind: 'string' as const,
            meta,
            values: values.map((v) => (v === null ? null : String(v))),
            invalid: new Map<number, string>(),
          };
    }),
  };
}
