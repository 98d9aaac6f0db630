/**
 * Builds one hub: load and validate its data through @townhub/schema, then Astro and Pagefind into a fresh folder.
 * Run by scripts/build.ts in builders (worker threads or child processes) apart from the main process, so a hub that
 * runs out of memory or crashes cannot take down the others; build.ts then loads the data, indexes the pages and
 * writes the API files itself. Run directly, it prints a `HubResult` and exits 2 on invalid data (having written
 * nothing), 1 on any other failure.
 *
 *   node scripts/build-hub.ts --hub <slug> --data <dir> --out <dir> --base <path> [--today YYYY-MM-DD]
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort } from 'node:worker_threads';
import { build } from 'astro';
import { buildDay, errorText, formatProblem, hubAstroConfig, loadSiteData, SITE_ROOT } from '../src/config.ts';
import { type PagesOut, type RenderedPage, stopBackgroundWork } from '../src/integration.ts';
import type { SiteData } from '../src/lib/site-data.ts';

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

const START_DIR = process.cwd();
// Astro's telemetry would run git and post an event for every hub built; builds make no requests of their own.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

export interface HubArgs {
  hub: string;
  data: string;
  out: string;
  base: string;
  today?: string;
}

/**
 * What build.ts takes on for a hub its builder builds: it loads and validates the hub's data while the builder starts
 * Astro (`data`), indexes the pages (`pagesTo`, see `HubSiteOptions.pagesTo`) and writes the API files.
 */
export interface ParentShare {
  data: Promise<SiteData>;
  pagesTo: PagesOut;
}

/**
 * Builds one hub. With `parent`, the data comes from build.ts, and the result's page count and data warnings are left
 * to it (0 here).
 */
export async function buildHub(args: HubArgs, parent?: ParentShare): Promise<HubResult> {
  const started = performance.now();
  const done = (r: Omit<HubResult, 'slug' | 'ms'>): HubResult => ({ slug: args.hub, ms: Math.round(performance.now() - started), ...r });
  let data: SiteData | Promise<SiteData>;
  let warnings = 0;
  if (parent) data = parent.data;
  else {
    const loaded = loadSiteData(resolve(args.data), args.hub, buildDay(args.today));
    if (!loaded.ok) return done({ ok: false, pages: 0, errors: loaded.problems.map(formatProblem), warnings: 0 });
    data = loaded.data;
    warnings = loaded.warnings.length;
  }
  const outDir = resolve(args.out);
  // Astro puts its intermediate server build under the working directory when outDir is outside it, which parallel
  // builds would share; working inside this hub's own folder keeps every build's files apart.
  if (!outDir.startsWith(START_DIR + sep)) {
    if (!isMainThread) throw new Error(`Worker builds need --out inside the working directory (${START_DIR}).`);
    await mkdir(outDir, { recursive: true });
    process.chdir(outDir);
  } else if (isMainThread) process.chdir(START_DIR);
  // Pagefind's check of the built site counts its pages, which saves listing the whole folder again.
  let pages: number | undefined;
  const config = hubAstroConfig({
    data,
    outDir,
    base: args.base,
    cacheDir: join(SITE_ROOT, 'node_modules/.astro/hubs', args.hub),
    onPages: (n) => (pages = n),
    ...(parent ? { pagesTo: parent.pagesTo, api: false } : {}),
  });
  await build(config);
  if (parent) pages = 0;
  return done({ ok: true, pages: pages ?? (await countPages(outDir)), errors: [], warnings });
}

/** Builds a hub and reports what happened as a result, never by throwing. */
async function safeBuild(args: HubArgs, parent?: ParentShare): Promise<HubResult> {
  try {
    return await buildHub(args, parent);
  } catch (error) {
    // Whatever the failed build was still writing stops before its folder is removed.
    await stopBackgroundWork();
    return { slug: args.hub, ok: false, pages: 0, ms: 0, errors: [errorText(error)], warnings: 0 };
  }
}

