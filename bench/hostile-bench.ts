/**
 * `npm run bench:hostile`: a 2 GB file of one line (no line end) must be refused within a few
 * seconds at bounded memory. The file is generated lazily (never written to disk): once into the
 * streaming import in this process, and once through the real CLI (`inspect`), fed through a
 * named pipe. Figures: time to the refusal, bytes read before it (against the 2 GB offered), and
 * peak memory (this process's RSS and heap growth; the CLI's VmHWM from /proc), next to the
 * record limit that bounds them. The last line printed is one JSON object.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CleanroomError } from '../src/core/errors';
import { importCsv } from '../src/core/table/import-csv';
import { DEFAULT_RECORD_LIMITS } from '../src/core/table/record-limits';

const TOTAL = 2 * 1024 ** 3;
const PIECE = 1 << 20;
const MB = 1024 ** 2;
const piece = new Uint8Array(PIECE).fill(0x78); // 'x'

/** 2 GB of 'x' in 1 MiB pieces, made on demand; counts what was taken. */
function oneLine(taken: { bytes: number }): AsyncGenerator<Uint8Array> {
  return (async function* () {
    for (let at = 0; at < TOTAL; at += PIECE) {
      taken.bytes += PIECE;
      yield piece;
    }
  })();
}

async function inProcess() {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const taken = { bytes: 0 };
  const started = performance.now();
  let message = '';
  try {
    await importCsv(
      oneLine(taken),
      { datasetId: 'bench', totalBytes: TOTAL },
      {
        writeChunk: async () => undefined,
      },
    );
  } catch (error) {
    if (!(error instanceof CleanroomError)) throw error;
    message = error.message;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return {
    ms: Math.round(ms),
    bytesRead: taken.bytes,
    shareRead: taken.bytes / TOTAL,
    peakRssMB: Math.round(peakRss / MB),
    rssGrowthMB: Math.round((peakRss - rss0) / MB),
    heapGrowthMB: Math.round((peakHeap - heap0) / MB),
    message,
  };
}

/** The CLI's `inspect` reading a named pipe that a writer fills with the 2 GB line. */
async function viaCli() {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-bench-'));
  const fifo = join(dir, 'one-line.csv');
  execFileSync('mkfifo', [fifo]);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'inspect', '--data', fifo],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // The child has exited.
    }
  }, 5);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const written = { bytes: 0 };
  const writer = createWriteStream(fifo);
  writer.on('error', () => undefined); // EPIPE once the CLI stops reading: expected.
  let wake: (() => void) | null = null;
  writer.on('close', () => wake?.());
  const feeding = (async () => {
    for (let at = 0; at < TOTAL && !writer.destroyed; at += PIECE) {
      if (!writer.write(piece))
        await new Promise<void>((r) => {
          wake = r;
          writer.once('drain', r);
        });
      written.bytes += PIECE;
    }
    writer.end();
  })();
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
  const ms = performance.now() - started;
  clearInterval(poll);
  writer.destroy();
  await feeding;
  rmSync(dir, { recursive: true, force: true });
  const lines = stderr.trim().split('\n');
  return {
    ms: Math.round(ms),
    exitCode: code,
    bytesWritten: written.bytes,
    shareWritten: written.bytes / TOTAL,
    peakRssMB: Math.round(peakKb / 1024),
    lastLine: lines[lines.length - 1],
  };
}

/** The other case: a 500 KB line read as 173,013 columns (inspect took 83 s before). */
async function wideLine() {
  const line = new TextEncoder().encode(
    `${Array.from({ length: 173_013 }, () => '1').join(',')}\n`,
  );
  const started = performance.now();
  let message = '';
  try {
    await importCsv(
      (async function* () {
        yield line;
      })(),
      { datasetId: 'wide', totalBytes: line.length },
      {
        writeChunk: async () => undefined,
      },
    );
  } catch (error) {
    if (!(error instanceof CleanroomError)) throw error;
    message = error.message;
  }
  return { bytes: line.length, ms: Math.round(performance.now() - started), message };
}

const limitMB = (DEFAULT_RECORD_LIMITS.maxRecordChars * 2) / MB;
console.log(
  `record limit: ${DEFAULT_RECORD_LIMITS.maxRecordChars.toLocaleString('en-US')} characters (${limitMB} MB as UTF-16 text)`,
);
const inside = await inProcess();
console.log(
  `in-process import of a 2 GB one-line stream: refused after ${inside.ms} ms, having read ${(inside.bytesRead / MB).toFixed(0)} MB (${(inside.shareRead * 100).toFixed(2)} % of the file); peak RSS ${inside.peakRssMB} MB (+${inside.rssGrowthMB} MB), heap +${inside.heapGrowthMB} MB`,
);
console.log(`  message: ${inside.message}`);
const wide = await wideLine();
console.log(
  `a ${(wide.bytes / 1024).toFixed(0)} KB line of 173,013 fields: refused after ${wide.ms} ms`,
);
console.log(`  message: ${wide.message}`);
const cli = await viaCli();
console.log(
  `CLI inspect on a 2 GB one-line pipe: exit ${cli.exitCode} after ${cli.ms} ms (start-up included), ${(cli.bytesWritten / MB).toFixed(0)} MB written into the pipe (${(cli.shareWritten * 100).toFixed(2)} %); CLI peak RSS ${cli.peakRssMB} MB`,
);
console.log(`  stderr: ${cli.lastLine}`);
console.log(
  JSON.stringify({
    bench: 'hostile',
    recordLimitChars: DEFAULT_RECORD_LIMITS.maxRecordChars,
    inProcess: inside,
    cli,
  }),
);
