/**
 * Builders: the worker threads or child processes that build hubs apart from the main process (see build-hub.ts), and
 * which kind a hub gets. This module loads nothing but Node's own, so the build command can start its first builder
 * before it loads the schema and the rest of the build.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PagesOut } from '../src/integration.ts';
import type { SiteData } from '../src/lib/site-data.ts';
import type { BuilderMessage, HubArgs, HubResult, ParentMessage } from './build-hub.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CHILD = join(HERE, 'build-hub.ts');
export const DEFAULT_DATA = resolve(HERE, '../../../hub-data');
export const DEFAULT_OUT = resolve(HERE, '../dist/hubs');

export type Isolation = 'process' | 'worker';

/**
 * Node's compile cache keeps compiled modules (TypeScript stripped of its types included) on disk, so a builder or the
 * build command loads them faster after the first build.
 */
export const COMPILE_CACHE = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache');

/** A worker thread or child process that builds the hubs it is given, one at a time (see build-hub.ts). */
export interface Builder {
  /**
   * Starts building one hub, whose data follows with `provide` (null when it is invalid, which ends the build), and
   * tells `pages` of its pages as they render; a builder that stops meanwhile fails that hub, and fails every later
   * call at once.
   */
  run(args: HubArgs, pages: PagesOut): { result: Promise<HubResult>; provide(data: SiteData | null): void };
  readonly alive: boolean;
  readonly isolate: Isolation;
  /** Resolves once the builder has ended. */
  stop(): Promise<void>;
}

/**
 * A builder's heap limit. Under 2 GB, V8 lets the heap grow to about twice what is in use rather than four times:
 * a 10,000-asset hub (about 0.15 GB live) then peaks about 0.15 GB lower, for a little more garbage collection.
 */
const HEAP_MB = 2000;

export function startBuilder(isolate: Isolation): Builder {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE };
  // Vite's bundler (Rolldown) allocates through mimalloc. In a process builder (large hubs) it purges freed memory at
  // once, which gives it back to the system before the pages render (about 0.1 GB less at a 10,000-asset hub's peak).
  // Worker builders keep mimalloc's short delay: purging at once cost a 1,000-asset hub 0.5 s, mostly system time.
  if (isolate === 'process') env.MIMALLOC_PURGE_DELAY ??= '0';
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
    if ('searchableUntil' in message) pages?.searchableUntil(message.searchableUntil);
    else if ('renders' in message) for (const { order, page } of message.renders) pages?.rendered(order, page);
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
    isolate,
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
function defaultIsolation(out: string): Isolation {
  return resolve(out).startsWith(process.cwd() + sep) ? 'worker' : 'process';
}

/**
 * From this many pages a builder is ended (and a fresh one started for the next hub) before its hub's Pagefind index
 * is written, so that the index is not written while the builder still holds a large build's memory.
 */
export const END_BUILDER_FROM = 2000;

/**
 * A hub of `END_BUILDER_FROM` assets or more is built by a child process unless `--isolate` says otherwise: memory a
 * worker's build leaves behind stays with this process while it writes the hub's Pagefind index, but an ended process
 * gives it all back (a 10,000-asset hub peaks at about 1.2 GB rather than 1.55 GB).
 */
export function isolationFor(data: string, slug: string, out: string, chosen?: Isolation): Isolation {
  if (chosen) return chosen;
  const assets = join(data, 'hubs', slug, 'assets');
  return existsSync(assets) && readdirSync(assets).length >= END_BUILDER_FROM ? 'process' : defaultIsolation(out);
}
