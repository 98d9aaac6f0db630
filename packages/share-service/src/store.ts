/**
 * The storage contract behind the share service. A store keeps, per share, only the ciphertext, its size, the
 * created/updated/expiry times, a version counter (the ETag) and a SHA-256 hash of the owner token. A revoked share
 * becomes a tombstone (no ciphertext, no token hash) until its expiry time, so readers can be told it was withdrawn.
 *
 * Times are milliseconds since the Unix epoch and always come from the caller, so a clock can be injected.
 */

/** A live share as stored. */
export interface StoredShare {
  id: string;
  ciphertext: Uint8Array;
  size: number;
  /** Starts at 1 and grows by one on every replacement; the handler turns it into the ETag. */
  version: number;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  /** SHA-256 of the owner token (32 bytes). */
  ownerTokenHash: Uint8Array;
}

/** What a lookup found. Expired shares read as missing even before they are purged. */
export type ShareLookup = { state: 'live'; share: StoredShare } | { state: 'revoked'; revokedAt: number } | { state: 'missing' };

/** The outcome of a conditional replacement. */
export type ReplaceOutcome =
  | { state: 'replaced'; share: StoredShare }
  | { state: 'stale'; currentVersion: number }
  | { state: 'revoked'; revokedAt: number }
  | { state: 'missing' };

/** The outcome of a revocation. */
export type RevokeOutcome = { state: 'revoked' } | { state: 'already-revoked'; revokedAt: number } | { state: 'missing' };

export interface NewShare {
  id: string;
  ciphertext: Uint8Array;
  ownerTokenHash: Uint8Array;
  now: number;
  expiresAt: number;
}

export interface Replacement {
  id: string;
  /** The version the writer last saw; the replacement happens only if it is still current. */
  expectedVersion: number;
  ciphertext: Uint8Array;
  now: number;
  /** The renewed expiry time. */
  expiresAt: number;
}

/** Storage for encrypted shares. Every write is atomic: after a crash a share is either complete or absent. */
export interface ShareStore {
  /** Stores a new share at version 1. Rejects if the id already exists (ids are 128-bit random, so this means a bug). */
  create(share: NewShare): Promise<StoredShare>;
  /** Looks a share up as of `now`. */
  get(id: string, now: number): Promise<ShareLookup>;
  /** Replaces the ciphertext only if the share is live and still at `expectedVersion`. */
  replace(replacement: Replacement): Promise<ReplaceOutcome>;
  /** Drops the ciphertext and token hash, keeping a tombstone until the share's expiry time. */
  revoke(id: string, now: number): Promise<RevokeOutcome>;
  /** Deletes shares and tombstones whose expiry time is at or before `now`; returns how many rows went. */
  purgeExpired(now: number): Promise<number>;
  /** Releases the database; the store cannot be used afterwards. */
  close(): Promise<void>;
}
