/**
 * The share service contract, run against each store through a real HTTP server on loopback.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ShareStore } from '../src/store.ts';
import {
  call,
  createVia,
  digestOf,
  eventually,
  isWholeBlob,
  OCTETS,
  owner,
  type StoreKind,
  type StoreLocation,
  selfCheckingBlob,
  serve,
  type TestServer,
} from './helpers.ts';

const COUNCIL = 'https://council.example';
const DAY = 24 * 60 * 60 * 1000;
const SERVER_SCRIPT = fileURLToPath(new URL('../src/server.ts', import.meta.url));

export function contractSuite(kind: StoreKind): void {
  describe(`share service contract (${kind.name})`, () => {
    let location: StoreLocation;
    let store: ShareStore;
    let server: TestServer;

    before(async () => {
      location = await kind.newLocation();
      store = await location.open();
      server = await serve(store, { allowedOrigins: [COUNCIL] });
    });

    after(async () => {
      await server?.close();
      await store?.close();
      location?.dispose();
    });

    it('POST stores the bytes and answers 201 with id, owner token, ETag and Location', async () => {
      const body = selfCheckingBlob(2000);
      const answer = await call(server.base, { method: 'POST', headers: OCTETS, body });
      assert.equal(answer.status, 201);
      assert.match(answer.json.id, /^[A-Za-z0-9_-]{22}$/);
      assert.match(answer.json.ownerToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(answer.json.size, 2000);
      assert.equal(answer.headers.get('etag'), '"1"');
      assert.equal(answer.headers.get('location'), `/api/shares/${answer.json.id}`);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.ok(Date.parse(answer.json.expiresAt) - Date.parse(answer.json.updatedAt) === 90 * DAY, 'default expiry is 90 days');

      const read = await call(`${server.base}/${answer.json.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.bytes, body);
      assert.equal(read.headers.get('etag'), '"1"');
      assert.equal(read.headers.get('content-type'), 'application/octet-stream');
      assert.equal(read.headers.get('cache-control'), 'no-store');
      assert.ok(read.headers.get('last-modified'));
    });

    it('gives every share its own id and token', async () => {
      const a = await createVia(server.base, selfCheckingBlob(100));
      const b = await createVia(server.base, selfCheckingBlob(100));
      assert.notEqual(a.id, b.id);
      assert.notEqual(a.ownerToken, b.ownerToken);
    });

    it('GET answers 404 for an unknown id, 400 for a malformed one, and supports HEAD and If-None-Match', async () => {
      const unknown = await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.json.error.code, 'not_found');
      assert.equal(typeof unknown.json.error.message, 'string');
      assert.equal(unknown.headers.get('cache-control'), 'no-store');

      const malformed = await call(`${server.base}/not-an-id`);
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json.error.code, 'invalid_id');

      const share = await createVia(server.base, selfCheckingBlob(500));
      const head = await call(`${server.base}/${share.id}`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.bytes.byteLength, 0);
      assert.equal(head.headers.get('etag'), '"1"');
      const unchanged = await call(`${server.base}/${share.id}`, { headers: { 'If-None-Match': '"1"' } });
      assert.equal(unchanged.status, 304);
      assert.equal(unchanged.bytes.byteLength, 0);
    });

    it('answers 404 for paths outside the service and 405 (with Allow) for wrong methods', async () => {
      const outside = await call(`${server.origin}/api/other`);
      assert.equal(outside.status, 404);
      assert.equal(outside.json.error.code, 'no_route');
      const deeper = await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA/extra`);
      assert.equal(deeper.status, 404);
      const listAll = await call(server.base);
      assert.equal(listAll.status, 405);
      assert.equal(listAll.headers.get('allow'), 'POST, OPTIONS');
      const postToItem = await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST', headers: OCTETS, body: 'x' });
      assert.equal(postToItem.status, 405);
      assert.equal(postToItem.headers.get('allow'), 'GET, HEAD, PUT, DELETE, OPTIONS');
      const patch = await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'PATCH' });
      assert.equal(patch.status, 405);
      assert.equal(patch.json.error.code, 'method_not_allowed');
    });

    it('POST validates the body: content type 415, empty 400, over the cap 413 (declared or streamed), at the cap 201', async () => {
      const json = await call(server.base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(json.status, 415);
      assert.equal(json.json.error.code, 'unsupported_media_type');
      const encoded = await call(server.base, { method: 'POST', headers: { ...OCTETS, 'Content-Encoding': 'gzip' }, body: 'x' });
      assert.equal(encoded.status, 415);
      const empty = await call(server.base, { method: 'POST', headers: OCTETS, body: new Uint8Array(0) });
      assert.equal(empty.status, 400);
      assert.equal(empty.json.error.code, 'empty_body');

      const tooBig = await call(server.base, { method: 'POST', headers: OCTETS, body: new Uint8Array(256 * 1024 + 1) });
      assert.equal(tooBig.status, 413);
      assert.equal(tooBig.json.error.code, 'too_large');

      // Streamed without Content-Length: the cap must hold while reading.
      const chunk = new Uint8Array(16 * 1024);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 320 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const streamed = await call(server.base, { method: 'POST', headers: OCTETS, body: stream, duplex: 'half' } as RequestInit);
      assert.equal(streamed.status, 413);

      const atCap = await call(server.base, { method: 'POST', headers: OCTETS, body: selfCheckingBlob(256 * 1024) });
      assert.equal(atCap.status, 201);
      const stored = await call(`${server.base}/${atCap.json.id}`);
      assert.equal(stored.bytes.byteLength, 256 * 1024);
      assert.ok(isWholeBlob(stored.bytes));
    });

    it('PUT replaces with the owner token and the current ETag, and rejects a stale ETag with 412', async () => {
      const share = await createVia(server.base, selfCheckingBlob(300));
      const second = selfCheckingBlob(400);
      const updated = await call(`${server.base}/${share.id}`, {
        method: 'PUT',
        headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': share.etag }),
        body: second,
      });
      assert.equal(updated.status, 200);
      assert.equal(updated.headers.get('etag'), '"2"');
      assert.equal(updated.json.size, 400);
      assert.ok(Date.parse(updated.json.updatedAt) >= Date.parse(updated.json.createdAt));

      const read = await call(`${server.base}/${share.id}`);
      assert.deepEqual(read.bytes, second);
      assert.equal(read.headers.get('etag'), '"2"');

      const staleTab = await call(`${server.base}/${share.id}`, {
        method: 'PUT',
        headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': share.etag }),
        body: selfCheckingBlob(100),
      });
      assert.equal(staleTab.status, 412);
      assert.equal(staleTab.json.error.code, 'stale_etag');
      assert.deepEqual((await call(`${server.base}/${share.id}`)).bytes, second, 'a stale write changes nothing');
    });

    it('PUT lets exactly one of several concurrent writers with the same ETag win', async () => {
      const share = await createVia(server.base, selfCheckingBlob(300));
      const attempts = await Promise.all(
        Array.from({ length: 6 }, () =>
          call(`${server.base}/${share.id}`, {
            method: 'PUT',
            headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': '"1"' }),
            body: selfCheckingBlob(1000),
          }),
        ),
      );
      assert.deepEqual(attempts.map((attempt) => attempt.status).sort(), [200, 412, 412, 412, 412, 412]);
      assert.equal((await call(`${server.base}/${share.id}`)).headers.get('etag'), '"2"');
    });

    it('PUT errors: 401 without a token, 403 with a wrong or malformed one, 428 without If-Match, 400 for a bad If-Match, 404, 413, 415', async () => {
      const share = await createVia(server.base, selfCheckingBlob(300));
      const other = await createVia(server.base, selfCheckingBlob(300));
      const url = `${server.base}/${share.id}`;
      const put = (headers: Record<string, string>, body: RequestInit['body'] = selfCheckingBlob(100)) => call(url, { method: 'PUT', headers, body });

      const noToken = await put({ ...OCTETS, 'If-Match': '"1"' });
      assert.equal(noToken.status, 401);
      assert.equal(noToken.json.error.code, 'missing_token');
      assert.match(noToken.headers.get('www-authenticate') ?? '', /^Bearer/);
      const basic = await put({ ...OCTETS, 'If-Match': '"1"', Authorization: 'Basic dXNlcjpwYXNz' });
      assert.equal(basic.status, 401);

      const wrong = await put(owner(other.ownerToken, { ...OCTETS, 'If-Match': '"1"' }));
      assert.equal(wrong.status, 403);
      assert.equal(wrong.json.error.code, 'wrong_token');
      const malformed = await put(owner('short', { ...OCTETS, 'If-Match': '"1"' }));
      assert.equal(malformed.status, 403);

      const noIfMatch = await put(owner(share.ownerToken, OCTETS));
      assert.equal(noIfMatch.status, 428);
      assert.equal(noIfMatch.json.error.code, 'if_match_required');
      for (const ifMatch of ['*', 'W/"1"', '1', '"1", "2"']) {
        const bad = await put(owner(share.ownerToken, { ...OCTETS, 'If-Match': ifMatch }));
        assert.equal(bad.status, 400, `If-Match ${ifMatch}`);
        assert.equal(bad.json.error.code, 'invalid_if_match');
      }

      const unknown = await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA`, {
        method: 'PUT',
        headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': '"1"' }),
        body: selfCheckingBlob(100),
      });
      assert.equal(unknown.status, 404);

      const wrongType = await put(owner(share.ownerToken, { 'Content-Type': 'text/plain', 'If-Match': '"1"' }));
      assert.equal(wrongType.status, 415);
      const tooBig = await put(owner(share.ownerToken, { ...OCTETS, 'If-Match': '"1"' }), new Uint8Array(256 * 1024 + 1));
      assert.equal(tooBig.status, 413);
      const empty = await put(owner(share.ownerToken, { ...OCTETS, 'If-Match': '"1"' }), new Uint8Array(0));
      assert.equal(empty.status, 400);

      assert.equal((await call(url)).headers.get('etag'), '"1"', 'no refused request changed the share');
    });

    it('DELETE revokes with the owner token; later GET, PUT and DELETE answer 410', async () => {
      const share = await createVia(server.base, selfCheckingBlob(300));
      const url = `${server.base}/${share.id}`;
      assert.equal((await call(url, { method: 'DELETE' })).status, 401);
      const other = await createVia(server.base, selfCheckingBlob(300));
      assert.equal((await call(url, { method: 'DELETE', headers: owner(other.ownerToken) })).status, 403);
      assert.equal((await call(`${server.base}/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'DELETE', headers: owner(share.ownerToken) })).status, 404);

      const revoked = await call(url, { method: 'DELETE', headers: owner(share.ownerToken) });
      assert.equal(revoked.status, 204);

      const read = await call(url);
      assert.equal(read.status, 410);
      assert.equal(read.json.error.code, 'revoked');
      const put = await call(url, { method: 'PUT', headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': '"1"' }), body: selfCheckingBlob(100) });
      assert.equal(put.status, 410);
      assert.equal((await call(url, { method: 'DELETE', headers: owner(share.ownerToken) })).status, 410);

      const row = (await location.rows()).find((candidate) => candidate.id === share.id);
      assert.ok(row?.revoked, 'a tombstone remains');
      assert.equal(row.ciphertext, null, 'the revoked ciphertext is gone from the database');
    });

    it('CORS: configured and own origins are allowed (with preflight); others get 403 and no CORS headers', async () => {
      const preflight = await call(server.base, {
        method: 'OPTIONS',
        headers: { Origin: COUNCIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), COUNCIL);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/);
      assert.match(preflight.headers.get('vary') ?? '', /Origin/);

      const created = await call(server.base, { method: 'POST', headers: { ...OCTETS, Origin: COUNCIL }, body: selfCheckingBlob(100) });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('access-control-allow-origin'), COUNCIL);
      assert.match(created.headers.get('access-control-expose-headers') ?? '', /ETag/);

      const own = await call(server.base, { method: 'POST', headers: { ...OCTETS, Origin: server.origin }, body: selfCheckingBlob(100) });
      assert.equal(own.status, 201);

      for (const method of ['OPTIONS', 'GET']) {
        const foreign = await call(`${server.base}/${created.json.id}`, { method, headers: { Origin: 'https://elsewhere.example' } });
        assert.equal(foreign.status, 403, method);
        assert.equal(foreign.json.error.code, 'origin_not_allowed');
        assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      }
      const noOrigin = await call(`${server.base}/${created.json.id}`);
      assert.equal(noOrigin.status, 200);
      assert.equal(noOrigin.headers.get('access-control-allow-origin'), null);
    });

    it('logs carry no ids, tokens or bodies', async () => {
      const body = new TextEncoder().encode('LOGGED-BODY-MARKER');
      const share = await createVia(server.base, body);
      await call(`${server.base}/${share.id}`);
      await call(`${server.base}/${share.id}`, { method: 'PUT', headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': '"9"' }), body });
      const text = JSON.stringify(server.logs);
      assert.ok(server.logs.length > 3);
      for (const secret of [share.id, share.ownerToken, 'LOGGED-BODY-MARKER', '127.0.0.1']) assert.ok(!text.includes(secret), `log holds ${secret}`);
    });

    it('rate limits per address with 429 and Retry-After, and lets the address back in after the window', async () => {
      let clock = Date.UTC(2026, 0, 1);
      const limited = await serve(store, {
        now: () => clock,
        rateLimits: { read: { limit: 5, windowMs: 60_000 }, write: { limit: 2, windowMs: 60_000 }, create: { limit: 3, windowMs: 3_600_000 } },
      });
      try {
        for (let index = 0; index < 3; index += 1) assert.equal((await call(limited.base, { method: 'POST', headers: OCTETS, body: 'x' })).status, 201);
        const refused = await call(limited.base, { method: 'POST', headers: OCTETS, body: 'x' });
        assert.equal(refused.status, 429);
        assert.equal(refused.json.error.code, 'rate_limited');
        assert.equal(refused.headers.get('retry-after'), '3600');
        // Reads have their own budget.
        assert.equal((await call(`${limited.base}/AAAAAAAAAAAAAAAAAAAAAA`)).status, 404);
        clock += 30 * 60_000;
        assert.equal((await call(limited.base, { method: 'POST', headers: OCTETS, body: 'x' })).headers.get('retry-after'), '1800');
        clock += 30 * 60_000;
        assert.equal((await call(limited.base, { method: 'POST', headers: OCTETS, body: 'x' })).status, 201);
      } finally {
        await limited.close();
      }
    });

    it('keeps shares across a restart (same database, new store and server)', async () => {
      const place = await kind.newLocation();
      try {
        let first = await place.open();
        let running = await serve(first);
        const share = await createVia(running.base, selfCheckingBlob(700));
        const latest = selfCheckingBlob(900);
        const update = await call(`${running.base}/${share.id}`, {
          method: 'PUT',
          headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': share.etag }),
          body: latest,
        });
        assert.equal(update.status, 200);
        const revoked = await createVia(running.base, selfCheckingBlob(100));
        assert.equal((await call(`${running.base}/${revoked.id}`, { method: 'DELETE', headers: owner(revoked.ownerToken) })).status, 204);
        await running.close();
        await first.close();

        first = await place.open();
        running = await serve(first);
        try {
          const read = await call(`${running.base}/${share.id}`);
          assert.equal(read.status, 200);
          assert.deepEqual(read.bytes, latest);
          assert.equal(read.headers.get('etag'), '"2"');
          assert.equal((await call(`${running.base}/${revoked.id}`)).status, 410);
          const again = await call(`${running.base}/${share.id}`, {
            method: 'PUT',
            headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': '"2"' }),
            body: selfCheckingBlob(100),
          });
          assert.equal(again.status, 200, 'the owner token still works after the restart');
        } finally {
          await running.close();
          await first.close();
        }
      } finally {
        place.dispose();
      }
    });

    it('expires shares after 90 days unless updated, and purges expired shares and tombstones (periodically and on open)', async () => {
      const place = await kind.newLocation();
      let clock = Date.UTC(2026, 0, 1);
      const now = () => clock;
      let purgeStore = await place.open(now);
      const running = await serve(purgeStore, { now, purgeIntervalMs: DAY });
      try {
        const stale = await createVia(running.base, selfCheckingBlob(100));
        const kept = await createVia(running.base, selfCheckingBlob(100));
        const revoked = await createVia(running.base, selfCheckingBlob(100));
        assert.equal((await call(`${running.base}/${revoked.id}`, { method: 'DELETE', headers: owner(revoked.ownerToken) })).status, 204);

        clock += 80 * DAY;
        const renewed = await call(`${running.base}/${kept.id}`, {
          method: 'PUT',
          headers: owner(kept.ownerToken, { ...OCTETS, 'If-Match': kept.etag }),
          body: selfCheckingBlob(100),
        });
        assert.equal(renewed.status, 200);
        assert.equal(Date.parse(renewed.json.expiresAt), clock + 90 * DAY, 'an update renews the expiry');
        await eventually(async () => running.logs.some((entry) => entry.kind === 'purge'));

        clock += 11 * DAY; // 91 days after creation
        assert.equal((await call(`${running.base}/${stale.id}`)).status, 404, 'expired shares read as not found at once');
        assert.equal((await call(`${running.base}/${kept.id}`)).status, 200);
        // That request was past the purge interval, so a purge is under way.
        await eventually(async () => (await place.rows()).length === 1);
        assert.deepEqual(
          (await place.rows()).map((row) => row.id),
          [kept.id],
        );

        await running.close();
        await purgeStore.close();
        clock += 90 * DAY;
        purgeStore = await place.open(now);
        assert.deepEqual(await place.rows(), [], 'opening the store purges what expired while it was closed');
      } finally {
        await running.close();
        await purgeStore.close();
        place.dispose();
      }
    });

    it('survives kill -9 during a stream of writes (3 rounds): every share is complete or absent, every acknowledged write kept', async () => {
      const place = await kind.newLocation();
      const history: WriteHistory = { shares: new Map(), createsInFlight: new Set() };
      try {
        for (let round = 0; round < 3; round += 1) {
          const output = await killDuringWrites(place, history);
          const reopened = await place.open();
          await reopened.close();
          await verifyAfterCrash(place, history);
          for (const [id, record] of history.shares) {
            assert.ok(!output.includes(id) && !output.includes(record.ownerToken), 'server output holds no ids or tokens');
          }
          assert.match(output, /"kind":"request"/, 'the server did log requests');
        }
      } finally {
        place.dispose();
      }
    });
  });
}

/** Per share: the digest of each version sent, and the highest version the server acknowledged. */
interface WriteHistory {
  shares: Map<string, { ownerToken: string; digests: string[]; acked: number }>;
  /** Digests of creates whose 201 never arrived (they may or may not have been committed). */
  createsInFlight: Set<string>;
}

