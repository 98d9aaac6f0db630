/** The server's brotli/gzip for built text files (server/compress.ts), through the same wrapper the server uses. */
import assert from 'node:assert/strict';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../server/compress.ts';
import { withHubHeaders } from '../server/start.ts';
import { tempDir } from './helpers.ts';

let dir: string;
let server: Server;
let origin: string;
const html = `<!doctype html><title>Find</title>${'<p>Walking group, lunch club, art club.</p>'.repeat(200)}`;
const script = `export const words = ${JSON.stringify('abc '.repeat(2000))};`;
const big = Array.from({ length: 3000 }, (_, i) => `export const v${i} = ${JSON.stringify(`value ${(i * 7919) % 1013} of ${i}`)};`).join('\n');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (fetch would decode the body and hide Content-Length). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

before(async () => {
  dir = await tempDir('compress');
  await mkdir(join(dir, 'town/find'), { recursive: true });
  await mkdir(join(dir, 'town/_astro'), { recursive: true });
  await writeFile(join(dir, 'town/find/index.html'), html);
  await writeFile(join(dir, 'town/_astro/card.abc123.js'), script);
  await writeFile(join(dir, 'town/feed.json'), JSON.stringify({ assets: Array.from({ length: 50 }, (_, i) => ({ id: `asset-${i}` })) }));
  await writeFile(join(dir, 'town/tiny.css'), 'p{margin:0}');
  await writeFile(join(dir, 'town/_astro/big.js'), big);
  await mkdir(join(dir, 'town/widgets/chunks'), { recursive: true });
  await writeFile(join(dir, 'town/widgets/chunks/define-ABC123.js'), script);
  await writeFile(join(dir, 'town/widgets/townhub.js'), script);
  await writeFile(join(dir, 'town/photo.png'), Buffer.alloc(4096, 7));
  // Everything the wrapper does not answer itself falls through to this stand-in for the Astro handler.
  server = createServer(withHubHeaders((req, res) => res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Fallback': '1' }).end(`fallback ${req.url}`), dir));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('compression', () => {
  test('chooses brotli, then gzip, honouring q-values', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding('gzip;q=0, br;q=0'), undefined);
    assert.equal(chooseEncoding(undefined), undefined);
  });

  test('serves a page with brotli, with Vary, the right length and type, and keeps the security headers', async () => {
    const reply = await get('/town/find/', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-encoding'], 'br');
    assert.equal(reply.headers.vary, 'Accept-Encoding');
    assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(Number(reply.headers['content-length']), reply.body.length);
    assert.ok(reply.body.length < html.length / 10, `${reply.body.length} bytes`);
    assert.equal(brotliDecompressSync(reply.body).toString(), html);
    assert.match(String(reply.headers['content-security-policy']), /script-src 'self'/);
  });

  test('serves gzip to clients without brotli; scripts under _astro are cached for good', async () => {
    const reply = await get('/town/_astro/card.abc123.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(reply.headers['content-encoding'], 'gzip');
    assert.equal(reply.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(Number(reply.headers['content-length']), reply.body.length);
    assert.equal(gunzipSync(reply.body).toString(), script);
  });

  test('widget chunks are cached for good, the widgets autoloader is checked on each visit', async () => {
    const chunk = await get('/town/widgets/chunks/define-ABC123.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const loader = await get('/town/widgets/townhub.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(loader.headers['cache-control'], 'public, max-age=0');
  });

  test('keeps the feed’s own headers', async () => {
    const reply = await get('/town/feed.json', { 'Accept-Encoding': 'br' });
    assert.equal(reply.headers['content-encoding'], 'br');
    assert.equal(reply.headers['access-control-allow-origin'], '*');
    assert.equal(reply.headers['cache-control'], 'public, max-age=300');
    assert.equal(JSON.parse(brotliDecompressSync(reply.body).toString()).assets.length, 50);
  });

  test('leaves identity requests, ranges, tiny files, images and unknown paths to the handler', async () => {
    const identity = await get('/town/find/');
    assert.equal(identity.headers['x-fallback'], '1');
    assert.equal(identity.headers.vary, 'Accept-Encoding');
    assert.equal(identity.headers['content-encoding'], undefined);
    for (const [path, headers] of [
      ['/town/find/', { 'Accept-Encoding': 'br', Range: 'bytes=0-10' }],
      ['/town/tiny.css', { 'Accept-Encoding': 'br' }],
      ['/town/photo.png', { 'Accept-Encoding': 'br' }],
      ['/town/missing/', { 'Accept-Encoding': 'br' }],
      ['/town/find', { 'Accept-Encoding': 'br' }],
      ['/town/%2e%2e/%2e%2e/etc/passwd', { 'Accept-Encoding': 'br' }],
    ] as const) {
      const reply = await get(path, headers);
      assert.equal(reply.headers['x-fallback'], '1', path);
      assert.equal(reply.headers['content-encoding'], undefined, path);
    }
  });

  test('answers HEAD with headers only, and If-None-Match with 304', async () => {
    const head = await get('/town/find/', { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(head.body.length, 0);
    assert.ok(Number(head.headers['content-length']) > 0);
    const etag = String(head.headers.etag);
    const again = await get('/town/find/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    // The gzip copy is a different representation with its own validator.
    assert.equal((await get('/town/find/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status, 200);
  });

  test('serves a large file at once, then its best compression, with the same validator', async () => {
    const first = await get('/town/_astro/big.js', { 'Accept-Encoding': 'br' });
    assert.equal(brotliDecompressSync(first.body).toString(), big);
    let later = first;
    for (let i = 0; i < 50 && later.body.length >= first.body.length; i++) {
      await new Promise((wait) => setTimeout(wait, 100));
      later = await get('/town/_astro/big.js', { 'Accept-Encoding': 'br' });
    }
    assert.ok(later.body.length < first.body.length, `${later.body.length} < ${first.body.length}`);
    assert.equal(Number(later.headers['content-length']), later.body.length);
    assert.equal(brotliDecompressSync(later.body).toString(), big);
    assert.equal(later.headers.etag, first.headers.etag);
  });

  test('notices a rebuilt file', async () => {
    const first = await get('/town/find/', { 'Accept-Encoding': 'br' });
    const changed = html.replace('Find', 'Found');
    await writeFile(join(dir, 'town/find/index.html'), changed);
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'town/find/index.html'), later, later);
    const second = await get('/town/find/', { 'Accept-Encoding': 'br' });
    assert.notEqual(second.headers.etag, first.headers.etag);
    assert.equal(brotliDecompressSync(second.body).toString(), changed);
  });
});
