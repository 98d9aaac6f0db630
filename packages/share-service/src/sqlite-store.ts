import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { NewShare, Replacement, ReplaceOutcome, RevokeOutcome, ShareLookup, ShareStore, StoredShare } from './store.ts';

export interface SqliteStoreOptions {
  /** Folder for the database file; created (mode 0700) on first start. */
  dataDir: string;
  /** Database file name inside `dataDir`. Default `shares.sqlite`. */
  fileName?: string;
  /** Clock used for the purge on open. Default `Date.now`. */
  now?: () => number;
}

/** Name of the database file used when none is given. */
export const DEFAULT_SQLITE_FILE = 'shares.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  ciphertext BLOB,
  size INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  owner_token_hash BLOB,
  revoked_at INTEGER,
  CHECK ((revoked_at IS NULL AND ciphertext IS NOT NULL AND owner_token_hash IS NOT NULL)
      OR (revoked_at IS NOT NULL AND ciphertext IS NULL AND owner_token_hash IS NULL))
) STRICT;
CREATE INDEX IF NOT EXISTS shares_expires_at ON shares (expires_at);
`;

interface Row {
  id: string;
  ciphertext: Uint8Array | null;
  size: number;
  version: number;
  created_at: number;
  updated_at: number;
  expires_at: number;
  owner_token_hash: Uint8Array | null;
  revoked_at: number | null;
}

const COLUMNS = 'id, ciphertext, size, version, created_at, updated_at, expires_at, owner_token_hash, revoked_at';

/**
 * The default store: one `node:sqlite` database file in WAL mode. Each write is a single statement, so SQLite's
 * journal makes it all-or-nothing even if the process is killed mid-write; `synchronous = FULL` makes an acknowledged
 * write survive power loss too, and `secure_delete` overwrites the pages of replaced or revoked ciphertext.
 */
export class SqliteShareStore implements ShareStore {
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #select: StatementSync;
  readonly #replace: StatementSync;
  readonly #revoke: StatementSync;
  readonly #purge: StatementSync;

  private constructor(path: string) {
    this.path = path;
    this.#db = new DatabaseSync(path, { timeout: 5000 });
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
    this.#db.exec(SCHEMA);
    this.#insert = this.#db.prepare(
      `INSERT INTO shares (${COLUMNS}) VALUES (:id, :ciphertext, :size, 1, :now, :now, :expiresAt, :ownerTokenHash, NULL) RETURNING ${COLUMNS}`,
    );
    this.#select = this.#db.prepare(`SELECT ${COLUMNS} FROM shares WHERE id = ?`);
    // One conditional statement, so a concurrent writer (another process on the same file) cannot slip in between.
    this.#replace = this.#db.prepare(
      `UPDATE shares SET ciphertext = :ciphertext, size = :size, version = version + 1, updated_at = :now, expires_at = :expiresAt
       WHERE id = :id AND version = :expectedVersion AND revoked_at IS NULL AND expires_at > :now RETURNING ${COLUMNS}`,
    );
    this.#revoke = this.#db.prepare(
      `UPDATE shares SET ciphertext = NULL, owner_token_hash = NULL, size = 0, revoked_at = :now, updated_at = :now
       WHERE id = :id AND revoked_at IS NULL AND expires_at > :now`,
    );
    this.#purge = this.#db.prepare('DELETE FROM shares WHERE expires_at <= ?');
  }

  /** Opens (creating if needed) the database in `options.dataDir` and purges expired shares. */
  static async open(options: SqliteStoreOptions): Promise<SqliteShareStore> {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const store = new SqliteShareStore(join(options.dataDir, options.fileName ?? DEFAULT_SQLITE_FILE));
    await store.purgeExpired((options.now ?? Date.now)());
    return store;
  }

  async create(share: NewShare): Promise<StoredShare> {
    const row = this.#insert.get({
      id: share.id,
      ciphertext: share.ciphertext,
      size: share.ciphertext.byteLength,
      now: share.now,
      expiresAt: share.expiresAt,
      ownerTokenHash: share.ownerTokenHash,
    }) as Row | undefined;
    if (!row) throw new Error('Share insert returned no row');
    return toShare(row);
  }

  async get(id: string, now: number): Promise<ShareLookup> {
    return toLookup(this.#select.get(id) as Row | undefined, now);
  }

  async replace(replacement: Replacement): Promise<ReplaceOutcome> {
    const params: Record<string, SQLInputValue> = {
      id: replacement.id,
      ciphertext: replacement.ciphertext,
      size: replacement.ciphertext.byteLength,
      now: replacement.now,
      expiresAt: replacement.expiresAt,
      expectedVersion: replacement.expectedVersion,
    };
    const row = this.#replace.get(params) as Row | undefined;
    if (row) return { state: 'replaced', share: toShare(row) };
    const current = toLookup(this.#select.get(replacement.id) as Row | undefined, replacement.now);
    if (current.state === 'live') return { state: 'stale', currentVersion: current.share.version };
    return current;
  }

  async revoke(id: string, now: number): Promise<RevokeOutcome> {
    if (Number(this.#revoke.run({ id, now }).changes) === 1) return { state: 'revoked' };
    const current = toLookup(this.#select.get(id) as Row | undefined, now);
    return current.state === 'revoked' ? { state: 'already-revoked', revokedAt: current.revokedAt } : { state: 'missing' };
  }

  async purgeExpired(now: number): Promise<number> {
    return Number(this.#purge.run(now).changes);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  /** Runs SQLite's own consistency check; `['ok']` when the file is sound. Used by the crash tests. */
  integrityCheck(): string[] {
    return (this.#db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((row) => row.integrity_check);
  }
}

function toShare(row: Row): StoredShare {
  if (!row.ciphertext || !row.owner_token_hash) throw new Error('Expected a live share row');
  return {
    id: row.id,
    ciphertext: row.ciphertext,
    size: row.size,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    ownerTokenHash: row.owner_token_hash,
  };
}

function toLookup(row: Row | undefined, now: number): ShareLookup {
  if (!row || row.expires_at <= now) return { state: 'missing' };
  if (row.revoked_at !== null) return { state: 'revoked', revokedAt: row.revoked_at };
  return { state: 'live', share: toShare(row) };
}
