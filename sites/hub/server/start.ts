/**
 * `pnpm start`: builds whatever is missing (hub sites, the server), then serves every hub at
 * http://HOST:PORT/<slug>/ with an index of hubs at /, through the @astrojs/node standalone handler.
 * This file only adds what every response needs (security headers, the feed's CORS header, a slash after a hub's
 * name, brotli or gzip for text files: see compress.ts) around that handler.
 *
 *   PORT=4321 HOST=localhost pnpm start [--data <dir>] [--out <dir>]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { hubSlugs } from '@townhub/schema';
import { buildHubs, progressLine } from '../scripts/build-hubs.ts';
import { DEFAULT_DATA, DEFAULT_OUT } from '../scripts/builders.ts';
import { FEED_HEADERS, SECURITY_HEADERS } from '../src/lib/security.ts';
import { buildServer, SERVER_OUT, serverEntry, serverIsStale } from './build.ts';
import { compressedFiles } from './compress.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface StartOptions {
  data?: string;
  out?: string;
  port?: number;
  host?: string;
  /** Where the server itself is built (default sites/hub/dist/server). */
  serverOut?: string;
  log?: (line: string) => void;
}

/** Wraps the Astro handler with the headers, redirects and compression every response needs. */
export function withHubHeaders(handler: NodeHandler, sites: string): NodeHandler {
  const compressed = compressedFiles(sites);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (path.endsWith('/feed.json')) for (const [name, value] of Object.entries(FEED_HEADERS)) res.setHeader(name, value);
    // "/ladywood" → "/ladywood/", so the hub's root-relative links and its index page resolve.
    const hub = /^\/([a-z0-9-]+)$/.exec(path)?.[1];
    if (hub && existsSync(join(sites, hub, 'index.html'))) {
      res.writeHead(301, { Location: `/${hub}/${(req.url ?? '').slice(path.length)}` }).end();
      return;
    }
    const oruk = orukFile(sites, path, new URL(req.url ?? '/', 'http://localhost').searchParams.get('page'));
    if (oruk) {
      for (const [name, value] of Object.entries(FEED_HEADERS)) res.setHeader(name, value);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(readFileSync(oruk));
      return;
    }
    if (compressed(req, res)) return;
    handler(req, res);
  };
}

/**
 * The static file behind an ORUK API address, as laid out by orukApiFiles: `/<hub>/api/oruk/services?page=2` →
 * `<hub>/api/oruk/services/page/2/index.json`, `/<hub>/api/oruk/services/<id>` → `…/services/<id>/index.json`.
 */
export function orukFile(sites: string, path: string, page: string | null): string | undefined {
  const match = /^\/([a-z0-9-]+)\/api\/oruk(\/[a-z0-9_/-]*)?$/.exec(path);
  if (!match) return undefined;
  let rest = (match[2] ?? '').replace(/\/+$/, '');
  if (/^\/(services|taxonomy_terms)$/.test(rest) && page && /^[1-9]\d*$/.test(page)) rest += `/page/${page}`;
  const file = join(sites, match[1] ?? '', 'api', 'oruk', rest, 'index.json');
  return existsSync(file) ? file : undefined;
}

/** Builds what is missing and starts listening; resolves with the server once it listens. */
export async function start(options: StartOptions = {}): Promise<Server> {
  const log = options.log ?? console.log;
  const data = resolve(options.data ?? DEFAULT_DATA);
  const sites = resolve(options.out ?? DEFAULT_OUT);
  const missing = existsSync(data) ? hubSlugs(data).filter((slug) => !existsSync(join(sites, slug, 'index.html'))) : [];
  if (missing.length) {
    log(`Building ${missing.length} hub${missing.length === 1 ? '' : 's'} that ${missing.length === 1 ? 'is' : 'are'} not built yet…`);
    const summary = await buildHubs({ data, out: sites, hubs: missing, onHub: (r) => log(progressLine(r)) });
    if (summary.failed.length) log(`Not serving hubs that failed to build: ${summary.failed.join(', ')}`);
  }
  const serverOut = resolve(options.serverOut ?? SERVER_OUT);
  if (serverIsStale(sites, serverOut)) {
    log('Building the server…');
    await buildServer(sites, serverOut);
  }
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  process.env.ASTRO_NODE_LOGGING = 'disabled';
  process.env.TOWNHUB_SITES = sites;
  // Shares live outside the build output, so rebuilding a hub never touches them.
  process.env.SHARE_DATA_DIR ??= resolve(DEFAULT_DATA, '../.data/shares');
  const { handler } = (await import(pathToFileURL(serverEntry(serverOut)).href)) as { handler: NodeHandler };
  const port = options.port ?? Number(process.env.PORT ?? 4321);
  const host = options.host ?? process.env.HOST ?? 'localhost';
  const server = createServer(withHubHeaders(handler, sites));
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, ready);
  });
  const address = server.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  log(`Serving hubs at http://${host}:${shownPort}/`);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
  const server = await start({ ...(values.data ? { data: values.data } : {}), ...(values.out ? { out: values.out } : {}) });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
