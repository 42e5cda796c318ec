/**
 * The malformed-file corpus of issue #14, generated (nothing big is committed): each case is a
 * small CSV (one is 17 MB, to meet the default record limit) that once hung, crashed, merged rows
 * or misled a command. `test/unit/hostile/corpus.test.ts` runs every case through inspect,
 * detect, rank and train. `node --import tsx test/hostile-corpus.ts DIR` writes them to DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a command should do with a case: exit code, and a pattern its one-line message matches. */
export interface Outcome {
  code: 0 | 1 | 2;
  message?: RegExp;
}

/** One malformed file and what each command should make of it. */
export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  /** Extra flags for every command (e.g. lower import limits). */
  flags?: string[];
  inspect: Outcome;
  detect: Outcome;
  rank: Outcome;
  train: Outcome;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A seeded little task: id, x, y, group, label (label follows x + y), `n` rows. */
function rowsOf(n: number, seed = 1): string[][] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: n }, (_, i) => {
    const x = random() * 10;
    const y = random() * 10;
    const group = ['a', 'b', 'c'][i % 3];
    return [`r${i}`, x.toFixed(3), y.toFixed(3), group, x + y + random() * 3 > 11 ? 'A' : 'B'];
  });
}

const HEADER = ['id', 'x', 'y', 'group', 'label'];

/** `rows` joined by `delimiter` and `newline`, header first. */
function csv(rows: string[][], delimiter = ',', newline = '\n', header = HEADER): string {
  return [header, ...rows].map((r) => r.join(delimiter)).join(newline) + newline;
}

