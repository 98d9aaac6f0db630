import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { contractSuite } from './contract.ts';
import { call, createVia, OCTETS, owner, serve, sqliteKind } from './helpers.ts';

contractSuite(sqliteKind);

const MARKER = 'PLAINTEXT-MARKER-walk-to-the-allotment-on-tuesdays';

/** Every byte of the database folder (main file, WAL and shared memory), as Latin-1 text for searching. */
function databaseText(dataDir: string): string {
  return readdirSync(dataDir)
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n');
}

async function encrypt(key: CryptoKey, text: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  const blob = new Uint8Array(iv.byteLength + sealed.byteLength);
  blob.set(iv, 0);
  blob.set(sealed, iv.byteLength);
  return blob;
}

async function decrypt(key: CryptoKey, blob: Uint8Array<ArrayBuffer>): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.subarray(0, 12) }, key, blob.subarray(12));
  return new TextDecoder().decode(plain);
}

describe('sqlite database file', () => {
  it('holds no plaintext of an AES-GCM encrypted plan (and the search would find plaintext if it were there)', async () => {
    const place = await sqliteKind.newLocation();
    const control = await sqliteKind.newLocation();
    try {
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const plan = (step: string) => JSON.stringify({ title: 'My wellness plan', note: MARKER, steps: [step, 'Coffee morning at the library'] });
      const store = await place.open();
      const server = await serve(store);
      const share = await createVia(server.base, await encrypt(key, plan('Tai chi in the park')));
      const update = await call(`${server.base}/${share.id}`, {
        method: 'PUT',
        headers: owner(share.ownerToken, { ...OCTETS, 'If-Match': share.etag }),
        body: await encrypt(key, plan('Walking group, Thursdays')),
      });
      assert.equal(update.status, 200);
      const served = await call(`${server.base}/${share.id}`);
      assert.match(await decrypt(key, served.bytes), new RegExp(MARKER), 'the owner of the key reads the plan');
      assert.ok(existsSync(join(place.dataDir!, 'shares.sqlite-wal')), 'the database runs in WAL mode');
      assert.ok(!databaseText(place.dataDir!).includes(MARKER), 'no plaintext while running (main file + WAL)');
      await server.close();
      await store.close();
      assert.ok(!databaseText(place.dataDir!).includes(MARKER), 'no plaintext after shutdown');

      // Control: had the bytes been plaintext, the same search would have found them.
      const controlStore = await control.open();
      const controlServer = await serve(controlStore);
      await createVia(controlServer.base, new TextEncoder().encode(plan('x')));
      assert.ok(databaseText(control.dataDir!).includes(MARKER));
      await controlServer.close();
      await controlStore.close();
    } finally {
      place.dispose();
      control.dispose();
    }
  });

  it('is created with its folder on first start', async () => {
    const place = await sqliteKind.newLocation();
    try {
      assert.ok(!existsSync(place.dataDir!));
      const store = await place.open();
      await store.close();
      assert.ok(existsSync(join(place.dataDir!, 'shares.sqlite')));
    } finally {
      place.dispose();
    }
  });
});
