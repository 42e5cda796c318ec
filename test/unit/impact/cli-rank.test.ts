import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'rank-cli-'));

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'rank', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const csv = (name: string, rows: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, ['x,colour,label', ...rows].join('\n') + '\n');
  return path;
};
const blob = (i: number, flip = false) =>
  `${(i % 2 ? 10 : 0) + (i % 5) / 5},${i % 3 ? 'red' : 'blue'},${(i % 2 === 1) !== flip ? 'hi' : 'lo'}`;

describe('rank command', () => {
  it('writes row,score,reason,action,column,value for every row, most suspicious first', async () => {
    const train = csv(
      'train.csv',
      Array.from({ length: 40 }, (_, i) => blob(i, i === 7)),
    );
    const val = csv(
      'val.csv',
      Array.from({ length: 20 }, (_, i) => blob(i + 1)),
    );
    const out = join(dir, 'ranking.txt');
    const { code, stderr } = await cli(
      '--train',
      train,
      '--val',
      val,
      '--target',
      'label',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote 40 ranked rows/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(40);
    expect(lines[0]).toMatch(
      /^7,[0-9.]+,"review the label ""lo"": [^"]*(""[^"]*)*",review,label,$/,
    );
    for (const line of lines) expect(line).toMatch(/,(relabel|set|exclude|review),[^,]*,[^,]*$/);
  });

  it('holds out training rows without --val and says so on stderr', async () => {
    const train = csv(
      'train2.csv',
      Array.from({ length: 40 }, (_, i) => blob(i)),
    );
    const out = join(dir, 'ranking2.txt');
    const { code, stderr } = await cli('--train', train, '--target', 'label', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/No validation split given/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(40);
  });

  it('fails with one line on one-class data and on an unknown target', async () => {
    const one = csv('one.csv', ['1,red,a', '2,blue,a', '3,red,a']);
    const single = await cli('--train', one, '--target', 'label', '--out', join(dir, 'x.txt'));
    expect(single.code).not.toBe(0);
    expect(single.stderr.trim().split('\n').pop()).toMatch(/single class/);
    const unknown = await cli('--train', one, '--target', 'nope', '--out', join(dir, 'x.txt'));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n').pop()).toMatch(/Unknown target column "nope"/);
  });
});
