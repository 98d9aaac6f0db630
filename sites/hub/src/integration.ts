/**
 * The hub-site integration: hands the validated hub data to the pages, makes widget modules optional at build
 * time, indexes the pages with Pagefind and writes the ORUK API files while the pages render (or leaves both to the
 * process that started the build), and after the build writes the widgets bundle and the static host's `_headers`.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PagefindIndex } from 'pagefind';
import * as pagefind from 'pagefind';
import type { Plugin } from 'vite';
import { type OrukWriting, startOrukFiles } from './lib/oruk-files.ts';
import { SEARCH_ROUTES } from './lib/search-routes.ts';
import { headersFile } from './lib/security.ts';
import { provideSiteData, type SiteData } from './lib/site-data.ts';

const WIDGET_PREFIX = 'townhub:widget/';

/**
 * Each widget's chunk in the widgets' CDN bundle (its `widgets.json`), or undefined when that bundle is not built or
 * is older than the widgets' source (the build then bundles the widgets from their source, and says so).
 */
function cdnChunks(warn: (message: string) => void): Record<string, string> | undefined {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = join(dirname(require.resolve('@townhub/widgets/cdn')), 'widgets.json');
    if (!existsSync(manifest)) return undefined;
  } catch {
    return undefined;
  }
  const source = join(dirname(require.resolve('@townhub/widgets/package.json')), 'src');
  const built = statSync(manifest).mtimeMs;
  if ((readdirSync(source, { recursive: true }) as string[]).some((f) => statSync(join(source, f)).mtimeMs > built)) {
    warn('The widgets changed since their CDN bundle was built, so they are bundled from source (pnpm --filter @townhub/widgets build).');
    return undefined;
  }
  return JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>;
}

/**
 * Resolves `townhub:widget/<name>`. In a build, that is the widget's chunk in the widgets' CDN bundle, which every hub
 * carries as `widgets/` (for councils to embed from): built once with the widgets package rather than again by Vite
 * for every hub (about 0.3 s of each hub's build). Otherwise (the dev server, or no up-to-date CDN bundle) it is
 * `@townhub/widgets/<name>/define`. When the widgets package does not have that widget the import becomes an
 * empty module and the build says so: pages are complete without their widgets.
 */
function optionalWidgets(warn: (message: string) => void, prebuilt?: { base: string; chunks: Record<string, string> }): Plugin {
  const require = createRequire(import.meta.url);
  const missing = '\0townhub-widget-missing';
  return {
    name: 'townhub:optional-widgets',
    resolveId(id) {
      if (!id.startsWith(WIDGET_PREFIX)) return null;
      const name = id.slice(WIDGET_PREFIX.length);
      // TOWNHUB_WIDGETS=off builds pages without widgets (static HTML only), e.g. while the widgets are being changed.
      if (process.env.TOWNHUB_WIDGETS === 'off') return missing;
      const chunk = prebuilt?.chunks[name];
      if (chunk) return { id: `${prebuilt.base}widgets/${chunk}`, external: true };
      try {
        return require.resolve(`@townhub/widgets/${name}/define`);
      } catch {
        warn(`@townhub/widgets has no "${name}" widget yet; its pages keep their static content.`);
        return missing;
      }
    },
    load(id) {
      return id === missing ? 'export {};' : null;
    },
  };
}

/**
 * In the server build, `@townhub/schema` stays an import of the module this process already loaded the data with,
 * instead of being bundled again for every hub: with zod and yaml it was about 40% of the server build's modules.
 */
function schemaAsLoaded(): Plugin {
  return {
    name: 'townhub:schema-as-loaded',
    enforce: 'pre',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name !== 'client',
    resolveId(id) {
      if (id !== '@townhub/schema' && !id.startsWith('@townhub/schema/')) return null;
      return { id: fileURLToPath(import.meta.resolve(id)), external: true };
    },
  };
}

export interface HubSiteOptions {
  /**
   * The hub's validated data. It may still be loading: Vite bundles meanwhile, and the pages render once it is here
   * (if it fails, so does the build).
   */
  data: SiteData | Promise<SiteData>;
  /**
   * Write the ORUK API files (default true). False when the process that started the build writes them into the
   * output folder meanwhile, which Astro then leaves as it is rather than emptying it first.
   */
  api?: boolean;
  /** Build the Pagefind index after the pages (default true). */
  search?: boolean;
  /** Told the number of HTML pages in the built site, when Pagefind has checked it against the folder. */
  onPages?: (pages: number) => void;
  /**
   * Where the written pages go instead of this build's own Pagefind index: the process that started the build keeps
   * the index and writes it once this build has ended, so the two never hold their memory at the same moment.
   */
  pagesTo?: PagesOut;
}

