/**
 * `npm run cli -- <command> [--flags]`: the same core as the app, from the command line.
 * Each command lives in src/cli/commands/<command>.ts and exports `run(flags)` and `usage`.
 * Progress goes to stderr; failures print one line (on a line of its own) and exit non-zero.
 * Every command takes `--max-record-chars N` and `--max-columns N`, the import's limits.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFlags, UsageError, type Flags } from './args';
import { describeFailure } from './failure';
import { setImportLimits } from './import-limits';
import { endProgress } from './progress';

interface Command {
  usage: string;
  run(flags: Flags): Promise<void>;
}

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));
const available = readdirSync(commandsDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || !available.includes(name)) {
    const lines = await Promise.all(
      available.map(async (c) => `  ${((await import(`./commands/${c}.ts`)) as Command).usage}`),
    );
    const head = name && name !== '--help' ? `Unknown command "${name}".\n` : '';
    throw new UsageError(
      `${head}Usage: npm run --silent cli -- <command> [flags]\n${lines.join('\n')}`,
    );
  }
  const command = (await import(`./commands/${name}.ts`)) as Command;
  const flags = parseFlags(rest);
  setImportLimits(flags);
  await command.run(flags);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  endProgress();
  const { message, exitCode } = describeFailure(error);
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
});
