/** Times the phases of one hub's build (load + validate, Astro, Pagefind): node bench/phases.ts <data> <slug> */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'astro';
import { hubAstroConfig, loadSiteData, SITE_ROOT } from '../src/config.ts';
import { indexSite } from '../src/integration.ts';

const [data = '', slug = ''] = process.argv.slice(2);
const out = join(SITE_ROOT, 'dist/phases');
let t = performance.now();
const lap = (name: string) => {
  console.log(`${name.padEnd(10)} ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
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