const ok: Outcome = { code: 0 };
const fine = { inspect: ok, detect: ok, rank: ok, train: ok };
/** Every command refuses at import with the same message. */
const refused = (message: RegExp) => {
  const o: Outcome = { code: 1, message };
  return { inspect: o, detect: o, rank: o, train: o };
};

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every case, built fresh. */
export function hostileCases(): HostileCase[] {
  const base = rowsOf(120);
  const text = (name: string, content: string, expect = fine, flags?: string[]): HostileCase => ({
    name,
    bytes: utf8(content),
    flags,
    ...expect,
  });
  const withRow = (i: number, row: string[]) => base.map((r, k) => (k === i ? row : r));
  const ends = ['\r\n', '\n', '\r'];
  const mixed = [HEADER, ...rowsOf(200)].map((r, i) => r.join(',') + ends[i % 3]).join('') + '\n';
  const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  const wideRow = Array.from({ length: 173_013 }, () => '1').join(',');
  const fewClasses = rowsOf(1000).map((r, i) => [r[0], r[1], r[2], r[3], `c${i % 500}`]);
  const huge = withRow(5, ['r5', '1e308', '1', 'a', 'A']).map((r, i) =>
    i === 50 ? ['r50', '-1e308', '2', 'b', 'B'] : i === 90 ? ['r90', '1.79e308', '3', 'c', 'A'] : r,
  );
  // A numeric (regression) target: x + y + noise, three rows holding huge valid floats.
  const hugeTarget = base.map((r, i) => [
    ...r.slice(0, 4),
    i === 5
      ? '1e308'
      : i === 50
        ? '-1e308'
        : i === 90
          ? '1.79e308'
          : (+r[1] * 2 + +r[2]).toFixed(3),
  ]);
  return [
    text('empty', '', refused(/This file is empty/)),
    text('whitespace-only', ' \n\t\n  \n', refused(/This file is empty/)),
    text('header-only', 'id,x,label\n', refused(/header row but no data rows/)),
    {
      name: 'one-line-17MB',
      bytes: utf8('x'.repeat(17 * 1024 * 1024)),
      ...refused(/line 1 is longer than 16,777,216 characters/),
    },
    text('one-line-over-low-limit', `${'y'.repeat(6000)}`, refused(/line 1 is longer than 5,000/), [
      '--max-record-chars',
      '5000',
    ]),
    text(
      'long-line-in-the-middle',
      csv(withRow(60, ['r60', 'z'.repeat(9000), '1', 'a', 'A'])),
      refused(/line 62 is longer than 8,000/),
      ['--max-record-chars', '8000'],
    ),
    text(
      '500KB-line-173013-columns',
      `${wideRow}\n`,
      refused(/line 1 has more than 16,384 fields/),
    ),
    text(
      'unclosed-quote-over-limit',
      `${csv(base.slice(0, 10))}"open,${'q\n'.repeat(5000)}`,
      refused(/record starting on line 12 .* never closed/),
      ['--max-record-chars', '4000'],
    ),
    text('mixed-crlf-lf-cr', mixed),
    text('cr-only', csv(base, ',', '\r')),
    text('crlf', csv(base, ',', '\r\n')),
    text('unclosed-quote-short', `${csv(base)}r999,"1.5,2,a,A\n`),
    text('few-nul-bytes', csv(base).replace('r7,', 'r7\0,').replace('r90,', 'r90,\0')),
    { name: 'mostly-binary', bytes: random, ...refused(/not text: it contains binary data/) },
    {
      name: 'png',
      bytes: concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random),
      ...refused(/PNG image/),
    },
    {
      name: 'xlsx',
      bytes: concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), random),
      ...refused(/Excel workbook/),
    },
    { name: 'utf16le-bom', bytes: utf16(csv(base), true), ...fine },
    { name: 'utf16be-bom', bytes: utf16(csv(base), false), ...fine },
    {
      name: 'latin1',
      bytes: concat(
        utf8(csv(base.slice(0, 60))),
        new Uint8Array([0x72, 0x39, 0x39, 0x2c, 0x31, 0x2c, 0x32, 0x2c, 0xe9, 0x2c, 0x41, 0x0a]),
        utf8(csv(base.slice(60)).split('\n').slice(1).join('\n')),
      ),
      ...fine,
    },
    text('utf8-bom', `\uFEFF${csv(base)}`),
    text(
      'ragged-rows',
      csv(base.map((r, i) => (i % 9 === 0 ? r.slice(0, 3) : i % 11 === 0 ? [...r, 'extra'] : r))),
    ),
    text('duplicate-and-empty-headers', csv(base, ',', '\n', ['id', 'x', 'x', '', 'label'])),
    text(
      'formula-headers',
      csv(base, ',', '\n', ['id', '"=HYPERLINK(""http://x"",""y"")"', '+x', '@group', 'label']),
    ),
    text(
      'formula-cells',
      csv(base.map((r, i) => (i % 5 ? r : [r[0], r[1], r[2], `=cmd|' /c calc'!A${i}`, r[4]]))),
    ),
    text(
      'html-cells',
      csv(
        base.map((r, i) => (i % 7 ? r : [r[0], r[1], r[2], '<img src=x onerror=alert(1)>', r[4]])),
      ),
    ),
    text('huge-floats', csv(huge), {
      ...fine,
      train: {
        code: 0,
        message: /warning: Column "x" has 3 values far outside the rest \(rows 6, 51, 91\)/,
      },
    }),
    text('huge-regression-target', csv(hugeTarget), {
      ...fine,
      rank: { code: 1, message: /distinct values: ranking needs a categorical target/ },
      train: {
        code: 0,
        message:
          /warning: Target "label" has 3 values far outside the rest \(rows 6, 51, 91\).*left out of training and evaluation[^]*3 left out \(target far outside the rest\)/,
      },
    }),
    text('all-missing-column', csv(base.map((r) => [r[0], r[1], '', r[3], r[4]]))),
    text(
      'only-target-column',
      csv(
        base.map((r) => [r[4]]),
        ',',
        '\n',
        ['label'],
      ),
      {
        ...fine,
        detect: ok,
        rank: { code: 1, message: /No usable feature columns besides "label"/ },
        train: { code: 1, message: /no column besides the target "label"/ },
      },
    ),
    text('500-classes-in-1000-rows', csv(fewClasses), {
      ...fine,
      rank: { code: 1, message: /500 distinct values: ranking needs a categorical target/ },
      train: {
        code: 1,
        message:
          /500 classes of "label" in 1,000 rows leave no validation or test rows.*Merge rare classes/,
      },
    }),
    text('one-data-row', csv(base.slice(0, 1)), {
      ...fine,
      rank: { code: 1, message: /single class/ },
      train: { code: 1, message: /single class/ },
    }),
    text('target-all-missing', csv(base.map((r) => [...r.slice(0, 4), ''])), {
      ...fine,
      rank: { code: 1, message: /"label" has no values/ },
      train: { code: 1, message: /"label" has no values/ },
    }),
    text('single-class', csv(base.map((r) => [...r.slice(0, 4), 'A'])), {
      ...fine,
      rank: { code: 1, message: /single class/ },
      train: { code: 1, message: /single class/ },
    }),
    text('no-header', csv(base, ',', '\n', []).replace(/^\n/, ''), {
      ...fine,
      rank: { code: 1, message: /Unknown target column "label"/ },
      train: { code: 1, message: /"label"/ },
    }),
    text(
      'semicolon-decimal-comma',
      csv(
        base.map((r) => r.map((v) => v.replace('.', ','))),
        ';',
      ),
    ),
    text('tab-delimited', csv(base, '\t')),
    text('pipe-delimited', csv(base, '|')),
    text(
      'quoted-newlines',
      csv(
        base.map((r, i) =>
          i % 4 ? r : [r[0], r[1], r[2], `"line one\nline two, ""quoted"""`, r[4]],
        ),
      ),
    ),
    text('blank-lines', csv(base).replace(/\nr1/g, '\n\n\nr1')),
    text(
      '600-columns',
      csv(
        rowsOf(20).map((r) => [...r, ...Array.from({ length: 595 }, (_, k) => String(k % 7))]),
        ',',
        '\n',
        [...HEADER, ...Array.from({ length: 595 }, (_, k) => `c${k}`)],
      ),
    ),
    text(
      'nan-and-infinity',
      csv(base.map((r, i) => (i % 6 ? r : [r[0], i % 12 ? 'NaN' : 'Infinity', r[2], r[3], r[4]]))),
    ),
    text('one-megabyte-cell', csv(withRow(3, ['r3', '1', '2', 'm'.repeat(1_000_000), 'A']))),
    text('trailing-delimiters', csv(base).replace(/\n/g, ',\n')),
    text(
      'stray-quotes',
      csv(base.map((r, i) => (i % 8 ? r : [r[0], r[1], r[2], `5" screen`, r[4]]))),
    ),
    text(
      'control-characters',
      csv(base.map((r, i) => (i % 10 ? r : [r[0], r[1], r[2], 'a\u0007b\u001bc', r[4]]))),
    ),
    text('only-delimiters', `${',,,,\n'.repeat(50)}`, {
      ...fine,
      rank: { code: 1, message: /Unknown target column "label"/ },
      train: { code: 1, message: /"label"/ },
    }),
  ];
}

/** Writes every case to `dir` as NAME.csv. */
export function writeCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return hostileCases().map((c) => {
    const path = join(dir, `${c.name}.csv`);
    writeFileSync(path, c.bytes);
    return path;
  });
}

if (process.argv[1]?.endsWith('hostile-corpus.ts') && process.argv[2]) {
  const written = writeCorpus(process.argv[2]);
  process.stdout.write(`wrote ${written.length} cases to ${process.argv[2]}\n`);
}
