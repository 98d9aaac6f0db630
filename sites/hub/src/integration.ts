/**
 * The hub-site integration: hands the validated hub data to the pages, makes widget modules optional at build
 * time, indexes searchable pages with Pagefind as they are rendered, and after the build writes the Pagefind index,
 * the ORUK API files, the widgets bundle and the static host's `_headers` file.
 */

import { cp, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { orukApiFiles } from '@townhub/schema/oruk';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { Plugin } from 'vite';
import { headersFile } from './lib/security.ts';
import { provideSiteData, type SiteData } from './lib/site-data.ts';

const WIDGET_PREFIX = 'townhub:widget/';

/**
 * Resolves `townhub:widget/<name>` to `@townhub/widgets/<name>/define`. When the widgets package does not have that
 * widget the import becomes an empty module and the build says so: pages are complete without their widgets.
 */
function optionalWidgets(warn: (message: string) => void): Plugin {
  const require = createRequire(import.meta.url);
  const missing = '\0townhub-widget-missing';
  return {
    name: 'townhub:optional-widgets',
    resolveId(id) {
      if (!id.startsWith(WIDGET_PREFIX)) return null;
      const name = id.slice(WIDGET_PREFIX.length);
      // TOWNHUB_WIDGETS=off builds pages without widgets (static HTML only), e.g. while the widgets are being changed.
      if (process.env.TOWNHUB_WIDGETS === 'off') return missing;
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
  data: SiteData;
  /** Build the Pagefind index after the pages (default true). */
  search?: boolean;
}

/** Pagefind over a built site on disk: only pages marked `data-pagefind-body` are indexed. */
export async function indexSite(dir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Stops Pagefind's service process, if one is running. */
export const closeSearchIndex = (): Promise<unknown> => pagefind.close();

/** A page Pagefind indexes: one with an element marked `data-pagefind-body` (Pagefind then skips all other pages). */
const SEARCHABLE = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/;
/** Pages handed to Pagefind and not yet indexed; rendering waits beyond this, so pages never pile up in memory. */
const INDEXING_AHEAD = 16;

/**
 * A Pagefind index fed each searchable page as Astro renders it: Pagefind's own process indexes while this one
 * renders, instead of reading every page back from disk after the build.
 */
async function openSearchIndex() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const inFlight = new Set<Promise<void>>();
  const problems: string[] = [];
  let pages = 0;
  return {
    /** Indexes a page's HTML under its URL inside the site (e.g. `/assets/x/`, without the base path). */
    async add(url: string, content: string): Promise<void> {
      while (inFlight.size >= INDEXING_AHEAD) await Promise.race(inFlight);
      const adding = index.addHTMLFile({ url, content }).then(
        (added) => {
          if (added.errors.length) problems.push(...added.errors);
          else pages++;
        },
        (error: unknown) => void problems.push(String(error)),
      );
      const tracked = adding.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    },
    /** Writes the index to `outputPath` and returns the number of pages indexed. */
    async write(outputPath: string): Promise<number> {
      await Promise.all(inFlight);
      if (problems.length) throw new Error(`Pagefind: ${problems.join('; ')}`);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      return pages;
    },
  };
}

/** Writes files, a few at a time, creating their folders first. */
async function writeFiles(root: string, files: Iterable<readonly [path: string, content: string]>): Promise<void> {
  const list = [...files];
  for (const dir of new Set(list.map(([path]) => dirname(join(root, path))))) await mkdir(dir, { recursive: true });
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < list.length; i = next++) await writeFile(join(root, list[i]![0]), list[i]![1]);
  };
  await Promise.all(Array.from({ length: 8 }, writer));
}

export function hubSite(options: HubSiteOptions): AstroIntegration {
  let base = '/';
  let search: Awaited<ReturnType<typeof openSearchIndex>> | undefined;
  return {
    name: '@townhub/hub-site',
    hooks: {
      'astro:config:setup': ({ updateConfig, config, logger }) => {
        provideSiteData(options.data);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const warned = new Set<string>();
        const warn = (message: string) => {
          if (!warned.has(message)) logger.warn(message);
          warned.add(message);
        };
        updateConfig({ vite: { plugins: [optionalWidgets(warn), schemaAsLoaded()] } });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (options.search === false) return;
        // Astro's own prerenderer, with each searchable page also handed to Pagefind as it is rendered.
        setPrerenderer((astro) => ({
          ...astro,
          name: '@townhub/hub-site:search',
          async setup() {
            await astro.setup?.();
            search = await openSearchIndex();
          },
          async render(request, renderOptions) {
            const rendered = await astro.render(request, renderOptions);
            const response = rendered instanceof Response ? rendered : rendered.response;
            if (!search || renderOptions.routeData.type !== 'page' || response.status !== 200) return rendered;
            const html = await response.text();
            if (SEARCHABLE.test(html)) await search.add(`/${new URL(request.url).pathname.slice(base.length)}`, html);
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return rendered instanceof Response ? copy : { ...rendered, response: copy };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { hub, assets } = options.data;
        try {
          // Pagefind writes its index from its own process while this one writes the rest.
          const indexed = search?.write(join(out, 'pagefind'));
          const rest = (async () => {
            await writeFile(join(out, '_headers'), headersFile(base));
            // The read-only Open Referral UK API, as static JSON files (paths documented on orukApiFiles).
            const oruk = orukApiFiles(
              hub,
              options.data.categories,
              assets.map((a) => a.asset),
            );
            await writeFiles(
              out,
              Array.from(oruk, ([path, document]) => [path, JSON.stringify(document)] as const),
            );
            // A short description of the built hub, for the server's index of hubs.
            const about = { slug: hub.slug, name: hub.name, constituency: hub.constituency.name, assets: assets.length };
            await writeFile(join(out, 'hub.json'), JSON.stringify(about));
            // The widgets' one-script CDN bundle, so councils can embed from the hub's own address (see the embed page).
            try {
              const cdn = createRequire(import.meta.url).resolve('@townhub/widgets/cdn');
              await cp(dirname(cdn), join(out, 'widgets'), { recursive: true });
            } catch (error) {
              logger.warn(`No widgets CDN bundle copied (${String(error)}); build it with pnpm --filter @townhub/widgets build.`);
            }
          })();
          const [pages] = await Promise.all([indexed, rest]);
          if (pages !== undefined) logger.info(`Pagefind indexed ${pages} pages`);
        } finally {
          search = undefined;
          await closeSearchIndex();
        }
      },
    },
  };
}
