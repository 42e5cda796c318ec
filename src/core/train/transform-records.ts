/** preprocessing.json applied to plain row objects, for consumers that hold no Frame (e.g. a server scoring JSON). */
import { blankColumnMeta } from '../table/column-meta';
import type { Frame, FrameColumn } from '../table/frame';
import type { Preprocessing } from './preprocessing';
import { transformFrame, type TransformedInputs } from './transform';

/** One input row: column name → value (null or absent = missing). */
export type InputRecord = Record<string, string | number | boolean | null | undefined>;

/** Transforms `records` exactly as `transformFrame` would transform the same rows of a frame. */
export function transformRecords(spec: Preprocessing, records: InputRecord[]): TransformedInputs {
  const names = new Set<string>();
  for (const record of records) for (const name of Object.keys(record)) names.add(name);
  const numeric = new Set(spec.features.filter((f) => f.kind === 'numeric').map((f) => f.column));
  const columns = [...names].map((name, index): FrameColumn => {
    const meta = blankColumnMeta(index, name, numeric.has(name) ? 'float' : 'categorical');
    const raw = records.map((r) => r[name] ?? null);
    if (numeric.has(name)) {
      // Booleans are 0/1 numbers in frames; text that is not a number counts as missing.
      const values = Float64Array.from(raw, (v) =>
        v === null || v === '' ? NaN : typeof v === 'boolean' ? +v : Number(v),
      );
      return { kind: 'number', meta, values, invalid: new Map() };
    }
    const values = raw.map((v) => (v === null ? null : String(v)));
    return { kind: 'string', meta, values, invalid: new Map() };
  });
  const frame: Frame = { rows: records.length, columns, excluded: new Uint8Array(records.length) };
  return transformFrame(spec, frame);
}
