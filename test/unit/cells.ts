/** Shared builders for hand-made columns: metadata and dictionary encoding of plain cells. */
import { setBit } from '../../src/core/table/types';

/** Column metadata with zeroed statistics (what storage, replay and tests read). */
export { blankColumnMeta as columnMeta } from '../../src/core/table/column-meta';

/** Dictionary codes and a missing bitmap for `cells` (null = missing), first-seen order. */
export function dictEncode(cells: Array<string | null>): {
  codes: Uint32Array;
  dictionary: string[];
  missing: Uint8Array;
} {
  const missing = new Uint8Array(Math.ceil(cells.length / 8));
  const dictionary: string[] = [];
  const codes = new Uint32Array(cells.length);
  cells.forEach((cell, i) => {
    if (cell === null) return setBit(missing, i);
    let code = dictionary.indexOf(cell);
    if (code < 0) code = dictionary.push(cell) - 1;
    codes[i] = code;
  });
  return { codes, dictionary, missing };
}