/**
 * Told, before the pages render, from which render on no page is of a route in `SEARCH_ROUTES` (those render first);
 * then of each render as it ends, by its place in the order renders started, with the page when it is an HTML page
 * (see `indexWhileRendering`); then once every page is written.
 */
export interface PagesOut {
  searchableUntil(order: number): void;
  rendered(order: number, page?: RenderedPage): void;
  written(): void;
}

/**
 * Starts Pagefind indexing a built site in its own process (only pages marked `data-pagefind-body` are indexed), so
 * this process can do other work meanwhile; `finish` writes the index into the site and returns the page count.
 */
async function startIndexing(dir: string): Promise<{ finish(until?: Promise<unknown>): Promise<number> }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const adding = index.addDirectory({ path: dir });
  adding.catch(() => {}); // awaited in finish(); this only keeps an early failure from going unhandled meanwhile
  return {
    async finish(until) {
      const added = await adding;
      await writeIndex(index, dir, added.errors, until);
      return added.page_count;
    },
  };
}

/**
 * Writes `index` into the site once `until` has settled, unless Pagefind reported `problems` or `until` fails, and
 * drops the index from Pagefind's service either way.
 */
async function writeIndex(index: PagefindIndex, dir: string, problems: string[], until?: Promise<unknown>): Promise<void> {
  try {
    if (problems.length) throw new Error(`Pagefind: ${problems.join('; ')}`);
    await until;
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Pages per Pagefind request. A request walks the folders its glob names (about 30 ms for the assets folder of a
 * 10,000-asset hub), so a batch is not much smaller; and the pages still to index once the last is written stay few.
 */
const BATCH = 250;
/** Paths that need no escaping in a glob (page paths are made of ids, which are lowercase words and hyphens). */
const PLAIN_PATH = /^[\w./-]+$/;

/**
 * Globs that name exactly `paths`, one per top-level folder (`assets/{a,b}/index.html`), so that Pagefind walks only
 * that folder; a glob whose choices hold folders of their own would walk the whole site.
 */
export function pageGlobs(paths: string[]): string[] {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf('/') + 1;
    const folder = path.slice(0, slash);
    const rest = folders.get(folder);
    if (rest) rest.push(path.slice(slash));
    else folders.set(folder, [path.slice(slash)]);
  }
  return [...folders].map(([folder, rest]) => (rest.length === 1 ? `${folder}${rest[0]}` : `${folder}{${rest.join(',')}}`));
}

/** An HTML page written by the build: its file in the site and its size in bytes. */
export interface RenderedPage {
  path: string;
  bytes: number;
  /**
   * Whether it marks content for search (`data-pagefind-body`). Once a site has such pages Pagefind indexes only
   * those, so only they are handed to it: large pages without (the map and what's on list every asset) cost
   * Pagefind time to read for nothing.
   */
  searchable: boolean;
}

/**
 * Pagefind indexing the pages from disk while Astro renders the next ones. Astro tells of each render by its place
 * in the order renders started (`order`, from 0), with the page when it is an HTML page. Once a page's file on disk
 * has its size, Astro has written it; searchable pages are handed to Pagefind by path, `BATCH` renders at a time in
 * that order, which costs Pagefind far less than being sent each page's HTML. The order, not the moment each render ends, decides the
 * batches, because Pagefind's index depends on the order pages are added: the same data gives the same index.
 * Told by `searchableUntil` that no render from `order` on is searchable, it writes the index as soon as the renders
 * before it are indexed, while the others render. `finish`, once every page is written, indexes the rest and writes
 * the index (after `until`: if that fails, nothing is written and the index is dropped) unless it is written already,
 * checks that exactly the HTML files on disk were indexed and that no searchable page came too late (or else indexes
 * the folder again as it is, as `startIndexing` does), and returns the number of HTML pages. `cancel` drops an index
 * that will not be finished.
 */
export function indexWhileRendering(dir: string): Omit<PagesOut, 'written'> & {
  finish(until?: Promise<unknown>): Promise<number>;
  cancel(): Promise<void>;
} {
  const created = pagefind.createIndex({ forceLanguage: 'en' });
  created.catch(() => {}); // awaited in finish()
  const added = new Set<string>();
  // Renders by order: a page, null for a render that is not a page to index, undefined while it runs.
  const renders: (RenderedPage | null | undefined)[] = [];
  let sent = 0; // renders before this one have been handed to Pagefind
  let searchEnd = Number.POSITIVE_INFINITY; // renders from this one on are not searchable
  let anySearchable = false;
  let late = false; // a searchable page came from a render at or after searchEnd
  let writing: Promise<void> | undefined;
  let closing = false; // finish() or cancel() has been called
  let unconfirmed: RenderedPage[] = []; // pages of the next batch not yet seen written
  let running: Promise<void> | undefined;
  const failed: string[] = [];
  const written = ({ path, bytes }: RenderedPage) => statSync(join(dir, path), { throwIfNoEntry: false })?.size === bytes;
  const send = (paths: string[]): Promise<void> =>
    created
      .then(async ({ index }) => {
        if (!index) return;
        for (const glob of pageGlobs(paths.filter((p) => PLAIN_PATH.test(p)))) {
          const result = await index.addDirectory({ path: dir, glob });
          failed.push(...result.errors);
        }
        for (const p of paths.filter((p) => !PLAIN_PATH.test(p))) {
          const result = await index.addHTMLFile({ sourcePath: p, content: await readFile(join(dir, p), 'utf8') });
          failed.push(...result.errors);
        }
      })
      .catch((error: unknown) => {
        failed.push(String(error));
      });
  /** The searchable pages of renders `from` up to `to`, in order. */
  const searchableIn = (from: number, to: number) => renders.slice(from, to).filter((r) => r?.searchable) as RenderedPage[];
  const next = () => {
    running = undefined;
    if (writing) return;
    if (sent >= searchEnd) {
      writing = created.then(({ index }) => (index ? writeIndex(index, dir, failed) : undefined));
      writing.catch(() => {}); // awaited in finish()
      return;
    }
    const end = Math.min(sent + BATCH, searchEnd);
    if (renders.length < end) return;
    for (let i = sent; i < end; i++) if (renders[i] === undefined) return;
    if (!unconfirmed.length) unconfirmed = searchableIn(sent, end);
    unconfirmed = unconfirmed.filter((page) => !written(page));
    if (unconfirmed.length) {
      // Astro writes a page just after its render ends; look again soon, as no other render may be told of meanwhile.
      if (!closing) running = new Promise((resolve) => setTimeout(resolve, 10)).then(next);
      return;
    }
    const paths = searchableIn(sent, end).map((p) => p.path);
    sent = end;
    running = send(paths).then(next);
  };
  return {
    searchableUntil(order) {
      if (order <= 0) return;
      searchEnd = order;
      if (!running) next();
    },
    rendered(order, page) {
      renders[order] = page ?? null;
      if (page) added.add(page.path);
      if (page?.searchable) {
        anySearchable = true;
        if (order >= searchEnd) late = true;
      }
      if (!running) next();
    },
    async finish(until) {
      const { index, errors } = await created;
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // Every page is written by now: the last are indexed, then the index is written (unless it is being written).
      closing = true;
      while (running) await running;
      if (!writing) {
        for (; sent < renders.length; sent += BATCH) await send(searchableIn(sent, sent + BATCH).map((p) => p.path));
        writing = writeIndex(index, dir, failed, until);
        writing.catch(() => {}); // awaited below
      }
      // Meanwhile the folder is listed, to check that the index holds exactly its pages (a synchronous listing takes a
      // third of the time of an asynchronous one, which waits for every folder in turn).
      await new Promise((resolve) => setImmediate(resolve)); // the request goes out before the listing holds this thread
      const onDisk = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`));
      await writing;
      if (anySearchable && !late && onDisk.length === added.size && onDisk.every((f) => added.has(f.split(sep).join('/')))) return added.size;
      // Pages were written that the index was not told of, a searchable page came after the index was written, or
      // none marks content for search (Pagefind then indexes every page's body): the folder is indexed again as it is.
      await rm(join(dir, 'pagefind'), { recursive: true, force: true });
      await (await startIndexing(dir)).finish(until);
      return onDisk.length;
    },
    async cancel() {
      closing = true;
      while (running) await running;
      if (writing) await writing.catch(() => {});
      else await (await created).index?.deleteIndex();
    },
  };
}

/** Pagefind over a built site on disk. */
export async function indexSite(dir: string): Promise<number> {
  try {
    return await (await startIndexing(dir)).finish();
  } finally {
    await pagefind.close();
  }
}

/**
 * Stops Pagefind's service process, if one is running, and the writing of a failed build's API files; resolves once
 * no more of those files will be written, so the failed build's folder can be removed.
 */
export async function stopBackgroundWork(): Promise<void> {
  await oruk?.stop();
  await pagefind.close();
}

/** The pages Astro writes as `<name>.html` although they answer with an error status (route `/404`, or path `404`). */
const ERROR_PAGE = /^\/?(404|500)$/;

/** The file Astro writes a page to (build.format 'directory'), relative to the site, from its URL. */
function pageFile(url: string, base: string): string {
  const path = decodeURI(new URL(url).pathname).slice(base.length).replace(/\/$/, '');
  if (ERROR_PAGE.test(path)) return `${path}.html`;
  return path ? `${path}/index.html` : 'index.html';
}

/** The API files this process is writing, if any (stopped by `stopBackgroundWork`). */
let oruk: OrukWriting | undefined;

export function hubSite(options: HubSiteOptions): AstroIntegration {
  const data = Promise.resolve(options.data);
  data.catch(() => {}); // awaited before the pages render, which fails the build
  let base = '/';
  let search: ReturnType<typeof indexWhileRendering> | undefined;
  let outDir = '';
  let widgetsFromCdn = false; // the pages load their widgets from the CDN bundle copied into the site
  return {
    name: '@townhub/hub-site',
    hooks: {
      'astro:config:setup': ({ updateConfig, config, command, logger }) => {
        data.then(provideSiteData, () => {});
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const warned = new Set<string>();
        const warn = (message: string) => {
          if (!warned.has(message)) logger.warn(message);
          warned.add(message);
        };
        const chunks = command === 'build' ? cdnChunks(warn) : undefined;
        widgetsFromCdn = chunks !== undefined;
        updateConfig({ vite: { plugins: [optionalWidgets(warn, chunks && { base, chunks }), schemaAsLoaded()] } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:setup': async () => {
        // The API files are written while Vite bundles and the pages render, once Astro has emptied the output folder.
        if (options.api === false || oruk) return;
        const siteData = await data;
        oruk ??= startOrukFiles(outDir, siteData);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Pagefind starts while Vite builds, and indexes the written pages while the next ones render (here, or in
        // the process that started this build).
        search = options.search === false || options.pagesTo ? undefined : indexWhileRendering(outDir);
        const indexing = options.search === false ? undefined : (options.pagesTo ?? search);
        oruk = undefined; // the previous hub's, when a builder builds several; started again in astro:build:setup
        let renders = 0;
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          async getStaticPaths() {
            provideSiteData(await data);
            // Pages that may be searchable render first, so that the index is written while the others render.
            const paths = await prerenderer.getStaticPaths();
            const searchable = paths.filter((p) => SEARCH_ROUTES.has(p.route.route));
            indexing?.searchableUntil(searchable.length);
            return [...searchable, ...paths.filter((p) => !SEARCH_ROUTES.has(p.route.route))];
          },
          async render(request, context) {
            const order = renders++; // Astro starts renders in the same order every build
            const result = await prerenderer.render(request, context);
            const response = result instanceof Response ? result : result.response;
            if (
              !indexing ||
              context.routeData.type !== 'page' ||
              (response.status !== 200 && !ERROR_PAGE.test(context.routeData.route)) ||
              response.headers.get('content-type')?.startsWith('text/html') === false
            ) {
              indexing?.rendered(order);
              return result;
            }
            // The page's size tells when Astro has written it; Astro is given the same bytes.
            const body = await response.arrayBuffer();
            const searchable = Buffer.from(body).includes('data-pagefind-body');
            indexing.rendered(order, { path: pageFile(request.url, base), bytes: body.byteLength, searchable });
            const same = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? same : { ...result, response: same };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const siteData = await data;
        const { hub, assets } = siteData;
        // Pagefind finishes its index in its own process while this one writes the other files.
        if (options.search !== false) options.pagesTo?.written();
        const indexed = search?.finish();
        indexed?.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
        try {
          await writeFile(join(out, '_headers'), headersFile(base));
          // The read-only Open Referral UK API, written while the site was built.
          if (options.api !== false) {
            oruk ??= startOrukFiles(out, siteData);
            await oruk.done;
          }
          // A short description of the built hub, for the server's index of hubs.
          const about = { slug: hub.slug, name: hub.name, constituency: hub.constituency.name, assets: assets.length };
          await writeFile(join(out, 'hub.json'), JSON.stringify(about));
          // The widgets' CDN bundle: the pages load their widgets from it, and councils can embed from the hub's own
          // address (see the embed page). Pages built without it keep their static content.
          try {
            const cdn = createRequire(import.meta.url).resolve('@townhub/widgets/cdn');
            await cp(dirname(cdn), join(out, 'widgets'), { recursive: true });
          } catch (error) {
            if (widgetsFromCdn) throw error;
            logger.warn(`No widgets CDN bundle copied (${String(error)}); build it with pnpm --filter @townhub/widgets build.`);
          }
          if (indexed) {
            const pages = await indexed;
            logger.info(`Pagefind indexed the site's ${pages} pages`);
            options.onPages?.(pages);
          }
          await stopBackgroundWork();
        } catch (error) {
          await stopBackgroundWork();
          throw error;
        }
      },
    },
  };
}