/** A render as it ends: its place in the order renders started, and the page when it is an HTML page. */
export interface Render {
  order: number;
  page?: RenderedPage;
}

/**
 * What a builder sends build.ts: from which render on no page is searchable, renders as they end (a few at a time),
 * that all pages are written, the result.
 */
export type BuilderMessage = { searchableUntil: number } | { renders: Render[] } | { written: true } | HubResult;

/** Renders per message: a message per page cost the builder about a tenth of its time while rendering. */
const RENDERS_PER_MESSAGE = 50;

/** What build.ts sends a builder: a hub to build, then that hub's data (null when it is invalid, which ends the build). */
export type ParentMessage = HubArgs | { hubData: SiteData | null };

/** Builds the hubs build.ts sends, one at a time, each with the data that follows it. */
function builder(send: (m: BuilderMessage) => void): (message: ParentMessage) => Promise<void> {
  let renders: Render[] = [];
  let searchEnd = 0; // renders before this one may be searchable (see PagesOut)
  let searchRendered = 0;
  const flush = () => {
    if (renders.length) send({ renders });
    renders = [];
  };
  const pagesTo: PagesOut = {
    searchableUntil: (order) => {
      searchEnd = order;
      send({ searchableUntil: order });
    },
    rendered: (order, page) => {
      renders.push(page ? { order, page } : { order });
      // The last render that may be searchable goes at once: build.ts can then write the index.
      const lastSearchable = order < searchEnd && ++searchRendered === searchEnd;
      if (lastSearchable || renders.length === RENDERS_PER_MESSAGE) flush();
    },
    written: () => {
      flush();
      send({ written: true });
    },
  };
  let provide: (data: SiteData | null) => void = () => {};
  return async (message) => {
    if ('hubData' in message) return provide(message.hubData);
    searchEnd = 0;
    searchRendered = 0;
    const data = new Promise<SiteData>((resolve, reject) => {
      provide = (d) => (d ? resolve(d) : reject(new Error('The hub data is invalid.')));
    });
    data.catch(() => {}); // the build awaits it
    send(await safeBuild(message, { data, pagesTo }));
  };
}

/** Exit code of a one-off build: 2 for invalid data (nothing was built), 1 for any other failure. */
const exitCode = (r: HubResult) => (r.ok ? 0 : r.pages === 0 && r.errors.some((e) => /:\d+:\d+ {2}/.test(e)) ? 2 : 1);

// Entry points. As a builder for scripts/build.ts (a worker thread, or a child process with IPC) it builds the hubs
// it is sent one after another, so Astro and Vite load once per builder rather than once per hub; a hub's failure is
// reported as its result, and a builder that dies takes only its current hub with it (build.ts starts a new one).
// A builder starts Astro on a hub at once and is sent its data when build.ts has loaded it; it sends each page it
// renders to build.ts, which keeps the hub's Pagefind index and writes it (a large hub's once the builder has ended, so
// the index is not written while the build holds its memory). Run directly from the command line it builds one hub
// from its arguments, and indexes it itself.
if (parentPort) {
  const port = parentPort;
  const build = builder((m) => port.postMessage(m));
  port.on('message', async (message: ParentMessage | 'stop') => {
    if (message === 'stop') {
      await stopBackgroundWork();
      process.exit();
    }
    await build(message);
  });
} else if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.send) {
    process.on(
      'message',
      builder((m) => process.send?.(m)),
    );
    process.on('disconnect', () => stopBackgroundWork().finally(() => process.exit()));
  } else {
    const { values } = parseArgs({
      options: { hub: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, today: { type: 'string' } },
    });
    const result = await safeBuild(values as HubArgs);
    await stopBackgroundWork();
    console.log(JSON.stringify(result));
    process.exitCode = exitCode(result);
    // Vite may leave handles open; the result is printed, so leave promptly.
    setTimeout(() => process.exit(), 50).unref();
  }
}
