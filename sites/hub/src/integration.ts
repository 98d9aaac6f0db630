/**
 * The hub-site integration: hands the validated hub data to the pages, makes widget modules optional at build
 * time, and after the build indexes the output with Pagefind and writes the static host's `_headers` file.
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

export interface HubSiteOptions {
  data: SiteData;
  /** Build the Pagefind index after the pages (default true). */
  search?: boolean;
}

/** Pagefind over the built hub: only pages marked `data-pagefind-body` are indexed. */
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

export function hubSite(options: HubSiteOptions): AstroIntegration {
  let base = '/';
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
        updateConfig({ vite: { plugins: [optionalWidgets(warn)] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { hub, assets } = options.data;
        await writeFile(join(out, '_headers'), headersFile(base));
        // The read-only Open Referral UK API, as static JSON files (paths documented on orukApiFiles).
        for (const [path, document] of orukApiFiles(
          hub,
          options.data.categories,
          assets.map((a) => a.asset),
        )) {
          await mkdir(dirname(join(out, path)), { recursive: true });
          await writeFile(join(out, path), JSON.stringify(document));
        }
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
        if (options.search === false) return;
        const pages = await indexSite(out);
        logger.info(`Pagefind indexed ${pages} pages`);
      },
    },
  };
}
