import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShare, fetchShare, revokeShare, updateShare } from '../src/client.ts';
import type { ShareStore } from '../src/store.ts';
import { type StoreLocation, serve, sqliteKind, type TestServer } from './helpers.ts';
import { freePort } from './pg-server.ts';

async function encrypt(key: CryptoKey, text: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  return new Uint8Array([...iv, ...sealed]);
}

async function decrypt(key: CryptoKey, blob: Uint8Array<ArrayBuffer>): Promise<string> {
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.subarray(0, 12) }, key, blob.subarray(12)));
}

describe('browser client against the real server', () => {
  let location: StoreLocation;
  let store: ShareStore;
  let server: TestServer;

  before(async () => {
    location = await sqliteKind.newLocation();
    store = await location.open();
    server = await serve(store);
  });

  after(async () => {
    await server?.close();
    await store?.close();
    location?.dispose();
  });

  it('creates, fetches, updates and revokes an encrypted plan', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const created = await createShare(server.base, await encrypt(key, 'plan v1'));
    assert.ok(created.ok);
    assert.equal(created.etag, '"1"');
    assert.match(created.ownerToken, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(Date.parse(created.expiresAt) > Date.parse(created.updatedAt));

    const first = await fetchShare(`${server.base}/`, created.id);
    assert.ok(first.ok && !first.unchanged);
    assert.equal(await decrypt(key, first.ciphertext as Uint8Array<ArrayBuffer>), 'plan v1');
    assert.ok(first.updatedAt && Math.abs(Date.parse(first.updatedAt) - Date.parse(created.updatedAt)) < 1000);

    const unchanged = await fetchShare(server.base, created.id, { ifNoneMatch: first.etag });
    assert.deepEqual(unchanged, { ok: true, unchanged: true, etag: '"1"' });

    const updated = await updateShare(server.base, created.id, created.ownerToken, first.etag, await encrypt(key, 'plan v2'));
    assert.ok(updated.ok);
    assert.equal(updated.etag, '"2"');

    const stale = await updateShare(server.base, created.id, created.ownerToken, first.etag, await encrypt(key, 'old tab'));
    assert.ok(!stale.ok);
    assert.equal(stale.reason, 'stale');
    assert.equal(stale.status, 412);
    assert.equal(stale.code, 'stale_etag');

    const second = await fetchShare(server.base, created.id, { ifNoneMatch: first.etag });
    assert.ok(second.ok && !second.unchanged);
    assert.equal(await decrypt(key, second.ciphertext as Uint8Array<ArrayBuffer>), 'plan v2');

    const forbidden = await revokeShare(server.base, created.id, 'x'.repeat(43));
    assert.ok(!forbidden.ok);
    assert.equal(forbidden.reason, 'forbidden');

    assert.deepEqual(await revokeShare(server.base, created.id, created.ownerToken), { ok: true });
    const gone = await fetchShare(server.base, created.id);
    assert.ok(!gone.ok);
    assert.equal(gone.reason, 'revoked');
    assert.equal(gone.status, 410);
    const updateGone = await updateShare(server.base, created.id, created.ownerToken, '"2"', new Uint8Array([1]));
    assert.ok(!updateGone.ok && updateGone.reason === 'revoked');
  });

  it('tells not-found, unauthorized, too-large and invalid apart', async () => {
    const missing = await fetchShare(server.base, 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.ok(!missing.ok);
    assert.equal(missing.reason, 'not-found');

    const created = await createShare(server.base, new Uint8Array([1, 2, 3]));
    assert.ok(created.ok);
    const unauthorized = await revokeShare(server.base, created.id, '');
    assert.ok(!unauthorized.ok);
    assert.equal(unauthorized.reason, 'unauthorized');

    const tooLarge = await createShare(server.base, new Uint8Array(256 * 1024 + 1));
    assert.ok(!tooLarge.ok);
    assert.equal(tooLarge.reason, 'too-large');

    const empty = await createShare(server.base, new Uint8Array(0));
    assert.ok(!empty.ok);
    assert.equal(empty.reason, 'invalid');
    assert.equal(empty.code, 'empty_body');
    assert.match(empty.message, /body/);
  });

  it('reports rate limiting with the wait, and an unreachable service as a network failure', async () => {
    const limited = await serve(store, {
      rateLimits: { read: { limit: 1, windowMs: 60_000 }, write: { limit: 1, windowMs: 60_000 }, create: { limit: 1, windowMs: 60_000 } },
    });
    try {
      assert.ok((await createShare(limited.base, new Uint8Array([1]))).ok);
      const refused = await createShare(limited.base, new Uint8Array([1]));
      assert.ok(!refused.ok);
      assert.equal(refused.reason, 'rate-limited');
      assert.ok(refused.retryAfterSeconds && refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 60);
    } finally {
      await limited.close();
    }
    const nobody = await fetchShare(`http://127.0.0.1:${await freePort()}/api/shares`, 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.ok(!nobody.ok);
    assert.equal(nobody.reason, 'network');
    assert.equal(nobody.status, 0);
  });
});
