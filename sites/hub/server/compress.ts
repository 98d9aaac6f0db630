/**
 * Serves the built hubs' text files (HTML, JS, CSS, JSON, …) compressed with brotli or gzip, as the request's
 * Accept-Encoding allows. Each file is compressed once, on its first request, and kept in memory until it changes on
 * disk (a rebuild), so a request costs a stat and a write. Anything else (other files, ranges, clients that accept
 * neither encoding) is left to the Astro handler, which serves it as it is.
 */
import { type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files whose names carry a content hash: Astro's built assets and the widgets' chunks (see integration.ts). */
const HASHED = /\/(_astro|widgets\/chunks)\//;

/** Content types of the files worth compressing (images, fonts, WebAssembly and Pagefind's index are left alone). */
export const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Files smaller than this are sent as they are: compression would save less than a packet. */
const MIN_BYTES = 512;
/** Files larger than this are first compressed quickly, then at brotli's best quality in the background. */
const QUICK_ABOVE = 32 * 1024;
/** Compressed bytes kept in memory at most; the oldest files are dropped first. */
const CACHE_BYTES = 64 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (brotli, then gzip), honouring `;q=0`; undefined for neither. */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    if (name) q.set(name, Number.isNaN(value) ? 0 : value);
  }
  const weight = (name: Encoding) => q.get(name) ?? (q.get('*') || 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

interface Entry {
  /** Size and modification time of the file compressed, to notice a rebuild. */
  version: string;
  body: Promise<Buffer>;
  bytes: number;
}

/** The static file a request path names inside `root` (`/hub/find/` → `hub/find/index.html`), if it is one. */
function staticFile(root: string, urlPath: string): { path: string; stats: Stats } | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(root + sep)) return undefined;
  try {
    const stats = statSync(file);
    return stats.isFile() ? { path: file, stats } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns `serve(req, res)`, which answers the request with a compressed copy of a static file under `root` and
 * returns true, or returns false (having only added `Vary: Accept-Encoding` to a compressible file's response)
 * for the caller to serve it otherwise.
 */
export function compressedFiles(root: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const base = resolve(root);
  const cache = new Map<string, Entry>();
  let cached = 0;

  const compressed = (path: string, stats: Stats, encoding: Encoding): Promise<Buffer> => {
    const key = `${encoding}:${path}`;
    const version = `${stats.size}-${stats.mtimeMs}`;
    const hit = cache.get(key);
    if (hit?.version === version) return hit.body;
    if (hit) {
      cache.delete(key);
      cached -= hit.bytes;
    }
    const entry: Entry = { version, bytes: 0, body: Promise.resolve(Buffer.alloc(0)) };
    /** Counts a compressed copy in the cache (replacing `previous` bytes), dropping the oldest files past the limit. */
    const keep = (body: Buffer, previous = 0): Buffer => {
      if (cache.get(key) !== entry) return body;
      entry.bytes = body.length;
      cached += body.length - previous;
      for (const [old, e] of cache) {
        if (cached <= CACHE_BYTES) break;
        cache.delete(old);
        cached -= e.bytes;
      }
      return body;
    };
    entry.body = readFile(path).then(async (raw) => {
      if (encoding === 'gzip') return keep(await gzipAsync(raw, { level: 9 }));
      // Brotli's best quality takes about half a second for a large script: the first request gets a quick copy
      // and the best one replaces it when ready (the ETag is weak, so both copies share it).
      const best = () => brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
      if (raw.length <= QUICK_ABOVE) return keep(await best());
      const quick = keep(await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
      best().then(
        (body) => {
          if (cache.get(key) !== entry) return;
          const previous = entry.bytes;
          entry.body = Promise.resolve(body);
          keep(body, previous);
        },
        () => undefined,
      );
      return quick;
    });
    // A failure is not remembered: the next request tries again.
    entry.body.catch(() => cache.get(key) === entry && cache.delete(key));
    cache.set(key, entry);
    return entry.body;
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = staticFile(base, (req.url ?? '/').split('?')[0] ?? '/');
    const type = file && COMPRESSIBLE[extname(file.path)];
    if (!file || !type || file.stats.size < MIN_BYTES) return false;
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding || req.headers.range) return false;
    const etag = `W/"${file.stats.size.toString(16)}-${Math.floor(file.stats.mtimeMs).toString(16)}-${encoding}"`;
    // Built assets and widget chunks have content hashes in their names; everything else is checked on each visit.
    if (!res.hasHeader('Cache-Control'))
      res.setHeader('Cache-Control', HASHED.test(req.url ?? '') ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
    res.setHeader('ETag', etag);
    const tags = req.headers['if-none-match'];
    if (tags?.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      res.writeHead(304).end();
      return true;
    }
    const headers = { 'Content-Type': type, 'Content-Encoding': encoding, 'Last-Modified': file.stats.mtime.toUTCString() };
    compressed(file.path, file.stats, encoding).then(
      (body) => {
        res.writeHead(200, { ...headers, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal server error');
      },
    );
    return true;
  };
}
