/**
 * A small browser (and Node) client for the share service. No dependencies; it only moves ciphertext — encrypt and
 * decrypt with Web Crypto before and after, and keep the key out of every request (it belongs in the URL fragment).
 *
 * `baseUrl` is where the service is mounted, e.g. `https://hub.example/api/shares`.
 */

/** Why a call did not succeed. */
export type ShareFailureReason =
  /** 410: the owner withdrew the share. */
  | 'revoked'
  /** 404: no such share (never existed, or expired). */
  | 'not-found'
  /** 412: someone saved a newer version since this ETag was read; fetch, merge, retry. */
  | 'stale'
  /** 401: no owner token was sent. */
  | 'unauthorized'
  /** 403: wrong owner token, or this page's origin may not use the service. */
  | 'forbidden'
  /** 413: the ciphertext is over the service's size cap. */
  | 'too-large'
  /** 429: too many requests; see `retryAfterSeconds`. */
  | 'rate-limited'
  /** Any other 4xx: the request itself was malformed. */
  | 'invalid'
  /** 5xx or an unreadable answer. */
  | 'server'
  /** The service could not be reached. */
  | 'network';

export interface ShareFailure {
  ok: false;
  reason: ShareFailureReason;
  /** HTTP status, or 0 for network failures. */
  status: number;
  /** The service's error code (e.g. `stale_etag`), or `network_error`. */
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export interface CreatedShare {
  ok: true;
  id: string;
  /** Proves ownership for updates and revocation. Keep it with the plan; it is never shown to supporters. */
  ownerToken: string;
  etag: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface UpdatedShare {
  ok: true;
  etag: string;
  updatedAt: string;
  expiresAt: string;
}

export interface FetchedShare {
  ok: true;
  unchanged: false;
  ciphertext: Uint8Array;
  etag: string;
  /** When the owner last saved it (ISO 8601, to the second), or null if the service did not say. */
  updatedAt: string | null;
}

/** `fetchShare` with `ifNoneMatch` when the share has not changed. */
export interface UnchangedShare {
  ok: true;
  unchanged: true;
  etag: string;
}

export interface RevokedShare {
  ok: true;
}

export interface ClientOptions {
  signal?: AbortSignal;
  /** Replacement for the global `fetch` (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** Stores a new ciphertext; the answer carries the share's id, owner token and first ETag. */
export async function createShare(baseUrl: string, ciphertext: Uint8Array, options: ClientOptions = {}): Promise<CreatedShare | ShareFailure> {
  const answer = await send(trimBase(baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: asBody(ciphertext) }, options);
  if (!answer.ok) return answer;
  const body = await readJson(answer.response);
  const etag = answer.response.headers.get('ETag');
  if (!body || typeof body.id !== 'string' || typeof body.ownerToken !== 'string' || !etag) return unreadable(answer.response.status);
  return {
    ok: true,
    id: body.id,
    ownerToken: body.ownerToken,
    etag,
    createdAt: String(body.createdAt),
    updatedAt: String(body.updatedAt),
    expiresAt: String(body.expiresAt),
  };
}

/** Replaces a share's ciphertext if `etag` is still current (otherwise `reason: 'stale'`). Renews its expiry. */
export async function updateShare(
  baseUrl: string,
  id: string,
  ownerToken: string,
  etag: string,
  ciphertext: Uint8Array,
  options: ClientOptions = {},
): Promise<UpdatedShare | ShareFailure> {
  const answer = await send(
    itemUrl(baseUrl, id),
    {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${ownerToken}`, 'If-Match': etag },
      body: asBody(ciphertext),
    },
    options,
  );
  if (!answer.ok) return answer;
  const body = await readJson(answer.response);
  const newEtag = answer.response.headers.get('ETag');
  if (!body || !newEtag) return unreadable(answer.response.status);
  return { ok: true, etag: newEtag, updatedAt: String(body.updatedAt), expiresAt: String(body.expiresAt) };
}

/** Reads a share's ciphertext. With `ifNoneMatch`, an unchanged share answers `{ unchanged: true }` without a body. */
export async function fetchShare(
  baseUrl: string,
  id: string,
  options: ClientOptions & { ifNoneMatch?: string } = {},
): Promise<FetchedShare | UnchangedShare | ShareFailure> {
  const headers: Record<string, string> = options.ifNoneMatch ? { 'If-None-Match': options.ifNoneMatch } : {};
  const answer = await send(itemUrl(baseUrl, id), { method: 'GET', headers }, options);
  if (!answer.ok) return answer;
  const { response } = answer;
  const etag = response.headers.get('ETag');
  if (!etag) return unreadable(response.status);
  if (response.status === 304) return { ok: true, unchanged: true, etag };
  const lastModified = response.headers.get('Last-Modified');
  const updated = lastModified ? new Date(lastModified) : null;
  return {
    ok: true,
    unchanged: false,
    ciphertext: new Uint8Array(await response.arrayBuffer()),
    etag,
    updatedAt: updated && !Number.isNaN(updated.getTime()) ? updated.toISOString() : null,
  };
}

/** Withdraws a share for good: later reads answer `reason: 'revoked'`. */
export async function revokeShare(baseUrl: string, id: string, ownerToken: string, options: ClientOptions = {}): Promise<RevokedShare | ShareFailure> {
  const answer = await send(itemUrl(baseUrl, id), { method: 'DELETE', headers: { Authorization: `Bearer ${ownerToken}` } }, options);
  return answer.ok ? { ok: true } : answer;
}

type Answer = { ok: true; response: Response } | ShareFailure;

async function send(url: string, init: RequestInit, options: ClientOptions): Promise<Answer> {
  let response: Response;
  try {
    // No cookies, no referrer (the page URL's fragment holds the key; browsers never send fragments, but be plain about it).
    response = await (options.fetch ?? fetch)(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer', signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, reason: 'network', status: 0, code: 'network_error', message: 'The share service could not be reached.' };
  }
  if (response.ok || response.status === 304) return { ok: true, response };
  const body = await readJson(response);
  const detail = body && typeof body.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>) : {};
  const failure: ShareFailure = {
    ok: false,
    reason: reasonOf(response.status),
    status: response.status,
    code: typeof detail.code === 'string' ? detail.code : `http_${response.status}`,
    message: typeof detail.message === 'string' ? detail.message : `The share service answered ${response.status}.`,
  };
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (response.status === 429 && retryAfter > 0) failure.retryAfterSeconds = retryAfter;
  return failure;
}

function reasonOf(status: number): ShareFailureReason {
  switch (status) {
    case 410:
      return 'revoked';
    case 404:
      return 'not-found';
    case 412:
      return 'stale';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 413:
      return 'too-large';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server' : 'invalid';
  }
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await response.json();
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function unreadable(status: number): ShareFailure {
  return { ok: false, reason: 'server', status, code: 'unreadable_answer', message: 'The share service gave an answer this client cannot read.' };
}

/** Fetch takes only ArrayBuffer-backed bytes; copy the rare view over a SharedArrayBuffer. */
function asBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function itemUrl(baseUrl: string, id: string): string {
  return `${trimBase(baseUrl)}/${encodeURIComponent(id)}`;
}
