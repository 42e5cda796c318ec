/**
 * Duplicate rows: exact copies, near copies (same text up to case and spacing, numbers within a
 * relative tolerance: near-duplicates.ts) and conflicting copies (same features, another label).
 */
import { classLabel, type Frame } from '../table/frame';
import { nearPairs, nearReason } from './near-duplicates';
import type { Detector, DetectorOutput, Finding } from './types';

/**
 * How cells are compared: 'exact' as stored; 'block' with text trimmed and lower-cased and a
 * number reduced to whether it is missing (the near-duplicate pass compares numbers itself).
 */
export type KeyMode = 'exact' | 'block';

function cell(frame: Frame, c: number, r: number, mode: KeyMode): string {
  const v = frame.columns[c].values[r];
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return '\u0000';
  if (typeof v === 'number') return mode === 'block' ? '' : String(v);
  return mode === 'block' ? v.trim().replace(/[A-Z]/g, (ch) => ch.toLowerCase()) : v;
}

/** Row key over `columns`; \u0001 separates cells (it does not occur in CSV text in practice). */
function rowKey(frame: Frame, columns: number[], r: number, mode: KeyMode): string {
  let key = '';
  for (const c of columns) key += cell(frame, c, r, mode) + '\u0001';
  return key;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * 32-bit FNV-1a of every row over `columns`: a cheap first pass (equal keys are then checked
 * exactly), built column by column so each loop sees one kind of value.
 */
function rowHashes(frame: Frame, columns: number[], mode: KeyMode): Uint32Array {
  const loose = mode === 'block';
  const hashes = new Uint32Array(frame.rows).fill(0x811c9dc5);
  for (const c of columns) {
    const column = frame.columns[c];
    if (column.kind === 'number') {
      const { values } = column;
      for (let r = 0; r < frame.rows; r++) {
        let h = hashes[r];
        const v = values[r];
        if (loose) h = Math.imul(h ^ (v === v ? 1 : 2), 16777619);
        else {
          f64[0] = v;
          h = Math.imul(h ^ u32[0], 16777619);
          h = Math.imul(h ^ u32[1], 16777619);
        }
        hashes[r] = Math.imul(h ^ 0xff, 16777619);
      }
      continue;
    }
    const { values } = column;
    for (let r = 0; r < frame.rows; r++) {
      let h = hashes[r];
      const v = values[r];
      if (v !== null) {
        // Trimmed and ASCII-lower-cased on the fly when loose: no string is allocated per cell.
        let start = 0;
        let end = v.length;
        if (loose) {
          while (start < end && v.charCodeAt(start) <= 32) start++;
          while (end > start && v.charCodeAt(end - 1) <= 32) end--;
        }
        for (let i = start; i < end; i++) {
          const ch = v.charCodeAt(i);
          h = Math.imul(h ^ (loose && ch >= 65 && ch <= 90 ? ch + 32 : ch), 16777619);
        }
      }
      hashes[r] = Math.imul(h ^ (v === null ? 0xfe : 0xff), 16777619);
    }
  }
  return hashes;
}

/**
 * Row indexes grouped by their values over `columns` (groups of two or more only). Exact groups
 * over every column are remembered per frame: the profile and the detector both ask.
 */
export function duplicateGroups(frame: Frame, columns: number[], mode: KeyMode): number[][] {
  const all = mode === 'exact' && columns.length === frame.columns.length;
  const known = all ? exactMemo.get(frame) : undefined;
  if (known) return known;
  const groups = groupRows(frame, columns, mode);
  if (all) exactMemo.set(frame, groups);
  return groups;
}

// Frames are not changed once built (a new version is a new frame).
const exactMemo = new WeakMap<Frame, number[][]>();

function groupRows(frame: Frame, columns: number[], mode: KeyMode): number[][] {
  // Hash first into an open-addressing table of typed arrays (no string or Map entry per row at
  // 1M rows), then build exact keys only for rows whose hash repeats.
  let size = 1024;
  while (size < 2 * frame.rows) size *= 2;
  const slotRow = new Int32Array(size).fill(-1);
  const slotHash = new Uint32Array(size);
  const clash = new Map<number, number[]>();
  const hashes = rowHashes(frame, columns, mode);
  for (let r = 0; r < frame.rows; r++) {
    if (frame.excluded[r]) continue;
    const h = hashes[r];
    let i = h & (size - 1);
    while (slotRow[i] >= 0 && slotHash[i] !== h) i = (i + 1) & (size - 1);
    if (slotRow[i] < 0) {
      slotRow[i] = r;
      slotHash[i] = h;
      continue;
    }
    const list = clash.get(h);
    if (list) list.push(r);
    else clash.set(h, [slotRow[i], r]);
  }
  const out: number[][] = [];
  for (const rows of clash.values()) {
    const byKey = new Map<string, number[]>();
    for (const r of rows) {
      const k = rowKey(frame, columns, r, mode);
      const g = byKey.get(k);
      if (g) g.push(r);
      else byKey.set(k, [r]);
    }
    for (const g of byKey.values()) if (g.length > 1) out.push(g);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Flags exact, near and conflicting duplicates. */
export function detectDuplicates(frame: Frame, target: number | null): DetectorOutput {
  const findings: Finding[] = [];
  const all = frame.columns.map((_, c) => c);
  const flagged = new Set<number>();
  for (const g of duplicateGroups(frame, all, 'exact'))
    for (const r of g.slice(1)) {
      flagged.add(r);
      findings.push({
        row: r,
        column: null,
        detector: 'duplicate',
        score: 0.9,
        reason: `Row ${r} is an exact copy of row ${g[0]}.`,
        suggestion: { kind: 'exclude-row', row: r },
      });
    }
  for (const pair of nearPairs(frame, duplicateGroups(frame, all, 'block'), flagged)) {
    flagged.add(pair.row);
    findings.push({
      row: pair.row,
      column: null,
      detector: 'near-duplicate',
      score: 0.6,
      reason: nearReason(frame, pair),
      suggestion: { kind: 'exclude-row', row: pair.row },
    });
  }
  if (target === null) return { findings };
  const features = all.filter((c) => c !== target);
  const labels = frame.columns[target];
  for (const g of duplicateGroups(frame, features, 'exact')) {
    const votes = new Map<string, number>();
    // Votes by class name (a yes/no label in the file's spelling), so a suggestion reads "Yes".
    const label = (r: number): string => classLabel(labels, r) ?? '\u0000';
    for (const r of g) votes.set(label(r), (votes.get(label(r)) ?? 0) + 1);
    if (votes.size < 2) continue;
    const [major, count] = [...votes].sort((a, b) => b[1] - a[1])[0];
    const tie = [...votes.values()].filter((n) => n === count).length > 1;
    for (const r of g) {
      const mine = label(r);
      if (mine === major && !tie) continue;
      const value = classLabel(labels, r);
      findings.push({
        row: r,
        column: target,
        detector: 'conflicting-duplicate',
        score: tie ? 0.5 : 0.8,
        reason: `Rows ${g.slice(0, 5).join(', ')}${g.length > 5 ? '…' : ''} have the same features but labels disagree (this one: "${value ?? ''}").`,
        suggestion:
          tie || major === '\u0000'
            ? null
            : { kind: 'relabel', row: r, column: target, value: major },
      });
    }
  }
  return { findings };
}

/** Detector: duplicate and conflicting rows. */
export const duplicateDetector: Detector = {
  name: 'duplicates',
  description: 'Exact and near-duplicate rows, and rows with the same features but another label.',
  run: (frame, context) => detectDuplicates(frame, context.target),
};
