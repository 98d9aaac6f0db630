/** Shared plumbing for townhub commands: arguments, output and the data root. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Where commands write; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
}

/** A command: takes its own arguments (after the command name) and returns the exit code. */
export type Command = (argv: string[], io: Io) => Promise<number> | number;

/** A mistake in how the command was called: printed as one sentence, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The repository's own hub-data folder. */
export const DEFAULT_DATA_ROOT = fileURLToPath(new URL('../../../hub-data/', import.meta.url));

/** Parses options strictly, turning node's errors into one plain sentence. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    // Node's messages span several lines; keep the first sentence, in our own words where we can.
    const first = ((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '');
    const message = first
      .replace(/^Unknown option '(.*)'$/, 'Unknown option $1')
      .replace(/^Option '(.*?)' argument is ambiguous\.?$/, 'Option $1 needs a value (write $1=<value> if it starts with a dash)')
      .replace(/^Option '(.*?)(?: <value>)?' argument missing$/, 'Option $1 needs a value');
    throw new UsageError(message.endsWith('.') ? message : `${message}.`);
  }
}

/** Resolves --data (default: the repository's hub-data) and checks it exists. */
export function dataRoot(value: string | undefined, io: Io): string {
  const root = value ? resolve(io.cwd, value) : DEFAULT_DATA_ROOT;
  if (!existsSync(root)) throw new UsageError(`There is no data folder at ${root}; pass --data <dir> with a folder that holds taxonomy.yaml and hubs/.`);
  return root;
}

/** Parses a positive whole number option. */
export function positiveInt(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required.`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, not "${value}".`);
  return n;
}

/** Renders rows as an aligned plain-text table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
