/** Builds the plain-Astro baseline (one JSON route) and indexes it with Pagefind: node build.ts <data.json> <outDir> */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { indexSite } from '../../src/integration.ts';

const [data, outDir] = process.argv.slice(2) as [string, string];
process.env.BASELINE_DATA = data;
process.chdir(outDir.replace(/\/[^/]+\/?$/, ''));
await build({ root: fileURLToPath(new URL('.', import.meta.url)), configFile: false, outDir, logLevel: 'warn' });
await indexSite(outDir);
setTimeout(() => process.exit(0), 50).unref();
