/**
 * Cell texts → numbers of a numeric type, for a chunk stored under another type (text that
 * turned out numeric, or one numeric type read as another): the chunk's style is learnt from
 * the texts themselves, so cells that render otherwise keep their text.
 */
import type { Converted } from './decode-chunk';
import { parseAs, type CellParser } from './parse-value';
import { bitIsSet, type ColumnType, type StoredColumnChunk } from './types';
import { dateTemplate, rendersAsWritten, type ValueStyle } from './value-style';

/**
 * Each present cell's text parsed as numeric `type` (a chunk stored under another type): cells
 * that do not parse become invalid, and the chunk's style (usual yes/no spelling, date shape) is
 * learnt from the texts, so that cells rendering otherwise keep their text.
 */
export function textsToNumbers(
  stored: StoredColumnChunk,
  textAt: (r: number) => string,
  type: ColumnType,
  parser: CellParser,
): Converted {
  const numbers = new Float64Array(stored.rows).fill(NaN);
  const invalid = new Map<number, string>();
  const texts = new Array<string | undefined>(stored.rows);
  const kinds = new Uint8Array(stored.rows);
  const spellings = [new Map<string, number>(), new Map<string, number>()];
  let date: string | null = null;
  for (let r = 0; r < stored.rows; r++) {
    if (bitIsSet(stored.missing, r)) continue;
    const text = textAt(r);
    const v = parseAs(parser, text, type);
    if (v !== v) {
      invalid.set(r, text);
      continue;
    }
    numbers[r] = v;
    texts[r] = text;
    kinds[r] = parser.classify(text);
    if (type === 'boolean') spellings[v].set(text, (spellings[v].get(text) ?? 0) + 1);
    if (type === 'date' && date === null) date = dateTemplate(text);
  }
  const bool: [string, string] | null =
    type === 'boolean' ? [usualOf(spellings[0]), usualOf(spellings[1])] : null;
  const style: ValueStyle = { decimalComma: parser.decimalComma, bool, date };
  const written = new Map<number, string>();
  for (let r = 0; r < stored.rows; r++) {
    const text = texts[r];
    if (text === undefined) continue;
    const same =
      type === 'boolean'
        ? text === bool![numbers[r]]
        : rendersAsWritten(text, kinds[r], numbers[r], style);
    if (!same) written.set(r, text);
  }
  const out: Converted = { numbers, codes: null, dictionary: null, invalid, style };
  // Boolean spelling variants are what the typo detector reads; other types keep written text.
  if (type === 'boolean') out.variants = { usual: style.bool!, text: written };
  else if (written.size > 0) out.written = written;
  return out;
}

function usualOf(counts: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [text, n] of counts) {
    if (n > most) [best, most] = [text, n];
  }
  return best;
}
