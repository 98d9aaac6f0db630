/**
 * The build command: builds every hub in the data root, or the ones named, several at once (up to the number of
 * cores), each in a builder apart from this process (see build-hubs.ts).
 *
 *   pnpm build [--hub <slug>] [--data <dir>] [--out <dir>] [--base <path>] [--jobs <n>] [--isolate process|worker]
 *
 * Hub <slug> is written to <out>/<slug>/ (default out: sites/hub/dist/hubs), built to be served at /<slug>/ unless
 * --base says otherwise (a hub on its own domain is built with --base /). Exits 1 when a hub failed, 2 when the data
 * root or a named hub does not exist.
 *
 * Only Node's own modules and the data root's layout load before the first builder starts: it then loads Astro while
 * this process loads the schema and the rest of the build (about 0.2 s sooner on a 2-core machine).
 */
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hubSlugs } from '@townhub/schema/data-root';
import type { BuildOptions } from './build-hubs.ts';
import { COMPILE_CACHE, DEFAULT_DATA, DEFAULT_OUT, type Isolation, isolationFor, startBuilder } from './builders.ts';

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
  // The first hub's builder starts loading Astro now, while this process loads the rest of the build.
  const data = resolve(values.data ?? DEFAULT_DATA);
  const first = values.hub?.[0] ?? hubSlugs(data)[0];
  const out = resolve(values.out ?? DEFAULT_OUT);
  const builder = first && existsSync(data) ? startBuilder(isolationFor(data, first, out, values.isolate as Isolation | undefined)) : undefined;
  enableCompileCache(COMPILE_CACHE); // the rest of the build loads in about half the time
  const { buildHubs, progressLine, seconds } = await import('./build-hubs.ts');
  const { DataRootError } = await import('@townhub/schema');
  const options: BuildOptions = { data, out, onHub: (r) => console.log(progressLine(r)) };
  if (builder) options.builder = builder;
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
  } finally {
    await builder?.stop();
  }
}

await main();
