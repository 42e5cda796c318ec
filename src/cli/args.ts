/** Parsed command-line flags: `--name value` pairs and bare `--flag` switches. */
export interface Flags {
  get(name: string): string | undefined;
  require(name: string): string;
  has(name: string): boolean;
}

/** A failure whose message is printed as one line, with a non-zero exit code. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads `--name value` and `--switch` from argv (values never start with `--`). */
export function parseFlags(argv: string[]): Flags {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) values.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.set(name, argv[++i]);
    else switches.add(name);
  }
  return {
    get: (name) => values.get(name),
    has: (name) => values.has(name) || switches.has(name),
    require(name) {
      const value = values.get(name);
      if (value === undefined) throw new UsageError(`Missing --${name}.`);
      return value;
    },
  };
}
