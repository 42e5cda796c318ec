/**
 * Column-wide transforms applied to one chunk's draft. String columns are transformed through
 * their dictionary (work per distinct value, then one pass over the codes); numeric columns
 * compare by value, so the sentinel "-999" also matches a cell that was written "-999.0".
 */
import type { ChunkDraft } from './chunk-draft';
import type { ColumnTransform } from './operations';
import { parseCellText, parseNumeric, type ParsedCell } from './parse-value';

/** Applies one transform to every cell of the draft. */
export function applyTransform(draft: ChunkDraft, transform: ColumnTransform): void {
  switch (transform.kind) {
    case 'replace-with-missing': {
      const values = new Set(transform.values);
      if (!draft.numeric) return remapStrings(draft, (s) => (values.has(s) ? null : s));
      const numbers = new Set(numericKeys(transform.values, draft));
      return remapNumeric(
        draft,
        (text) => (values.has(text) || values.has(text.trim()) ? MISSING : null),
        (n) => (numbers.has(n) ? MISSING : null),
      );
    }
    case 'trim':
      // Cells kept as written lose their blanks too (blank cells, missing already, become empty).
      for (const [row, text] of [...(draft.written ?? [])]) {
        if (draft.isMissing(row)) draft.dropWritten(row);
        else if (text.trim() !== text) draft.own('written').set(row, text.trim());
      }
      if (!draft.numeric) return remapStrings(draft, (s) => s.trim() || null);
      // Only invalid raw text can carry whitespace in a numeric column; trimmed it may now parse.
      return remapNumeric(
        draft,
        (text) => (text.trim() === text ? null : parse(draft, text.trim())),
        () => null,
      );
    case 'map-categories': {
      const mapping = new Map(transform.mapping);
      // Mapping to "" empties the cell, as an empty CSV field would.
      if (!draft.numeric)
        return remapStrings(draft, (s) => (mapping.has(s) ? mapping.get(s) || null : s));
      const byNumber = new Map<number, ParsedCell>();
      for (const [from, to] of transform.mapping) {
        const key = parseNumeric(from.trim(), draft.type);
        if (key !== null && !byNumber.has(key)) byNumber.set(key, parse(draft, to));
      }
      return remapNumeric(
        draft,
        (text) => (mapping.has(text) ? parse(draft, mapping.get(text) ?? '') : null),
        (n) => byNumber.get(n) ?? null,
      );
    }
    case 'impute':
      return impute(draft, parse(draft, transform.value));
  }
}

const MISSING: ParsedCell = { kind: 'missing' };

function parse(draft: ChunkDraft, text: string): ParsedCell {
  return parseCellText(text, draft.type);
}

function numericKeys(values: readonly string[], draft: ChunkDraft): number[] {
  const keys: number[] = [];
  for (const value of values) {
    const key = parseNumeric(value.trim(), draft.type);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** Rewrites a string column through its dictionary; `fn` returns the new text, null = missing. */
function remapStrings(draft: ChunkDraft, fn: (text: string) => string | null): void {
  const dictionary = draft.dictionary ?? [];
  const codes = draft.codes;
  if (codes === null) return;
  const next: string[] = [];
  const lookup = new Map<string, number>();
  const remap = new Int32Array(dictionary.length);
  let changed = false;
  for (let d = 0; d < dictionary.length; d++) {
    const out = fn(dictionary[d]);
    if (out === null) {
      remap[d] = -1;
      changed = true;
      continue;
    }
    let code = lookup.get(out);
    if (code === undefined) lookup.set(out, (code = next.push(out) - 1));
    remap[d] = code;
    if (code !== d || out !== dictionary[d]) changed = true;
  }
  if (!changed) return;
  for (let row = 0; row < draft.rows; row++) {
    if (draft.isMissing(row)) continue;
    const code = remap[codes[row]];
    if (code === undefined) continue; // a code outside the dictionary: corrupt, leave it be
    if (code < 0) draft.setMissing(row, true);
    else draft.setCode(row, code);
  }
  draft.replaceDictionary(next);
}

/**
 * Rewrites a numeric column: `byText` decides for cells holding invalid raw text, `byNumber`
 * for parsed values; each returns the new cell or null to leave the cell as it is.
 */
function remapNumeric(
  draft: ChunkDraft,
  byText: (text: string) => ParsedCell | null,
  byNumber: (value: number) => ParsedCell | null,
): void {
  // Each cell is looked at once, as it was before this transform: the invalid cells are
  // snapshotted first, so a value one rule produces is never fed to another rule (no chaining).
  const invalid = [...draft.invalid];
  const numbers = draft.numbers;
  if (numbers !== null) {
    for (let row = 0; row < draft.rows; row++) {
      const value = numbers[row];
      if (Number.isNaN(value) || draft.isMissing(row)) continue;
      const cell = byNumber(value);
      if (cell) draft.setCell(row, cell);
    }
  }
  for (const [row, text] of invalid) {
    const cell = byText(text);
    if (cell) draft.setCell(row, cell);
  }
}

/** Fills every missing cell with `cell`; walks the bitmap by byte so full columns cost rows/8. */
function impute(draft: ChunkDraft, cell: ParsedCell): void {
  if (cell.kind === 'missing') return;
  const missing = draft.missing;
  for (let byte = 0; byte < missing.length; byte++) {
    if (missing[byte] === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      const row = byte * 8 + bit;
      if (row < draft.rows && (missing[byte] & (1 << bit)) !== 0) draft.setCell(row, cell);
    }
  }
}
