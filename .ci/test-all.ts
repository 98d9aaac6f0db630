/**
 * Runs every suite and check in turn, streams their output, and ends with one line summed over all of them:
 * `N passed, N failed`. Exits non-zero when anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
  /** Only run when this package.json script exists ("<dir>:<script>"). */
  needs?: string;
}

const STEPS: Step[] = [
  { name: 'lint', command: ['pnpm', 'run', 'lint'] },
  { name: 'hub data', command: ['pnpm', 'run', 'check'] },
  { name: 'schema', command: ['pnpm', '--filter', '@townhub/schema', 'test'] },
  { name: 'cli', command: ['pnpm', '--filter', '@townhub/cli', 'test'] },
  { name: 'widgets build', command: ['pnpm', '--filter', '@townhub/widgets', 'build'], needs: 'packages/widgets:build' },
  { name: 'widgets', command: ['pnpm', '--filter', '@townhub/widgets', 'test'], needs: 'packages/widgets:test' },
  { name: 'widget size budgets', command: ['pnpm', '--filter', '@townhub/widgets', 'size'], needs: 'packages/widgets:size' },
  { name: 'storybook build', command: ['pnpm', 'run', 'build-storybook'], needs: '.:build-storybook' },
  { name: 'share service', command: ['pnpm', '--filter', '@townhub/share-service', 'test'], needs: 'packages/share-service:test' },
  { name: 'hub sites', command: ['pnpm', '--filter', '@townhub/site', 'test'], needs: 'sites/hub:test' },
  { name: 'end to end', command: ['pnpm', 'run', 'test:e2e'], needs: '.:test:e2e' },
];

function hasScript(spec: string): boolean {
  const [dir, script] = spec.split(':') as [string, string];
  const file = `${dir}/package.json`;
  return existsSync(file) && script in (JSON.parse(readFileSync(file, 'utf8')).scripts ?? {});
}

/** Reads a runner's own counts from its output: node:test, web-test-runner, or our own line. */
export function counts(output: string): { passed: number; failed: number } | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip terminal colour codes
  const plain = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  const pass = [...plain.matchAll(/^ℹ pass (\d+)$/gm)];
  const fail = [...plain.matchAll(/^ℹ fail (\d+)$/gm)];
  if (pass.length) {
    return { passed: pass.reduce((n, m) => n + Number(m[1]), 0), failed: fail.reduce((n, m) => n + Number(m[1]), 0) };
  }
  const wtr = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  return undefined;
}

function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(step.command[0] as string, step.command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const onData = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

if (import.meta.main) {
  const rows: [string, number, number, string][] = [];
  for (const step of STEPS) {
    if (step.needs && !hasScript(step.needs)) continue;
    const started = Date.now();
    process.stdout.write(`\n=== ${step.name}: ${step.command.join(' ')}\n`);
    const { code, output } = await run(step);
    const found = counts(output) ?? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
    // A runner that exits non-zero must count as a failure even if its own counts say otherwise.
    if (code !== 0 && found.failed === 0) found.failed = 1;
    rows.push([step.name, found.passed, found.failed, `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write('\nSuite summary\n');
  for (const [name, passed, failed, time] of rows)
    process.stdout.write(`  ${name.padEnd(width)}  ${String(passed).padStart(5)} passed  ${String(failed).padStart(3)} failed  ${time}\n`);
  const passed = rows.reduce((n, r) => n + r[1], 0);
  const failed = rows.reduce((n, r) => n + r[2], 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}
