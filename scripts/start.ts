/**
 * `npm start`: builds the app only when a build input changed since the last build (see
 * build-stamp.ts), then serves dist/ with `vite preview` on port 5173.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inputsHash, isUpToDate, writeStamp } from './build-stamp';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist`;
const vite = `${root}node_modules/.bin/vite`;

/** Runs vite with `args`, passing its output through; exits with its status when it fails. */
function runVite(args: string[]): void {
  const result = spawnSync(vite, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const hash = inputsHash(root);
if (isUpToDate(outDir, hash)) {
  console.log('start: dist/ is up to date with the sources; not rebuilding.');
} else {
  console.log('start: building the app (about a minute the first time)…');
  // Warnings and errors only: the per-file size listing is noise for someone who wants the app.
  runVite(['build', '--logLevel', 'warn']);
  writeStamp(outDir, hash);
  console.log('start: built.');
}
runVite(['preview', '--port', '5173', '--strictPort']);
