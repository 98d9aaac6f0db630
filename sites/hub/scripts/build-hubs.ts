/**
 * Builds hub sites: every hub in the data root, or the one named, several at once (up to the number of cores), in
 * builders apart from this process: worker threads (each with its own heap) or child processes. A builder builds
 * one hub at a time and reports each hub's result, so one hub's failure cannot take down another; a builder that
 * dies fails only the hub it was building and is replaced for the rest. Meanwhile this process loads and validates
 * each hub's data (the builder starts Astro before it is here), keeps the hub's search index and writes its API files.
 *
 * Hub <slug> is written to <out>/<slug>/, built to be served at /<slug>/ unless `base` says otherwise. A hub is built
 * into a temporary folder and swapped in only when it succeeds, so a failed or invalid hub never leaves half a site
 * behind. The command is scripts/build.ts.
 */

import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DataRootError, hubSlugs } from '@townhub/schema';
import { buildDay, errorText, formatProblem, loadSiteData } from '../src/config.ts';
import { indexWhileRendering, stopBackgroundWork } from '../src/integration.ts';
import { startOrukFiles } from '../src/lib/oruk-files.ts';
import type { SiteData } from '../src/lib/site-data.ts';
import type { HubArgs, HubResult } from './build-hub.ts';
import { type Builder, DEFAULT_DATA, DEFAULT_OUT, END_BUILDER_FROM, type Isolation, isolationFor, startBuilder } from './builders.ts';

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
  /** A builder already starting (see scripts/build.ts); used for the first hub of its kind, and stopped in any case. */
  builder?: Builder;
}

export interface BuildSummary {
  results: HubResult[];
  failed: string[];
  pages: number;
  ms: number;
  out: string;
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

/** Builds hubs and returns what happened; never throws for a hub's failure. */
export async function buildHubs(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const data = resolve(options.data ?? DEFAULT_DATA);
  const out = resolve(options.out ?? DEFAULT_OUT);
  const all = hubSlugs(data);
  const unknown = options.hubs?.find((hub) => !all.includes(hub));
  const problem = !existsSync(data) ? `There is no data folder at ${data}.` : unknown && `There is no hub called "${unknown}" in ${data}.`;
  if (problem) {
    await options.builder?.stop();
    throw new DataRootError(problem);
  }
  const queue = [...(options.hubs ?? all)];
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), queue.length));
  // A builder started before this module loaded is used for the first hub of its kind, or stopped.
  let ready = options.builder;
  const newBuilder = (isolate: Isolation): Builder => {
    const builder = ready?.alive && ready.isolate === isolate ? ready : startBuilder(isolate);
    if (builder !== ready) ready?.stop();
    ready = undefined;
    return builder;
  };
  await mkdir(out, { recursive: true });
  const results: HubResult[] = [];
  const retired: string[] = [];

  const builderLoop = async (): Promise<void> => {
    let builder: Builder | undefined;
    let built = 0;
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
      if (!builder?.alive || built === HUBS_PER_BUILDER || builder.isolate !== isolate) {
        builder?.stop();
        builder = newBuilder(isolate);
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
        // A small hub's index is written while the pages that are not searchable render.
        searchableUntil: (order) => {
          if (order < END_BUILDER_FROM) search.searchableUntil(order);
        },
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
    await Promise.all([ready?.stop(), stopBackgroundWork()]);
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

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One progress line per hub; a failed hub's problems follow it, indented. */
export function progressLine(r: HubResult): string {
  if (r.ok)
    return `✓ ${r.slug.padEnd(28)} ${String(r.pages).padStart(6)} pages  ${seconds(r.ms).padStart(7)}${r.warnings ? `  (${r.warnings} data warnings)` : ''}`;
  return [`✗ ${r.slug.padEnd(28)} failed`, ...r.errors.flatMap((e) => e.split('\n')).map((line) => `    ${line}`)].join('\n');
}
