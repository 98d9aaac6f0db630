/**
 * Builds hub sites: every hub in the data root, or the one named, several at once (up to the number of cores), in
 * builders apart from this process: worker threads (each with its own heap) or child processes. A builder builds
 * one hub at a time and reports each hub's result, so one hub's failure cannot take down another; a builder that
 * dies fails only the hub it was building and is replaced for the rest. Meanwhile this process loads and validates
 * each hub's data (the builder starts Astro before it is here), keeps the hub's search index and writes its API files.
 *
 *   pnpm build [--hub <slug>] [--data <dir>] [--out <dir>] [--base <path>] [--jobs <n>] [--isolate process|worker]
 *
 * Hub <slug> is written to <out>/<slug>/ (default out: sites/hub/dist/hubs), built to be served at /<slug>/ unless
 * --base says otherwise (a hub on its own domain is built with --base /). A hub is built into a temporary folder
 * and swapped in only when it succeeds, so a failed or invalid hub never leaves half a site behind.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DataRootError, hubSlugs } from '@townhub/schema';
import { buildDay, errorText, formatProblem, loadSiteData } from '../src/config.ts';
import { indexWhileRendering, type PagesOut, stopBackgroundWork } from '../src/integration.ts';
import { startOrukFiles } from '../src/lib/oruk-files.ts';
import type { SiteData } from '../src/lib/site-data.ts';
import type { BuilderMessage, HubArgs, HubResult, ParentMessage } from './build-hub.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CHILD = join(HERE, 'build-hub.ts');
export const DEFAULT_DATA = resolve(HERE, '../../../hub-data');
export const DEFAULT_OUT = resolve(HERE, '../dist/hubs');

export type Isolation = 'process' | 'worker';

export interface BuildOptions {
  data?: string;
  out?: string;
  /** Build only these hubs (default: all in the data root). */
  hubs?: string[];
  /** Serve path; default `/<slug>/`. */
  base?: string;
  jobs?: number;
  isolate?: Isolation;
  /** Fixed "today" (YYYY-MM-DD), for reproducible what's-on pages in tests. */
  today?: string;
  /** Called with each hub's result as it finishes. */
  onHub?: (result: HubResult) => void;
}

export interface BuildSummary {
  results: HubResult[];
  failed: string[];
  pages: number;
  ms: number;
  out: string;
}

/** A worker thread or child process that builds the hubs it is given, one at a time (see build-hub.ts). */
interface Builder {
  /**
   * Starts building one hub, whose data follows with `provide` (null when it is invalid, which ends the build), and
   * tells `pages` of its pages as they render; a builder that stops meanwhile fails that hub, and fails every later
   * call at once.
   */
  run(args: HubArgs, pages: PagesOut): { result: Promise<HubResult>; provide(data: SiteData | null): void };
  readonly alive: boolean;
  /** Resolves once the builder has ended. */
  stop(): Promise<void>;
}

/**
 * A builder's heap limit. Under 2 GB, V8 lets the heap grow to about twice what is in use rather than four times:
 * a 10,000-asset hub (about 0.15 GB live) then peaks about 0.15 GB lower, for a little more garbage collection.
 */
const HEAP_MB = 2000;

function startBuilder(isolate: Isolation): Builder {
  // Node's compile cache keeps Astro's and Vite's compiled code on disk, so a builder starts faster after the first.
  const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache') };
  // A worker gets its own heap limit: a hub that runs out of memory ends its worker, not the build.
  const child =
    isolate === 'worker'
      ? new Worker(CHILD, { stdout: true, stderr: true, env, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } })
      : fork(CHILD, [], {
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
          env,
          execArgv: [...process.execArgv, `--max-old-space-size=${HEAP_MB}`],
          serialization: 'advanced', // the hub's data goes over as a structured clone, as it does to a worker
        });
  const send = (message: ParentMessage) => {
    if (child instanceof Worker) child.postMessage(message);
    else if (child.connected) child.send(message);
  };
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let stopped: string | undefined;
  let slug = '';
  let pending: ((result: HubResult) => void) | undefined;
  let pages: PagesOut | undefined;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const finish = (result: HubResult) => {
    const done = pending;
    pending = undefined;
    done?.(result.ok || !output.trim() ? result : { ...result, errors: [...result.errors, output.trim()] });
  };
  child.on('message', (message: BuilderMessage) => {
    if ('renders' in message) for (const { order, page } of message.renders) pages?.rendered(order, page);
    else if ('written' in message) pages?.written();
    else finish(message);
  });
  child.on('error', (error: Error) => (output += `\n${error.stack ?? error.message}`));
  child.on('exit', (code: number | null, signal?: NodeJS.Signals | null) => {
    stopped = isolate === 'worker' ? `the build worker stopped (exit code ${code})` : `the build process stopped (${signal ?? `exit code ${code}`})`;
    finish({ slug, ok: false, pages: 0, ms: 0, warnings: 0, errors: [stopped] });
  });
  return {
    run(args, to) {
      slug = args.hub;
      pages = to;
      if (stopped) return { result: Promise.resolve({ slug, ok: false, pages: 0, ms: 0, warnings: 0, errors: [stopped] }), provide: () => {} };
      output = '';
      const result = new Promise<HubResult>((done) => {
        pending = done;
        send(args);
      });
      return { result, provide: (hubData) => send({ hubData }) };
    },
    get alive() {
      return stopped === undefined;
    },
    stop() {
      // Asked to stop, a builder stops its own work first; a worker that does not stop soon is ended.
      if (stopped) return ended;
      if (child instanceof Worker) {
        child.postMessage('stop');
        setTimeout(() => void child.terminate(), 5000).unref();
      } else if (child.connected) child.disconnect();
      return ended;
    },
  };
}

