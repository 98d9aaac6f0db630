import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './rate-limit.ts';
import type { ShareStore, StoredShare } from './store.ts';

/** 256 KiB: far more than an encrypted wellness plan needs, small enough that storage abuse stays cheap to contain. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** Shares expire 90 days after their last update. */
export const DEFAULT_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** How often, at most, a request also starts a purge of expired shares. */
export const DEFAULT_PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** Where the hub server mounts the service. */
export const DEFAULT_BASE_PATH = '/api/shares';

export interface ShareHandlerOptions {
  store: ShareStore;
  /** Path prefix the routes live under. Default `/api/shares`. */
  basePath?: string;
  /**
   * Origins (e.g. `https://hub.example`, a council's site) whose pages may call the service from a browser.
   * Requests from the handler's own origin are always allowed; any other `Origin` is refused with 403.
   */
  allowedOrigins?: readonly string[];
  /** Largest accepted ciphertext in bytes. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Lifetime of a share after its last update, in ms. Default 90 days. */
  ttlMs?: number;
  /** Per-address budgets, or `false` to switch limiting off (benchmarks). Default {@link DEFAULT_RATE_LIMITS}. */
  rateLimits?: RateLimits | false;
  /** Milliseconds between purges of expired shares (started by requests, so no timer is left running); 0 disables. */
  purgeIntervalMs?: number;
  /** Clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Receives one entry per request and per purge. Entries never hold ids, tokens, bodies or addresses. */
  log?: (entry: ShareLogEntry) => void;
}

/** What the handler reports to `options.log`. */
export type ShareLogEntry =
  | { kind: 'request'; method: string; action: ShareAction; status: number; code?: string; durationMs: number }
  | { kind: 'purge'; removed: number }
  | { kind: 'error'; during: ShareAction | 'purge'; name: string; code?: string };

export type ShareAction = 'create' | 'read' | 'update' | 'revoke' | 'preflight' | 'other';

/** Connection facts the hosting framework knows and the Request does not. */
export interface ShareRequestInfo {
  clientAddress: string;
}

/** A fetch-style handler: mount it in any server that speaks `Request`/`Response`. */
export type ShareHandler = (request: Request, info: ShareRequestInfo) => Promise<Response>;

/** Body of every error response. */
export interface ShareErrorBody {
  error: { code: string; message: string };
}

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BEARER_PATTERN = /^Bearer +(\S+)$/i;
const ETAG_PATTERN = /^"(\d{1,15})"$/;
const ITEM_METHODS = 'GET, HEAD, PUT, DELETE, OPTIONS';
const COLLECTION_METHODS = 'POST, OPTIONS';

/**
 * Creates the share service as a fetch-style handler. Routes, relative to `basePath`:
 * `POST /` stores a ciphertext; `GET|HEAD /<id>` reads it; `PUT /<id>` replaces it (owner token + If-Match);
 * `DELETE /<id>` revokes it. Every answer carries `Cache-Control: no-store`; errors are `{ error: { code, message } }`.
 */
