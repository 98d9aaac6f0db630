// For `astro dev` on one hub: TOWNHUB_HUB=<slug> [TOWNHUB_DATA=<dir>] pnpm --filter @townhub/site dev
// Production builds go through scripts/build.ts, which builds every hub in its own process.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { formatProblem, hubAstroConfig, loadSiteData } from './src/config.ts';

const slug = process.env.TOWNHUB_HUB;
if (!slug) throw new Error('Set TOWNHUB_HUB to the hub to preview, e.g. TOWNHUB_HUB=ladywood.');
const dataRoot = process.env.TOWNHUB_DATA ?? fileURLToPath(new URL('../../hub-data', import.meta.url));
const loaded = loadSiteData(dataRoot, slug);
if (!loaded.ok) throw new Error(`Hub data has errors:\n${loaded.problems.map(formatProblem).join('\n')}`);
const { configFile: _, ...config } = hubAstroConfig({ data: loaded.data, outDir: `dist/dev/${slug}`, base: '/', search: false });
export default defineConfig(config as Parameters<typeof defineConfig>[0]);
