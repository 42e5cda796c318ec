import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFlags } from '../../../src/cli/args';
import * as train from '../../../src/cli/commands/train';

// Staff records whose rare cells are unmistakable: unique ids, names, salaries to the cent and
// notes, two cities seen 3 and 4 times. Ages and departments repeat ≥ 25 times each.
const first = ['Annelies', 'Bart', 'Chidi', 'Dagny', 'Emre', 'Farida', 'Gijs', 'Hanne', 'Ivo'];
const last = ['Vermeulen', 'Okafor', 'Lindqvist', 'Yilmaz', 'de Wit', 'Nakamura', 'Brouwer'];
const header = 'staff_id,name,salary,age,city,dept,notes,label';
const records = Array.from({ length: 315 }, (_, i) => {
  const salary = (38000.01 + i * 97.31 + (i % 7) * 13.07).toFixed(2);
  const age = 20 + (i % 12);
  const city = i < 3 ? 'Zwolle' : i < 7 ? 'Hoorn' : ['Utrecht', 'Delft', 'Leiden'][i % 3];
  const name = `${first[i % 9]} ${last[i % 7]}-${String.fromCharCode(65 + (i % 5))}`;
  const notes = `"Asked about pension on visit ${1000 + i}, follow up"`;
  const label = Number(salary) / 1000 + age / 3 > 62 + (i % 4) ? 'stays' : 'leaves';
  return [
    `S-${104729 + i * 7}`,
    name,
    salary,
    age,
    city,
    ['Sales', 'R&D', 'HR'][i % 3],
    notes,
    label,
  ];
});

/** Each cell text (quotes off) seen fewer than k times in the data, with its number spelling. */
function rareValues(k: number): string[] {
  const counts = new Map<string, number>();
  for (const row of records)
    for (const cell of row) {
      const text = String(cell).replace(/^"|"$/g, '');
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  const rare = [...counts].filter(([, n]) => n < k).map(([text]) => text);
  // A number may be written back as JSON spells it (51234.5 for "51234.50").
  return [
    ...new Set(rare.flatMap((t) => (Number.isFinite(Number(t)) ? [t, String(Number(t))] : [t]))),
  ];
}

/** Whether `value` occurs in `text`; a number only as a whole number (51240.1 not in 51240.15). */
function occurs(text: string, value: string): boolean {
  if (!/^-?[\d.]+$/.test(value)) return text.includes(value);
  const escaped = value.replace(/[.-]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d)`).test(text);
}

/** Every file of the zip as text (latin1 for the binary weights: byte for byte). */
function zipTexts(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes, name === 'weights.bin')]),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('an exported model zip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cleanroom-privacy-'));
  const data = join(dir, 'staff.csv');
  writeFileSync(data, `${[header, ...records.map((r) => r.join(','))].join('\n')}\n`);

  for (const k of [10, 25])
    it(`holds no training value seen fewer than k = ${k} times, in any file`, async () => {
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const out = join(dir, `model-${k}.zip`);
      const args = ['--data', data, '--target', 'label', '--out', out, '--model', 'logistic'];
      await train.run(parseFlags([...args, '--epochs', '3', '--privacy-k', String(k)]));
      const texts = zipTexts(readFileSync(out));
      expect(Object.keys(texts)).toContain('drift-reference.json');
      const rare = rareValues(k);
      // The data really has what a leak would show: unique names, salaries, ids, rare cities.
      expect(rare).toEqual(expect.arrayContaining(['Zwolle', 'Hoorn', 'S-104729', '38000.01']));
      expect(rare.length).toBeGreaterThan(4 * 315);
      const hits = Object.entries(texts).flatMap(([file, text]) =>
        rare.filter((value) => occurs(text, value)).map((value) => `${file}: ${value}`),
      );
      expect(hits).toEqual([]);
      // The summary is still there and says what it is.
      const reference = JSON.parse(texts['drift-reference.json']);
      expect(reference).toMatchObject({ version: 2, k });
      expect(reference.columns.map((c: { column: string }) => c.column)).toContain('salary');
      expect(texts['model-card.md']).toContain(`## Privacy\n\nk = ${k}.`);
      expect(texts['model-card.md']).toContain('no row can be read back');
      expect(JSON.parse(texts['model-card.json']).privacy.k).toBe(k);
    });
});
