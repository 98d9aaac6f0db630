import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createShareHandler, type ShareHandlerOptions, type ShareLogEntry } from '../src/handler.ts';
import { toNodeListener } from '../src/node.ts';
import { PostgresShareStore } from '../src/postgres-store.ts';
import { DEFAULT_SQLITE_FILE, SqliteShareStore } from '../src/sqlite-store.ts';
import type { ShareStore } from '../src/store.ts';
import type { PgCluster } from './pg-server.ts';

/** A share row as the database holds it, read without going through the store under test. */
export interface RawRow {
  id: string;
  ciphertext: Uint8Array | null;
  size: number;
  version: number;
  revoked: boolean;
}

/** One empty database (a SQLite folder or a PostgreSQL database) that stores can be opened on, again and again. */
export interface StoreLocation {
  open(now?: () => number): Promise<ShareStore>;
  /** Environment for `src/server.ts` to use this location. */
  serverEnv: Record<string, string>;
  rows(): Promise<RawRow[]>;
  /** The database's own consistency check: `[]` when sound. */
  integrityProblems(): Promise<string[]>;
  /** Folder holding the database files (SQLite only). */
  dataDir?: string;
  dispose(): void;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  newLocation(): Promise<StoreLocation>;
}

interface SqliteRow {
  id: string;
  ciphertext: Uint8Array | null;
  size: number;
  version: number;
  revoked_at: number | null;
}

export const sqliteKind: StoreKind = {
  name: 'sqlite',
  async newLocation() {
    const dataDir = join(mkdtempSync('/tmp/share-sqlite-'), 'data');
    const path = join(dataDir, DEFAULT_SQLITE_FILE);
    const query = <T>(run: (db: DatabaseSync) => T): T => {
      const db = new DatabaseSync(path);
      try {
        return run(db);
      } finally {
        db.close();
      }
    };
    return {
      dataDir,
      serverEnv: { SHARE_STORE: 'sqlite', SHARE_DATA_DIR: dataDir },
      open: (now) => SqliteShareStore.open({ dataDir, now }),
      async rows() {
        return query((db) =>
          (db.prepare('SELECT id, ciphertext, size, version, revoked_at FROM shares').all() as unknown as SqliteRow[]).map((row) => ({
            id: row.id,
            ciphertext: row.ciphertext,
            size: row.size,
            version: row.version,
            revoked: row.revoked_at !== null,
          })),
        );
      },
      async integrityProblems() {
        const results = query((db) => db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]);
        return results.map((row) => row.integrity_check).filter((line) => line !== 'ok');
      },
      dispose: () => rmSync(join(dataDir, '..'), { recursive: true, force: true }),
    };
  },
};

/** PostgreSQL locations, each a fresh database in the given cluster (read lazily: the cluster starts in a hook). */
export function postgresKind(cluster: () => PgCluster): StoreKind {
  return {
    name: 'postgres',
    async newLocation() {
      const url = await cluster().createDatabase();
      const query = async (text: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text)).rows;
        } finally {
          await client.end();
        }
      };
      return {
        serverEnv: { SHARE_STORE: 'postgres', DATABASE_URL: url },
        open: (now) => PostgresShareStore.open({ connectionString: url, now }),
        async rows() {
          const rows = await query('SELECT id, ciphertext, size, version, revoked_at FROM shares');
          return rows.map((row) => ({
            id: row.id,
            ciphertext: row.ciphertext ? new Uint8Array(row.ciphertext) : null,
            size: row.size,
            version: row.version,
            revoked: row.revoked_at !== null,
          }));
        },
        async integrityProblems() {
          // The table's CHECK constraint already forbids half-live rows; also compare sizes with the stored bytes.
          const rows = await query('SELECT id FROM shares WHERE size <> coalesce(octet_length(ciphertext), 0)');
          return rows.map((row) => `size mismatch in ${row.id}`);
        },
        dispose: () => {},
      };
    },
  };
}

export interface TestServer {
  /** The service's base URL, e.g. `http://127.0.0.1:40123/api/shares`. */
  base: string;
  origin: string;
  logs: ShareLogEntry[];
  close(): Promise<void>;
}

/** Serves a handler over real HTTP on 127.0.0.1 and a free port. Rate limits are off unless given. */
export async function serve(store: ShareStore, options: Partial<ShareHandlerOptions> = {}): Promise<TestServer> {
  const logs: ShareLogEntry[] = [];
  const handler = createShareHandler({ rateLimits: false, ...options, store, log: (entry) => logs.push(entry) });
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    base: `${origin}${options.basePath ?? '/api/shares'}`,
    origin,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON answers
  json: any;
}

/** Makes one request and reads the whole answer. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let json: unknown = null;
  if (response.headers.get('content-type')?.startsWith('application/json')) json = JSON.parse(new TextDecoder().decode(bytes));
  return { status: response.status, headers: response.headers, bytes, json };
}

export const OCTETS = { 'Content-Type': 'application/octet-stream' };

/** Creates a share through the API and returns what the owner keeps. */
export async function createVia(base: string, body: Uint8Array): Promise<{ id: string; ownerToken: string; etag: string }> {
  const answer = await call(base, { method: 'POST', headers: OCTETS, body });
  if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return { id: answer.json.id, ownerToken: answer.json.ownerToken, etag: answer.headers.get('etag')! };
}

export function owner(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

/** Random bytes whose first 32 bytes are the SHA-256 of the rest, so a torn or mixed-up copy is detectable. */
export function selfCheckingBlob(size: number): Uint8Array {
  const payload = randomBytes(Math.max(1, size - 32));
  const blob = new Uint8Array(32 + payload.byteLength);
  blob.set(createHash('sha256').update(payload).digest(), 0);
  blob.set(payload, 32);
  return blob;
}

export function isWholeBlob(blob: Uint8Array): boolean {
  if (blob.byteLength < 33) return false;
  const digest = createHash('sha256').update(blob.subarray(32)).digest();
  return Buffer.from(blob.subarray(0, 32)).equals(digest);
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Polls until `check` holds or the time runs out. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
