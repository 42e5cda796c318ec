import { createWriteStream } from 'node:fs';
import { ALL_DETECTORS, runDetectors } from '../../core/detect/registry';
import { CleanroomError } from '../../core/errors';
import { columnIndex } from '../../core/table/frame';
import { UsageError, type Flags } from '../args';
import { FINDINGS_HEADER, findingLine } from '../findings-csv';
import { loadCsv } from '../load-csv';
import { endProgress, readRows } from '../progress-line';
import { useFastBackend } from '../tf-backend';

/** One line of help. */
export const usage =
  'detect --data D.csv [--target T] [--seed 1] --out issues.csv   suspicious cells, rows and columns with suggested fixes';

/** Runs every detector over a CSV and writes one line per finding. */
export async function run(flags: Flags): Promise<void> {
  const path = flags.require('data');
  const outPath = flags.require('out');
  const seed = Number(flags.get('seed') ?? 1);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got "${flags.get('seed')}".`);
  const { frame } = await loadCsv(path, readRows);
  endProgress();
  if (frame.rows === 0)
    throw new CleanroomError('header-only', `${path} has a header but no data rows.`);
  const targetName = flags.get('target');
  let target: number | null = null;
  if (targetName !== undefined) {
    target = columnIndex(frame, targetName);
    if (target < 0)
      throw new UsageError(
        `Unknown target column "${targetName}"; columns are: ${frame.columns.map((c) => c.meta.name).join(', ')}.`,
      );
  }
  process.stderr.write(`tf backend: ${await useFastBackend()}\n`);
  const report = await runDetectors(frame, { target, seed }, ALL_DETECTORS, (name, i, n) =>
    process.stderr.write(`detector ${i + 1}/${n}: ${name}\n`),
  );
  const out = createWriteStream(outPath);
  out.write(`${FINDINGS_HEADER}\n`);
  for (const f of report.findings)
    if (!out.write(`${findingLine(frame, f)}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  const byDetector = new Map<string, number>();
  for (const f of report.findings)
    byDetector.set(f.detector, (byDetector.get(f.detector) ?? 0) + 1);
  for (const [name, n] of byDetector) process.stderr.write(`  ${name}: ${n}\n`);
  for (const [name, note] of Object.entries(report.notes))
    process.stderr.write(`  ${name}: ${note}\n`);
  process.stderr.write(`wrote ${report.findings.length} findings to ${outPath}\n`);
}