/**
 * Worker threads measured faster than child processes for all seed hubs (see bench/site.bench.ts), but Astro keeps
 * intermediate files under the working folder when the output is elsewhere, and a worker cannot change folder; so
 * workers are used when the output is inside the working folder (the default), processes otherwise.
 */
export function defaultIsolation(out: string): Isolation {
  return resolve(out).startsWith(process.cwd() + sep) ? 'worker' : 'process';
}

/**
 * A hub of `END_BUILDER_FROM` assets or more is built by a child process unless `--isolate` says otherwise: memory a
 * worker's build leaves behind stays with this process while it writes the hub's Pagefind index, but an ended process
 * gives it all back (a 10,000-asset hub peaks at about 1.2 GB rather than 1.55 GB).
 */
function isolationFor(data: string, slug: string, out: string, chosen?: Isolation): Isolation {
  if (chosen) return chosen;
  const assets = join(data, 'hubs', slug, 'assets');
  return existsSync(assets) && readdirSync(assets).length >= END_BUILDER_FROM ? 'process' : defaultIsolation(out);
}

/** A hub's data, or why it cannot be built: the schema's `file:line` problems, or the error reading it. */
function loadHub(root: string, slug: string, today?: string): { siteData?: SiteData; errors: string[]; warnings: number } {
  try {
    const loaded = loadSiteData(root, slug, buildDay(today));
    if (!loaded.ok) return { errors: loaded.problems.map(formatProblem), warnings: 0 };
    return { siteData: loaded.data, errors: [], warnings: loaded.warnings.length };
  } catch (error) {
    return { errors: [errorText(error)], warnings: 0 };
  }
}

/** Hubs a builder builds before it is replaced by a fresh one. */
const HUBS_PER_BUILDER = 20;
/**
 * From this many pages a builder is ended (and a fresh one started for the next hub) before its hub's Pagefind index
 * is written, so that the index is not written while the builder still holds a large build's memory.
 */
const END_BUILDER_FROM = 2000;