/** Starts `src/server.ts` as a child, runs six writers (a create then three updates, over and over), kills it with SIGKILL. */
async function killDuringWrites(place: StoreLocation, history: WriteHistory): Promise<string> {
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env: { ...process.env, ...place.serverEnv, PORT: '0', HOST: '127.0.0.1', SHARE_RATE_LIMIT: 'off', SHARE_LOG: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    const base = await waitForListening(child, () => output);
    let acknowledged = 0;
    let killed = false;
    const blob = () => selfCheckingBlob(16 * 1024 + Math.floor(Math.random() * 200 * 1024));
    const writer = async (): Promise<void> => {
      while (!killed) {
        try {
          const first = blob();
          history.createsInFlight.add(digestOf(first));
          const created = await createVia(base, first);
          history.createsInFlight.delete(digestOf(first));
          const record = { ownerToken: created.ownerToken, digests: [digestOf(first)], acked: 1 };
          history.shares.set(created.id, record);
          acknowledged += 1;
          for (let version = 1; version <= 3 && !killed; version += 1) {
            const next = blob();
            record.digests.push(digestOf(next));
            const answer = await call(`${base}/${created.id}`, {
              method: 'PUT',
              headers: owner(created.ownerToken, { ...OCTETS, 'If-Match': `"${version}"` }),
              body: next,
            });
            assert.equal(answer.status, 200);
            record.acked = version + 1;
            acknowledged += 1;
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    await eventually(async () => acknowledged >= 40, 30_000);
    killed = true;
    child.kill('SIGKILL');
    await Promise.allSettled(writers);
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    assert.equal(child.signalCode, 'SIGKILL');
    return output;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

async function verifyAfterCrash(place: StoreLocation, history: WriteHistory): Promise<void> {
  assert.deepEqual(await place.integrityProblems(), []);
  const rows = await place.rows();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of rows) {
    assert.ok(row.ciphertext, 'no share was revoked in this run');
    assert.ok(isWholeBlob(row.ciphertext), `share ${row.id} is whole`);
    assert.equal(row.size, row.ciphertext.byteLength);
    const record = history.shares.get(row.id);
    if (record) {
      assert.equal(digestOf(row.ciphertext), record.digests[row.version - 1], 'the stored bytes are the version the row claims');
    } else {
      assert.ok(history.createsInFlight.has(digestOf(row.ciphertext)), 'an unknown share is a create that was in flight');
      assert.equal(row.version, 1);
    }
  }
  for (const [id, record] of history.shares) {
    const row = byId.get(id);
    assert.ok(row, 'an acknowledged share survives');
    assert.ok(row.version >= record.acked, 'an acknowledged update survives');
  }
}

/** Waits for the server's "listening on" line and returns its base URL. */
function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (\S+)/.exec(output());
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited early: ${output()}`));
      }
    }, 20);
  });
}
