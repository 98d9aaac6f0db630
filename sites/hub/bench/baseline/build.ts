/** Builds the plain-Astro baseline (one JSON route) and indexes it with Pagefind: node build.ts <data.json> <outDir> */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { indexSite } from '../../src/integration.ts';

const [data, outDir] = process.argv.slice(2) as [string, string];
// Like the hub builds (scripts/build-hub.ts): no telemetry, so both sides do the same work.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.BASELINE_DATA = data;
process.chdir(outDir.replace(/\/[^/]+\/?$/, ''));
await build({ root: fileURLToPath(new URL('.', import.meta.url)), configFile: false, outDir, logLevel: 'warn' });
await indexSite(outDir);
setTimeout(() => process.exit(0), 50).unref();
