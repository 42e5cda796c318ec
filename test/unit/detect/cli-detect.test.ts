import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'detect-cli-'));

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'detect', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('detect command', () => {
  it('writes one CSV line per finding with the suggested fix in words', async () => {
    const data = join(dir, 'd.csv');
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${20 + (i % 30)},${i % 3 ? 'red' : 'blue'},${i % 2 ? 'y' : 'n'}`,
    );
    rows[5] = '-999,red,y';
    rows[9] = '-999,red,n';
    rows[12] = '31,RED,y';
    writeFileSync(data, ['age,colour,label', ...rows].join('\n') + '\n');
    const out = join(dir, 'issues.csv');
    const { code, stderr } = await cli('--data', data, '--target', 'label', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote \d+ findings/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,column,detector,score,reason,suggestion');
    const sentinel = lines.find((l) => l.startsWith('5,age,disguised-missing'));
    // The fix in plain words, naming the column (not its index), with no JSON.
    expect(sentinel).toContain('Make “-999” missing in “age”');
    expect(lines.slice(1).join('\n')).not.toMatch(/"column"|\{""kind/);
    // Not a terminal: each progress count on its own line, never run together or with \r.
    expect(stderr).not.toContain('\r');
    expect(stderr).toMatch(/^read 60 rows$/m);
    expect(stderr).not.toMatch(/rows\s*read/);
    expect(lines.some((l) => l.startsWith('12,colour,typo'))).toBe(true);
  }, 60_000);

  it('fails with one line on a missing file, an unknown target and an empty file', async () => {
    const missing = await cli('--data', join(dir, 'nope.csv'), '--out', join(dir, 'x.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n').pop()).toMatch(/no such file/);
    const data = join(dir, 'ok.csv');
    writeFileSync(data, 'a,b\n1,2\n3,4\n');
    const target = await cli('--data', data, '--target', 'zzz', '--out', join(dir, 'x.csv'));
    expect(target.code).toBe(1);
    expect(target.stderr).toMatch(/Unknown target column "zzz"/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = await cli('--data', empty, '--out', join(dir, 'x.csv'));
    expect(e.code).not.toBe(0);
    expect(e.stderr.trim().length).toBeGreaterThan(0);
  }, 60_000);
});
