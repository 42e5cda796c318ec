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
