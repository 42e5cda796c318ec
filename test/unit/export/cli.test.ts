import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFlags, type Flags } from '../../../src/cli/args';
import * as predict from '../../../src/cli/commands/predict';
import * as train from '../../../src/cli/commands/train';

const dir = mkdtempSync(join(tmpdir(), 'cleanroom-train-'));
const rows = ['id,a,city,label'];
for (let i = 0; i < 240; i++) {
  const a = ((i * 53) % 100) / 10;
  const city = ['x', 'y'][i % 2];
  const label = i % 40 === 7 ? '' : a + (city === 'x' ? 1 : 0) > 5 ? 'hi' : 'lo';
  rows.push(`r${i},${a},${city},${label}`);
}
writeFileSync(join(dir, 'train.csv'), `${rows.join('\n')}\n`);
writeFileSync(join(dir, 'new.csv'), 'id,city,extra\nq1,x,1\nq2,z,2\n');

/** Runs a command with `args`, returning what it printed to stdout. */
async function cli(command: { run(flags: Flags): Promise<void> }, args: string[]): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => (chunks.push(String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await command.run(parseFlags(args));
  return chunks.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('CLI train and predict', () => {
  const model = join(dir, 'model.zip');

  it('trains, prints validation metrics, reports rows without a target and writes a bundle', async () => {
    const out = await cli(train, [
      '--data',
      join(dir, 'train.csv'),
      '--target',
      'label',
      '--out',
      model,
      '--model',
      'logistic',
      '--epochs',
      '5',
      '--backend',
      'cpu',
      '--gates',
      'accuracy >= 0',
    ]);
    expect(out).toMatch(/6 left out \(missing target\)/);
    expect(out).toMatch(/validation metrics:\n {2}accuracy: 0\.\d{3} \(95% CI/);
    expect(out).toMatch(/gates: PASS/);
    expect(readFileSync(model).length).toBeGreaterThan(100);
  });

  it('predicts with missing and extra columns and an unseen category, reporting each', async () => {
    const predictions = join(dir, 'predictions.csv');
    const out = await cli(predict, [
      '--model',
      model,
      '--data',
      join(dir, 'new.csv'),
      '--out',
      predictions,
      '--drift',
      '--backend',
      'cpu',
    ]);
    expect(out).toMatch(/missing column "a"/);
    expect(out).toMatch(/extra column "extra"/);
    expect(out).toMatch(/column "city": 1 rows with categories unseen in training \(e\.g\. "z"\)/);
    expect(out).toMatch(/drift vs training data:/);
    const lines = readFileSync(predictions, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,id,predicted_label,p_hi,p_lo');
    expect(lines).toHaveLength(3);
    // Rows are numbered from 0, as in the table and every other output.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,q1', '1,q2']);
  });

  it('fails with one line on bad input', async () => {
    await expect(
      cli(train, [
        '--data',
        join(dir, 'train.csv'),
        '--target',
        'nope',
        '--out',
        model,
        '--backend',
        'cpu',
      ]),
    ).rejects.toThrow('Target column "nope" is not in the data.');
    await expect(
      cli(train, [
        '--data',
        join(dir, 'train.csv'),
        '--target',
        'label',
        '--out',
        model,
        '--epochs',
        '0',
      ]),
    ).rejects.toThrow(/--epochs must be a whole number/);
    await expect(
      cli(predict, [
        '--model',
        join(dir, 'train.csv'),
        '--data',
        join(dir, 'new.csv'),
        '--out',
        join(dir, 'p.csv'),
      ]),
    ).rejects.toThrow(/not a model bundle/);
  });
});
