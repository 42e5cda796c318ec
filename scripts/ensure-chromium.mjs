#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium, which Playwright launches (it cannot
 * download its own browser on this network; see DESIGN.md). A no-op when it is already there;
 * otherwise runs `apt-get update && apt-get install -y chromium` (through sudo when not root)
 * and exits non-zero with a clear message if that fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;

/** Runs one command, echoing it first; returns true when it exited 0. */
function run(args) {
  const command = isRoot ? args : ['sudo', '-n', ...args];
  console.log(`ensure-chromium: $ ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) console.error(`ensure-chromium: ${result.error.message}`);
  return result.status === 0;
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
if (!isRoot && !hasSudo) {
  console.error(
    'ensure-chromium: not root and sudo is not available, so chromium cannot be installed. ' +
      'Install it yourself with `apt-get install -y chromium` (as root) and rerun.',
  );
  process.exit(1);
}
const ok = run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', 'chromium']);
if (!ok || !existsSync(CHROMIUM)) {
  console.error(
    `ensure-chromium: installing chromium failed, and ${CHROMIUM} is still missing. ` +
      "The end-to-end tests and the import benchmark need it: install Debian's chromium package " +
      '(`apt-get install -y chromium`) and rerun.',
  );
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}.`);
