#!/usr/bin/env node
/** townhub: the command volunteers and CI run over hub data. */
import { DataRootError } from '@townhub/schema';
import { type Command, type Io, UsageError } from './cli.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'check hub data and report problems with file:line', load: async () => (await import('./commands/check.ts')).check },
  stale: { summary: 'list assets past their review date, oldest first', load: async () => (await import('./commands/stale.ts')).stale },
  feed: { summary: "print a hub's widget feed JSON", load: async () => (await import('./commands/feed.ts')).feed },
  'new-asset': { summary: 'write a new asset file from the template', load: async () => (await import('./commands/new-asset.ts')).newAsset },
  generate: { summary: 'write a deterministic synthetic hub for tests and benchmarks', load: async () => (await import('./commands/generate.ts')).generate },
  import: { summary: 'import Open Referral UK data into a hub', load: async () => (await import('./commands/import.ts')).importCommand },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: townhub <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "townhub <command> --help" for its options.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataRootError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) {
  const io: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    // pnpm runs scripts from the workspace root; INIT_CWD is where the person typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
