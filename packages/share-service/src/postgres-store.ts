import pg from 'pg';
import type { NewShare, Replacement, ReplaceOutcome, RevokeOutcome, ShareLookup, ShareStore, StoredShare } from './store.ts';

export interface PostgresStoreOptions {
  /** A `postgres://` connection string. */
  connectionString: string;
  /** Most connections the pool opens. Default 10. */
  maxConnections?: number;
  /** Clock used for the purge on open. Default `Date.now`. */
  now?: () => number;
}

// Any constant shared by every instance: serialises the CREATE TABLE of instances starting together.
const SCHEMA_LOCK = 7_311_408_211;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  ciphertext BYTEA,
  size INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  owner_token_hash BYTEA,
  revoked_at BIGINT,
  CHECK ((revoked_at IS NULL AND ciphertext IS NOT NULL AND owner_token_hash IS NOT NULL)
      OR (revoked_at IS NOT NULL AND ciphertext IS NULL AND owner_token_hash IS NULL))
);
CREATE INDEX IF NOT EXISTS shares_expires_at ON shares (expires_at);
`;

interface Row {
  id: string;
  ciphertext: Buffer | null;
  size: number;
  version: number;
  // BIGINT arrives as a string; millisecond times stay well inside Number's exact range.
  created_at: string;
  updated_at: string;
  expires_at: string;
  owner_token_hash: Buffer | null;
  revoked_at: string | null;
}

const COLUMNS = 'id, ciphertext, size, version, created_at, updated_at, expires_at, owner_token_hash, revoked_at';

/**
 * The same contract over PostgreSQL, for deployments that run several hub servers. Every write is one statement
 * (its own transaction), so a killed server leaves no half-written share; conditional updates are atomic across servers.
 */
export class PostgresShareStore implements ShareStore {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects, creates the table if needed and purges expired shares. */
  static async open(options: PostgresStoreOptions): Promise<PostgresShareStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
    // An idle client losing its server must not crash the process; the next query reports the problem.
    pool.on('error', () => {});
    const store = new PostgresShareStore(pool);
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      await store.purgeExpired((options.now ?? Date.now)());
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return store;
  }

  async create(share: NewShare): Promise<StoredShare> {
    const { rows } = await this.#pool.query<Row>(`INSERT INTO shares (${COLUMNS}) VALUES ($1, $2, $3, 1, $4, $4, $5, $6, NULL) RETURNING ${COLUMNS}`, [
      share.id,
      toBuffer(share.ciphertext),
      share.ciphertext.byteLength,
      share.now,
      share.expiresAt,
      toBuffer(share.ownerTokenHash),
    ]);
    const row = rows[0];
    if (!row) throw new Error('Share insert returned no row');
    return toShare(row);
  }

  async get(id: string, now: number): Promise<ShareLookup> {
    return toLookup(await this.#select(id), now);
  }

  async replace(replacement: Replacement): Promise<ReplaceOutcome> {
    const { rows } = await this.#pool.query<Row>(
      `UPDATE shares SET ciphertext = $1, size = $2, version = version + 1, updated_at = $3, expires_at = $4
       WHERE id = $5 AND version = $6 AND revoked_at IS NULL AND expires_at > $3 RETURNING ${COLUMNS}`,
      [
        toBuffer(replacement.ciphertext),
        replacement.ciphertext.byteLength,
        replacement.now,
        replacement.expiresAt,
        replacement.id,
        replacement.expectedVersion,
      ],
    );
    const row = rows[0];
    if (row) return { state: 'replaced', share: toShare(row) };
    const current = toLookup(await this.#select(replacement.id), replacement.now);
    if (current.state === 'live') return { state: 'stale', currentVersion: current.share.version };
    return current;
  }

  async revoke(id: string, now: number): Promise<RevokeOutcome> {
    const { rowCount } = await this.#pool.query(
      `UPDATE shares SET ciphertext = NULL, owner_token_hash = NULL, size = 0, revoked_at = $2, updated_at = $2
       WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [id, now],
    );
    if (rowCount === 1) return { state: 'revoked' };
    const current = toLookup(await this.#select(id), now);
    return current.state === 'revoked' ? { state: 'already-revoked', revokedAt: current.revokedAt } : { state: 'missing' };
  }

  async purgeExpired(now: number): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM shares WHERE expires_at <= $1', [now]);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }

  async #select(id: string): Promise<Row | undefined> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${COLUMNS} FROM shares WHERE id = $1`, [id]);
    return rows[0];
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toShare(row: Row): StoredShare {
  if (!row.ciphertext || !row.owner_token_hash) throw new Error('Expected a live share row');
  return {
    id: row.id,
    ciphertext: new Uint8Array(row.ciphertext.buffer, row.ciphertext.byteOffset, row.ciphertext.byteLength),
    size: row.size,
    version: row.version,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    expiresAt: Number(row.expires_at),
    ownerTokenHash: new Uint8Array(row.owner_token_hash.buffer, row.owner_token_hash.byteOffset, row.owner_token_hash.byteLength),
  };
}

function toLookup(row: Row | undefined, now: number): ShareLookup {
  if (!row || Number(row.expires_at) <= now) return { state: 'missing' };
  if (row.revoked_at !== null) return { state: 'revoked', revokedAt: Number(row.revoked_at) };
  return { state: 'live', share: toShare(row) };
}
