/**
 * Builds the @astrojs/node standalone server that serves all hubs: the hub sites are its static "client" folder,
 * and its own few routes (the index of hubs, /api/… services, not-found pages) render on demand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { build } from 'astro';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
export const SERVER_OUT = resolve(ROOT, '../dist/server');

/** The server's entry module when built into `outDir`. */
export const serverEntry = (outDir = SERVER_OUT) => join(outDir, 'server/entry.mjs');
const stamp = (outDir: string) => join(outDir, 'built-for.json');

/** True when the server in `outDir` must be (re)built to serve `sitesDir`. */
export function serverIsStale(sitesDir: string, outDir = SERVER_OUT): boolean {
  if (!existsSync(serverEntry(outDir)) || !existsSync(stamp(outDir))) return true;
  return (JSON.parse(readFileSync(stamp(outDir), 'utf8')) as { sites?: string }).sites !== resolve(sitesDir);
}

/** Builds the server into `outDir` (default sites/hub/dist/server) to serve the hubs in `sitesDir`. */
export async function buildServer(sitesDir: string, outDir = SERVER_OUT): Promise<void> {
  const sites = resolve(sitesDir);
  await build({
    root: ROOT,
    configFile: false,
    output: 'server',
    adapter: node({ mode: 'standalone' }),
    outDir,
    build: { client: `${sites}/`, server: `${outDir}/server/`, inlineStylesheets: 'never' },
    vite: { build: { assetsInlineLimit: 0 }, define: { 'import.meta.env.TOWNHUB_SITES_DEFAULT': JSON.stringify(sites) } },
    session: undefined,
    devToolbar: { enabled: false },
    logLevel: 'warn',
  });
  await writeFile(stamp(outDir), JSON.stringify({ sites }));
}
