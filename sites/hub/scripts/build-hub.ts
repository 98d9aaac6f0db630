/**
 * Builds ONE hub: load and validate its data through @townhub/schema, then Astro and Pagefind into a fresh folder.
 * Run by scripts/build.ts in its own child process (or worker) so one hub's memory or crash cannot touch another.
 * Reports a `HubResult` to the parent; exits 2 on invalid data (having written nothing), 1 on any other failure.
 *
 *   node scripts/build-hub.ts --hub <slug> --data <dir> --out <dir> --base <path> [--today YYYY-MM-DD]
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { build } from 'astro';
import { formatProblem, hubAstroConfig, loadSiteData, SITE_ROOT } from '../src/config.ts';

export interface HubResult {
  slug: string;
  ok: boolean;
  /** HTML pages written. */
  pages: number;
  ms: number;
  /** `file:line:column  field  message  hint` lines when the data is invalid, or the error otherwise. */
  errors: string[];
  /** Warnings from the data (e.g. entries not reviewed for a year). */
  warnings: number;
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

export async function buildHub(args: { hub: string; data: string; out: string; base: string; today?: string }): Promise<HubResult> {
  const started = performance.now();
  const done = (r: Omit<HubResult, 'slug' | 'ms'>): HubResult => ({ slug: args.hub, ms: Math.round(performance.now() - started), ...r });
  const loaded = loadSiteData(resolve(args.data), args.hub, args.today ? new Date(`${args.today}T12:00:00Z`) : new Date());
  if (!loaded.ok) return done({ ok: false, pages: 0, errors: loaded.problems.map(formatProblem), warnings: 0 });
  const outDir = resolve(args.out);
  // Astro puts its intermediate server build under the working directory when outDir is outside it, which parallel
  // builds would share; working inside this hub's own folder keeps every build's files apart.
  if (!outDir.startsWith(process.cwd() + sep)) {
    if (!isMainThread) throw new Error(`Worker builds need --out inside the working directory (${process.cwd()}).`);
    await mkdir(outDir, { recursive: true });
    process.chdir(outDir);
  }
  const config = hubAstroConfig({ data: loaded.data, outDir, base: args.base, cacheDir: join(SITE_ROOT, 'node_modules/.astro/hubs', args.hub) });
  await build(config);
  return done({ ok: true, pages: await countPages(outDir), errors: [], warnings: loaded.warnings.length });
}

// Entry point: as a worker thread (workerData) or a child process (argv + IPC).
const isWorker = parentPort !== null;
const isMain = isWorker || import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = isWorker
    ? (workerData as Parameters<typeof buildHub>[0])
    : (parseArgs({
        options: { hub: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, today: { type: 'string' } },
      }).values as Parameters<typeof buildHub>[0]);
  const report = (result: HubResult) => (isWorker ? parentPort?.postMessage(result) : process.send?.(result));
  let result: HubResult;
  try {
    result = await buildHub(args);
  } catch (error) {
    result = { slug: args.hub, ok: false, pages: 0, ms: 0, errors: [error instanceof Error ? (error.stack ?? error.message) : String(error)], warnings: 0 };
  }
  report(result);
  if (!isWorker) {
    if (!process.send) console.log(JSON.stringify(result));
    process.exitCode = result.ok ? 0 : result.pages === 0 && result.errors.some((e) => /:\d+:\d+ {2}/.test(e)) ? 2 : 1;
    // Pagefind and Vite may leave handles open; the result is reported, so leave promptly.
    setTimeout(() => process.exit(), 50).unref();
  }
}