/** Builds hubs and returns what happened; never throws for a hub's failure. */
export async function buildHubs(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const data = resolve(options.data ?? DEFAULT_DATA);
  const out = resolve(options.out ?? DEFAULT_OUT);
  const all = hubSlugs(data);
  if (!existsSync(data)) throw new DataRootError(`There is no data folder at ${data}.`);
  for (const hub of options.hubs ?? []) if (!all.includes(hub)) throw new DataRootError(`There is no hub called "${hub}" in ${data}.`);
  const queue = [...(options.hubs ?? all)];
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), queue.length));
  // Vite's bundler (Rolldown) allocates through mimalloc; with no purge delay, memory it frees goes back to the system
  // at once instead of staying with the builder while the pages render and Pagefind writes its index (about 0.1 GB less
  // at a 10,000-asset hub's peak). Set on the process, as worker builders share its allocator.
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
  await mkdir(out, { recursive: true });
  const results: HubResult[] = [];
  const retired: string[] = [];

  const builderLoop = async (): Promise<void> => {
    let builder: Builder | undefined;
    let built = 0;
    let kind: Isolation | undefined;
    for (let slug = queue.shift(); slug; slug = queue.shift()) {
      const hubStarted = performance.now();
      const tmp = join(out, `.building-${slug}-${process.pid}`);
      const target = join(out, slug);
      const args: HubArgs = { hub: slug, data, out: tmp, base: options.base ?? `/${slug}/` };
      if (options.today) args.today = options.today;
      await rm(tmp, { recursive: true, force: true }); // the API files are written into it while Astro builds
      // A builder that died (with the last hub, or idle) is replaced, and so is one that has built many hubs: each
      // build leaves a few megabytes of loaded modules behind.
      const isolate = isolationFor(data, slug, out, options.isolate);
      if (!builder?.alive || built === HUBS_PER_BUILDER || kind !== isolate) {
        builder?.stop();
        builder = startBuilder(isolate);
        kind = isolate;
        built = 0;
      }
      built++;
      // This process keeps the hub's Pagefind index: the builder's pages are indexed while the next ones render, and
      // the index is written once they are all written (a large hub's once its builder has ended).
      const search = indexWhileRendering(tmp);
      let indexed: Promise<number> | undefined;
      let release!: (ok: boolean) => void;
      const released = new Promise<void>((resolve, reject) => {
        release = (ok) => (ok ? resolve() : reject(new Error('the build failed')));
      });
      released.catch(() => {}); // the index waits on it
      let pages = 0;
      const job = builder.run(args, {
        rendered: (order, page) => {
          if (page) pages++;
          search.rendered(order, page);
        },
        written: () => {
          // A large hub's index waits until its builder has ended and given back its memory; a small one's is
          // written at once (a failed build's folder is removed only once the index is written).
          indexed = search.finish(pages >= END_BUILDER_FROM ? released : undefined);
          indexed.catch(() => {}); // awaited below
        },
      });
      // The data is loaded and validated here while the builder starts Astro, which waits for it only before the
      // pages render; then the API files are written here while the builder renders.
      let { siteData, errors, warnings } = loadHub(data, slug, options.today);
      job.provide(siteData ?? null);
      const api = siteData ? startOrukFiles(tmp, siteData) : undefined;
      siteData = undefined; // the builder and the API files' writer have their own copies; this one need not stay
      let result = await job.result;
      if (errors.length) result = { slug, ok: false, pages: 0, ms: 0, errors, warnings: 0 };
      else if (result.ok) {
        result = { ...result, warnings };
        await api?.done.catch((error: unknown) => {
          result = { ...result, ok: false, errors: [errorText(error)] };
        });
      }
      if (result.ok) {
        indexed ??= search.finish(released);
        if (!queue.length || built === HUBS_PER_BUILDER || pages >= END_BUILDER_FROM) {
          await builder.stop();
          builder = undefined;
        }
        release(true);
        try {
          result = { ...result, pages: await indexed };
        } catch (error) {
          result = { ...result, ok: false, pages: 0, errors: [errorText(error)] };
        }
      } else {
        release(false);
        await Promise.all([(indexed ?? search.cancel()).catch(() => {}), api?.stop()]);
      }
      result = { ...result, ms: Math.round(performance.now() - hubStarted) };
      if (result.ok) {
        // Swap in the new site; the old one is moved aside and deleted after all builds (deleting is slow to recover from).
        if (existsSync(target)) {
          const old = join(out, `.old-${slug}-${process.pid}-${Date.now()}`);
          await rename(target, old);
          retired.push(old);
        }
        await rename(tmp, target);
      } else {
        await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
      }
      results.push(result);
      options.onHub?.(result);
    }
    await builder?.stop();
  };
  try {
    await Promise.all(Array.from({ length: jobs }, builderLoop));
  } finally {
    await stopBackgroundWork();
  }
  await Promise.all(retired.map((dir) => rm(dir, { recursive: true, force: true })));
  return {
    results,
    failed: results.filter((r) => !r.ok).map((r) => r.slug),
    pages: results.reduce((n, r) => n + r.pages, 0),
    ms: Math.round(performance.now() - started),
    out,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One progress line per hub; a failed hub's problems follow it, indented. */
export function progressLine(r: HubResult): string {
  if (r.ok)
    return `✓ ${r.slug.padEnd(28)} ${String(r.pages).padStart(6)} pages  ${seconds(r.ms).padStart(7)}${r.warnings ? `  (${r.warnings} data warnings)` : ''}`;
  return [`✗ ${r.slug.padEnd(28)} failed`, ...r.errors.flatMap((e) => e.split('\n')).map((line) => `    ${line}`)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hub: { type: 'string', multiple: true },
      data: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' },
      jobs: { type: 'string' },
      isolate: { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (values.isolate && values.isolate !== 'process' && values.isolate !== 'worker') throw new Error('--isolate is "process" or "worker".');
  const options: BuildOptions = { onHub: (r) => console.log(progressLine(r)) };
  if (values.data) options.data = values.data;
  if (values.out) options.out = values.out;
  if (values.hub) options.hubs = values.hub;
  if (values.base) options.base = values.base.startsWith('/') ? values.base : `/${values.base}`;
  if (values.jobs) options.jobs = Number(values.jobs);
  if (values.isolate) options.isolate = values.isolate as Isolation;
  if (values.today) options.today = values.today;
  try {
    const summary = await buildHubs(options);
    const built = summary.results.length - summary.failed.length;
    console.log(`\nBuilt ${built} of ${summary.results.length} hubs: ${summary.pages} pages in ${seconds(summary.ms)} → ${summary.out}`);
    if (summary.failed.length) {
      console.error(`Failed: ${summary.failed.join(', ')}`);
      process.exitCode = 1;
    }
  } catch (error) {
    if (error instanceof DataRootError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
