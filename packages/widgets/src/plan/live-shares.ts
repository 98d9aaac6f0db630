/**
 * Live sharing through a share service: each person the plan is shared with gets their own link, with their own key,
 * and sees the latest version. The service only ever holds ciphertext; the key travels in the link's fragment
 * (`#share=<id>.<key>`), which browsers never send to a server.
 *
 * What the owner needs to update or withdraw a link (id, owner token, ETag, key) is kept in this browser's storage,
 * beside the plan, and never leaves the device.
 */
import { createShare, fetchShare, revokeShare, type ShareFailure, updateShare } from '@townhub/share-service/client';
import type { Plan } from './schema.js';
import { encryptPlan } from './share-crypto.js';
import type { KeyValueStorage } from './storage.js';

export { LIVE_SHARE_PARAM, liveShareLink, parseLiveShareFragment } from './live-share-link.js';

/** One person's live link, as the owner keeps it. */
export interface LiveShare {
  /** Who it is for, in the person's words ("my sister"). */
  label: string;
  id: string;
  /** Proves ownership to the service; never part of the link. */
  ownerToken: string;
  /** The version the service last confirmed. */
  etag: string;
  /** The decryption key (base64url), which goes in the link's fragment. */
  key: string;
  /** When the service last stored a version for this person (ISO 8601). */
  updatedAt: string;
}

/** Why a live share call failed. `gone` means the service no longer has it (withdrawn or expired). */
export class LiveShareError extends Error {
  override name = 'LiveShareError';
  readonly failure: ShareFailure;
  constructor(failure: ShareFailure) {
    super(failure.message);
    this.failure = failure;
  }
  get gone(): boolean {
    return this.failure.reason === 'revoked' || this.failure.reason === 'not-found';
  }
}

/** Encrypts the plan with a fresh key for one person and stores it with the service. */
export async function createLiveShare(serviceUrl: string, plan: Plan, label: string): Promise<LiveShare> {
  const { ciphertext, key } = await encryptPlan(plan);
  const created = await createShare(serviceUrl, ciphertext);
  if (!created.ok) throw new LiveShareError(created);
  return { label, id: created.id, ownerToken: created.ownerToken, etag: created.etag, key, updatedAt: created.updatedAt };
}

/** Stores the plan's latest version for one person (same key, so their link keeps working). Returns the updated record. */
export async function pushLiveShare(serviceUrl: string, share: LiveShare, plan: Plan): Promise<LiveShare> {
  const { ciphertext } = await encryptPlan(plan, share.key);
  let updated = await updateShare(serviceUrl, share.id, share.ownerToken, share.etag, ciphertext);
  if (!updated.ok && updated.reason === 'stale') {
    // The owner is the only writer, so a stale ETag only means this device missed a save made elsewhere (another tab
    // or device holding the same token). The plan here is the one to show, so read the current ETag and overwrite.
    const current = await fetchShare(serviceUrl, share.id);
    if (!current.ok) throw new LiveShareError(current);
    updated = await updateShare(serviceUrl, share.id, share.ownerToken, current.etag, ciphertext);
  }
  if (!updated.ok) throw new LiveShareError(updated);
  return { ...share, etag: updated.etag, updatedAt: updated.updatedAt };
}

/** Withdraws one person's link. A link the service no longer has counts as withdrawn. */
export async function revokeLiveShare(serviceUrl: string, share: LiveShare): Promise<void> {
  const revoked = await revokeShare(serviceUrl, share.id, share.ownerToken);
  if (!revoked.ok && revoked.reason !== 'revoked' && revoked.reason !== 'not-found') throw new LiveShareError(revoked);
}

const KEY_PREFIX = 'townhub-plan-shares:';

function isLiveShare(value: unknown): value is LiveShare {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['label', 'id', 'ownerToken', 'etag', 'key', 'updatedAt'].every((field) => typeof v[field] === 'string');
}

/** The live links of one hub's plan, kept on this device only. */
export class LiveShareList {
  readonly key: string;
  #storage: KeyValueStorage | null;

  constructor(hub: string, storage: KeyValueStorage | null = defaultStorage()) {
    this.key = `${KEY_PREFIX}${hub}`;
    this.#storage = storage;
  }

  /** The stored links; unreadable entries are skipped. */
  load(): LiveShare[] {
    try {
      const parsed: unknown = JSON.parse(this.#storage?.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isLiveShare) : [];
    } catch {
      return [];
    }
  }

  save(shares: readonly LiveShare[]): void {
    try {
      if (shares.length === 0) this.#storage?.removeItem(this.key);
      else this.#storage?.setItem(this.key, JSON.stringify(shares));
    } catch {
      // Storage full or blocked: the links still work; only this device forgets how to update them.
    }
  }
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
