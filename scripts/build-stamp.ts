/**
 * Whether dist/ is a build of the current sources: a SHA-256 over every build input (path and
 * bytes) is written to dist/.build-stamp after a build and compared before the next one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files and folders whose content decides what `vite build` writes (node_modules via the lock). */
export const BUILD_INPUTS = [
  'index.html',
  'bench.html',
  'bench-detect.html',
  'vite.config.ts',
  'svelte.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.app.json',
  'tsconfig.worker.json',
  'scripts/sw-template.js',
  'scripts/vite-plugin-precache.ts',
  'src',
  'workers',
  'public',
  'bench',
];

/** The stamp's file name inside the output folder. */
export const STAMP_FILE = '.build-stamp';

/** Hex SHA-256 over the inputs under `root` that exist, in a fixed order. */
export function inputsHash(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const input of inputs) collect(join(root, input), files);
  for (const file of files.sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when `outDir` holds an index.html and a stamp equal to `hash`. */
export function isUpToDate(outDir: string, hash: string): boolean {
  const stamp = join(outDir, STAMP_FILE);
  if (!existsSync(join(outDir, 'index.html')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === hash;
}

/** Records that `outDir` was built from inputs hashing to `hash`. */
export function writeStamp(outDir: string, hash: string): void {
  writeFileSync(join(outDir, STAMP_FILE), `${hash}\n`);
}

function collect(path: string, files: string[]): void {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    files.push(path);
    return;
  }
  for (const entry of readdirSync(path)) collect(join(path, entry), files);
}