export function createShareHandler(options: ShareHandlerOptions): ShareHandler {
  const store = options.store;
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(normaliseOrigin));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const limiter = options.rateLimits === false ? null : new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  const purgeIntervalMs = options.purgeIntervalMs ?? DEFAULT_PURGE_INTERVAL_MS;
  // Stores purge when they open, so the first purge here is one interval away.
  let nextPurgeAt = now() + purgeIntervalMs;

  function maybePurge(time: number): void {
    if (purgeIntervalMs <= 0 || time < nextPurgeAt) return;
    nextPurgeAt = time + purgeIntervalMs;
    store.purgeExpired(time).then(
      (removed) => log({ kind: 'purge', removed }),
      (error: unknown) => log({ kind: 'error', during: 'purge', ...describeError(error) }),
    );
  }

  async function create(request: Request, time: number): Promise<Response> {
    const refused = checkBodyHeaders(request, maxBodyBytes);
    if (refused) return refused;
    const body = await readBody(request, maxBodyBytes);
    if (body instanceof Response) return body;
    const ownerToken = randomBytes(32).toString('base64url');
    const share = await store.create({
      id: randomBytes(16).toString('base64url'),
      ciphertext: body,
      ownerTokenHash: hashToken(ownerToken),
      now: time,
      expiresAt: time + ttlMs,
    });
    const response = json(201, { id: share.id, ownerToken, ...describeShare(share) });
    response.headers.set('ETag', etagOf(share));
    response.headers.set('Location', `${basePath}/${share.id}`);
    return response;
  }

  async function read(request: Request, id: string, time: number): Promise<Response> {
    const found = await store.get(id, time);
    if (found.state === 'missing') return notFound();
    if (found.state === 'revoked') return gone();
    const share = found.share;
    const headers = new Headers({ ETag: etagOf(share), 'Last-Modified': new Date(share.updatedAt).toUTCString() });
    if (request.headers.get('if-none-match') === etagOf(share)) return new Response(null, { status: 304, headers });
    headers.set('Content-Type', 'application/octet-stream');
    headers.set('Content-Length', String(share.size));
    // Stores hand back Uint8Array<ArrayBufferLike>; DOM typings want an ArrayBuffer-backed view.
    return new Response(request.method === 'HEAD' ? null : (share.ciphertext as Uint8Array<ArrayBuffer>), { status: 200, headers });
  }

  async function update(request: Request, id: string, time: number): Promise<Response> {
    const token = ownerTokenOf(request);
    if (token instanceof Response) return token;
    const ifMatch = request.headers.get('if-match');
    if (ifMatch === null) {
      return error(428, 'if_match_required', 'Send If-Match with the ETag you last read, so an older copy cannot overwrite a newer one.');
    }
    const expectedVersion = versionOf(ifMatch);
    if (expectedVersion === null) return error(400, 'invalid_if_match', 'If-Match must be exactly one ETag as returned by this service, e.g. "3".');
    const refused = checkBodyHeaders(request, maxBodyBytes);
    if (refused) return refused;
    const found = await store.get(id, time);
    if (found.state === 'missing') return notFound();
    if (found.state === 'revoked') return gone();
    if (!tokenMatches(token, found.share.ownerTokenHash)) return wrongToken();
    if (found.share.version !== expectedVersion) return stale();
    const body = await readBody(request, maxBodyBytes);
    if (body instanceof Response) return body;
    const outcome = await store.replace({ id, expectedVersion, ciphertext: body, now: time, expiresAt: time + ttlMs });
    if (outcome.state === 'stale') return stale();
    if (outcome.state === 'revoked') return gone();
    if (outcome.state === 'missing') return notFound();
    const response = json(200, { id, ...describeShare(outcome.share) });
    response.headers.set('ETag', etagOf(outcome.share));
    return response;
  }

  async function revoke(request: Request, id: string, time: number): Promise<Response> {
    const token = ownerTokenOf(request);
    if (token instanceof Response) return token;
    const found = await store.get(id, time);
    if (found.state === 'missing') return notFound();
    if (found.state === 'revoked') return gone();
    if (!tokenMatches(token, found.share.ownerTokenHash)) return wrongToken();
    const outcome = await store.revoke(id, time);
    if (outcome.state === 'already-revoked') return gone();
    if (outcome.state === 'missing') return notFound();
    return new Response(null, { status: 204 });
  }

  async function route(request: Request, info: ShareRequestInfo, action: ShareAction, time: number): Promise<Response> {
    if (limiter) {
      const retryAfter = limiter.take(rateKind(request.method), info.clientAddress, time);
      if (retryAfter > 0) {
        const response = error(429, 'rate_limited', `Too many requests from this address; try again in ${retryAfter} s.`);
        response.headers.set('Retry-After', String(retryAfter));
        return response;
      }
    }
    const path = relativePath(new URL(request.url).pathname, basePath);
    if (path === null) return error(404, 'no_route', 'There is no share service route at this path.');
    const id = path === '' || path === '/' ? null : path.slice(1);
    if (id?.includes('/')) return error(404, 'no_route', 'There is no share service route at this path.');
    const allow = id === null ? COLLECTION_METHODS : ITEM_METHODS;
    if (action === 'preflight') return new Response(null, { status: 204, headers: { Allow: allow } });
    if (id === null && action === 'create') return create(request, time);
    if (id === null || action === 'create' || action === 'other') {
      const response = error(405, 'method_not_allowed', `This route accepts ${allow}.`);
      response.headers.set('Allow', allow);
      return response;
    }
    if (!ID_PATTERN.test(id)) return error(400, 'invalid_id', 'A share id is 22 characters of A–Z, a–z, 0–9, "-" and "_".');
    if (action === 'read') return read(request, id, time);
    if (action === 'update') return update(request, id, time);
    return revoke(request, id, time);
  }

  return async function shareHandler(request: Request, info: ShareRequestInfo): Promise<Response> {
    const started = performance.now();
    const time = now();
    const action = actionOf(request.method);
    const origin = request.headers.get('origin');
    const originAllowed = origin === null || allowedOrigins.has(origin) || origin === new URL(request.url).origin;
    let response: Response;
    try {
      response = originAllowed ? await route(request, info, action, time) : error(403, 'origin_not_allowed', 'Pages on this origin may not use this service.');
    } catch (failure) {
      log({ kind: 'error', during: action, ...describeError(failure) });
      response = error(500, 'internal_error', 'The share service could not complete the request. Please try again.');
    }
    finishHeaders(response.headers, originAllowed ? origin : null, action === 'preflight');
    log({
      kind: 'request',
      method: request.method,
      action,
      status: response.status,
      code: response.headers.get('X-Share-Error') ?? undefined,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    maybePurge(time);
    return response;
  };
}

function actionOf(method: string): ShareAction {
  switch (method) {
    case 'POST':
      return 'create';
    case 'GET':
    case 'HEAD':
      return 'read';
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'revoke';
    case 'OPTIONS':
      return 'preflight';
    default:
      return 'other';
  }
}

function rateKind(method: string): keyof RateLimits {
  if (method === 'POST') return 'create';
  if (method === 'PUT' || method === 'DELETE') return 'write';
  return 'read';
}

/** The path below `basePath` ('' or '/…'), or null when the request is not for this service. */
function relativePath(pathname: string, basePath: string): string | null {
  if (pathname === basePath) return '';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
}

function normaliseOrigin(origin: string): string {
  const parsed = new URL(origin);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Allowed origin must be http(s): ${origin}`);
  return parsed.origin;
}

function finishHeaders(headers: Headers, corsOrigin: string | null, preflight: boolean): void {
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  headers.append('Vary', 'Origin');
  if (corsOrigin === null) return;
  headers.set('Access-Control-Allow-Origin', corsOrigin);
  if (preflight) {
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
    headers.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match, If-None-Match');
    headers.set('Access-Control-Max-Age', '600');
  } else {
    headers.set('Access-Control-Expose-Headers', 'ETag, Last-Modified, Location, Retry-After');
  }
}

/** Refuses, before any body is read, requests whose headers already show the body is unacceptable. */
function checkBodyHeaders(request: Request, maxBodyBytes: number): Response | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    return error(415, 'unsupported_media_type', 'Send the encrypted share as Content-Type: application/octet-stream.');
  }
  const encoding = request.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    return error(415, 'unsupported_media_type', 'Content-Encoding is not accepted; send the ciphertext as it is.');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBodyBytes) return tooLarge(maxBodyBytes);
  return null;
}

/** Reads the body, stopping as soon as it passes the cap (a missing or false Content-Length cannot get past it). */
async function readBody(request: Request, maxBodyBytes: number): Promise<Uint8Array | Response> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // Stop reading but do not cancel: cancelling can tear down the connection before the 413 is sent.
      if (total > maxBodyBytes) {
        reader.releaseLock();
        return tooLarge(maxBodyBytes);
      }
      chunks.push(value);
    }
  }
  if (total === 0) return error(400, 'empty_body', 'The request body must hold the encrypted share.');
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function ownerTokenOf(request: Request): string | Response {
  const header = request.headers.get('authorization');
  const token = header === null ? null : BEARER_PATTERN.exec(header.trim())?.[1];
  if (!token) {
    const response = error(401, 'missing_token', 'Send the owner token as Authorization: Bearer <token>.');
    response.headers.set('WWW-Authenticate', 'Bearer realm="shares"');
    return response;
  }
  // A malformed token is simply a wrong one; it is still hashed and compared so both paths take the same time.
  return TOKEN_PATTERN.test(token) ? token : '';
}

function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token).digest();
}

function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const presented = hashToken(token);
  return presented.byteLength === storedHash.byteLength && timingSafeEqual(presented, storedHash) && token !== '';
}

function etagOf(share: StoredShare): string {
  return `"${share.version}"`;
}

function versionOf(ifMatch: string): number | null {
  const match = ETAG_PATTERN.exec(ifMatch.trim());
  return match ? Number(match[1]) : null;
}

function describeShare(share: StoredShare) {
  return {
    size: share.size,
    createdAt: new Date(share.createdAt).toISOString(),
    updatedAt: new Date(share.updatedAt).toISOString(),
    expiresAt: new Date(share.expiresAt).toISOString(),
  };
}

function describeError(failure: unknown): { name: string; code?: string } {
  // Only the kind of failure: database messages can quote the values that were being written.
  if (failure instanceof Error) {
    const code = (failure as { code?: unknown }).code;
    return { name: failure.name, code: typeof code === 'string' ? code : undefined };
  }
  return { name: typeof failure };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

function error(status: number, code: string, message: string): Response {
  const response = json(status, { error: { code, message } } satisfies ShareErrorBody);
  response.headers.set('X-Share-Error', code);
  return response;
}

function notFound(): Response {
  return error(404, 'not_found', 'No share has this id (it may have expired).');
}

function gone(): Response {
  return error(410, 'revoked', 'The owner has withdrawn this share.');
}

function wrongToken(): Response {
  return error(403, 'wrong_token', 'The owner token does not match this share.');
}

function stale(): Response {
  // The current ETag is deliberately not sent: a writer must read the newer version before replacing it.
  return error(412, 'stale_etag', 'The share has changed since you read it; fetch the latest version and try again.');
}

function tooLarge(maxBodyBytes: number): Response {
  return error(413, 'too_large', `The encrypted share may be at most ${maxBodyBytes} bytes.`);
}
