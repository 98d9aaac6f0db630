/**
 * Times the phases of one hub's build (load + validate, Astro, Pagefind) in wall time and in CPU time of this process
 * and its finished children (CPU time is steadier than wall time on a busy machine):
 *   node bench/phases.ts <data> <slug>
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'astro';
import { hubAstroConfig, loadSiteData, SITE_ROOT } from '../src/config.ts';
import { indexSite } from '../src/integration.ts';

/** User + system CPU ms of this process and its waited-for children, from /proc (clock ticks are 10 ms). */
function cpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return ((f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0)) * 10;
}

const [data = '', slug = ''] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED ??= '1'; // as scripts/build-hub.ts does
const out = join(SITE_ROOT, `dist/phases-${process.pid}`);
let t = performance.now();
let cpu = cpuMs();
const lap = (name: string) => {
  console.log(`${name.padEnd(10)} ${String(Math.round(performance.now() - t)).padStart(6)} ms wall ${String(cpuMs() - cpu).padStart(6)} ms CPU`);
  t = performance.now();
  cpu = cpuMs();
};
const loaded = loadSiteData(data, slug);
if (!loaded.ok) throw new Error('invalid data');
lap('load');
await build(hubAstroConfig({ data: loaded.data, outDir: out, base: `/${slug}/`, search: false }));
lap('astro');
await indexSite(out);
lap('pagefind');
await rm(out, { recursive: true, force: true });
process.exit(0);
