/** Loading one hub's data and the Astro configuration that builds it. Used by the build script and astro.config.ts. */

import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, loadData, type Problem } from '@townhub/schema';
import type { AstroInlineConfig } from 'astro';
import { hubSite, type PagesOut } from './integration.ts';
import type { SiteData } from './lib/site-data.ts';

export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One problem as `file:line:column  field  message  hint`, the way `pnpm check` prints it. */
export function formatProblem(p: Problem): string {
  return [`${p.file}:${p.line}:${p.column}`, p.field || '-', p.message, p.hint].join('  ');
}

export type LoadOutcome = { ok: true; data: SiteData; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** An error as a hub's result shows it: its stack when it has one. */
export const errorText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** The build's "today": a fixed YYYY-MM-DD (for reproducible what's-on pages in tests) at midday, or now. */
export function buildDay(today?: string): Date {
  return today ? new Date(`${today}T12:00:00Z`) : new Date();
}

/** Loads and validates one hub through @townhub/schema; any error means the hub must not be built. */
export function loadSiteData(dataRoot: string, slug: string, today = new Date()): LoadOutcome {
  const result = loadData(dataRoot, { hub: slug, today });
  if (hasErrors(result.problems)) return { ok: false, problems: result.problems.filter((p) => p.severity === 'error') };
  const loaded = result.hubs[0];
  if (!loaded) return { ok: false, problems: result.problems };
  const assets = loaded.assets
    .map(({ asset, file }) => ({ asset, file: file.split(sep).join('/') }))
    .sort((a, b) => a.asset.name.localeCompare(b.asset.name, 'en-GB'));
  return {
    ok: true,
    warnings: result.problems,
    data: {
      hub: loaded.hub,
      categories: result.categories,
      assets,
      today: today.toISOString().slice(0, 10),
      repositoryDataPath: 'hub-data',
    },
  };
}

export interface HubBuildConfig {
  /** The hub's data, or the promise of it (see `HubSiteOptions.data`). */
  data: SiteData | Promise<SiteData>;
  /** Write the ORUK API files (default true; see `HubSiteOptions.api`). */
  api?: boolean;
  /** Folder the site is written to. */
  outDir: string;
  /** Path the site is served under, e.g. `/ladywood/` or `/`. */
  base: string;
  /** Astro's cache folder; separate per hub so parallel builds never share one. */
  cacheDir?: string;
  search?: boolean;
  /** Told the number of HTML pages built, when the search index has counted them. */
  onPages?: (pages: number) => void;
  /** Where the written pages go to be indexed, instead of this build's own Pagefind index (see `HubSiteOptions`). */
  pagesTo?: PagesOut;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** The Astro configuration for one hub: static pages, external scripts and styles only (for a strict CSP). */
export function hubAstroConfig(options: HubBuildConfig): AstroInlineConfig {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return {
    root: SITE_ROOT,
    configFile: false,
    output: 'static',
    outDir: options.outDir,
    base,
    // No `site`: absolute URLs come from the hub's siteUrl (lib/urls.ts), so the build can start before the data is here.
    trailingSlash: 'ignore',
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    logLevel: options.logLevel ?? 'warn',
    devToolbar: { enabled: false },
    // Four pages at a time: one renders while the others' files are written, rather than the build waiting on each write.
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.TOWNHUB_RENDER_CONCURRENCY ?? 4) },
    // assetsInlineLimit 0: Astro would otherwise inline small scripts, which a strict CSP blocks. When another process
    // writes the API files into the (new) output folder meanwhile, Astro must not empty it first.
    // No module preloading: Vite's helper adds a <link> for every module a widget imports, one long task on slow
    // phones; the browser finds those imports itself. (Astro sets build.modulePreload, so it is set per environment.)
    vite: {
      build: { assetsInlineLimit: 0, ...(options.api === false ? { emptyOutDir: false } : {}) },
      logLevel: 'warn',
      plugins: [{ name: 'townhub:no-module-preload', configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined) }],
    },
    integrations: [
      hubSite({
        data: options.data,
        ...(options.api === undefined ? {} : { api: options.api }),
        ...(options.search === undefined ? {} : { search: options.search }),
        ...(options.onPages ? { onPages: options.onPages } : {}),
        ...(options.pagesTo ? { pagesTo: options.pagesTo } : {}),
      }),
    ],
  };
}

/** Paths in messages relative to the working directory, like the CLI. */
export const shown = (path: string) => relative(process.cwd(), path) || '.';
