/**
 * The malformed-file corpus (test/hostile-corpus.ts) through inspect, detect, rank and train,
 * in-process (a child process per run would cost seconds of start-up each): every run must end
 * with the expected exit code and, on failure, one line that says what happened — never a hang,
 * a stack trace or an "Unexpected failure".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseFlags, type Flags } from '../../../src/cli/args';
import * as detect from '../../../src/cli/commands/detect';
import * as inspect from '../../../src/cli/commands/inspect';
import * as rank from '../../../src/cli/commands/rank';
import * as train from '../../../src/cli/commands/train';
import { describeFailure } from '../../../src/cli/failure';
import { setImportLimits } from '../../../src/cli/import-limits';
import { hostileCases, type Outcome } from '../../hostile-corpus';

const dir = mkdtempSync(join(tmpdir(), 'hostile-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  message: string;
  stdout: string;
}

/** Runs a command as main.ts would, returning its exit code, failure line and stdout. */
async function runCommand(
  command: { run(flags: Flags): Promise<void> },
  args: string[],
): Promise<Run> {
  const stdout: string[] = [];
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c) => (stdout.push(String(c)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const flags = parseFlags(args);
    setImportLimits(flags);
    await command.run(flags);
    return { code: 0, message: '', stdout: stdout.join('') };
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    return { code: exitCode, message, stdout: stdout.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function check(run: Run, expected: Outcome, what: string): void {
  expect(run.code, `${what}: ${run.message}`).toBe(expected.code);
  if (run.code !== 0) {
    expect(run.message, what).not.toMatch(/Unexpected failure|\n|\bat .*:\d+:\d+/);
    expect(run.message.length, what).toBeGreaterThan(10);
  }
  if (expected.message)
    expect(run.code === 0 ? run.stdout : run.message, what).toMatch(expected.message);
}

const cases = hostileCases();

describe('the hostile-file corpus', () => {
  it('has at least 40 cases with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.name}: inspect, detect, rank, train`, async () => {
      const data = join(dir, `${c.name}.csv`);
      writeFileSync(data, c.bytes);
      const extra = c.flags ?? [];
      const out = (ext: string) => join(dir, `${c.name}.${ext}`);
      check(await runCommand(inspect, ['--data', data, ...extra]), c.inspect, 'inspect');
      check(
        await runCommand(detect, ['--data', data, '--out', out('issues.csv'), ...extra]),
        c.detect,
        'detect',
      );
      check(
        await runCommand(rank, [
          '--train',
          data,
          '--target',
          'label',
          '--out',
          out('rank.csv'),
          ...extra,
        ]),
        c.rank,
        'rank',
      );
      check(
        await runCommand(train, [
          '--data',
          data,
          '--target',
          'label',
          '--out',
          out('zip'),
          '--model',
          'logistic',
          '--epochs',
          '2',
          '--backend',
          'cpu',
          ...extra,
        ]),
        c.train,
        'train',
      );
    }, 60_000);
  }
});
