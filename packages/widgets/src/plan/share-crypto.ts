/**
 * Encrypts a plan for sharing: JSON → deflate-raw → AES-GCM with a fresh random 128-bit key.
 *
 * The ciphertext can travel anywhere (a URL fragment today, a server later) because only the key opens it, and the
 * key never leaves the link the person shares. Decryption fails as a whole — wrong key, changed byte, truncated data —
 * and is reported as one ShareError. Opening a shared plan is in share-open.ts.
 */
import { fromBase64url, toBase64url } from './base64url.js';
import type { Plan } from './schema.js';

export const IV_BYTES = 12;

/** Why a shared plan could not be opened. `message` is written for the person. */
export class ShareError extends Error {
  override name = 'ShareError';
}

export async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * Encrypts a plan. `ciphertext` is the IV followed by the AES-GCM output; `key` is base64url (22 characters).
 * Pass `existingKey` to encrypt a new version for someone who already holds that key (a fresh IV is used every time).
 */
export async function encryptPlan(plan: Plan, existingKey?: string): Promise<{ ciphertext: Uint8Array<ArrayBuffer>; key: string }> {
  const compressed = await pipe(new TextEncoder().encode(JSON.stringify(plan)), new CompressionStream('deflate-raw'));
  const key = existingKey
    ? await crypto.subtle.importKey('raw', fromBase64url(existingKey), 'AES-GCM', true, ['encrypt'])
    : await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, compressed));
  const ciphertext = new Uint8Array(IV_BYTES + sealed.length);
  ciphertext.set(iv);
  ciphertext.set(sealed, IV_BYTES);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return { ciphertext, key: toBase64url(raw) };
}

/** The fragment parameter a share link carries: `#plan=<ciphertext>.<key>`. */
export const SHARE_PARAM = 'plan';

/** A read-only share link to `viewerUrl` (the page holding `<hub-plan-view>`), with everything in the fragment. */
export async function createShareLink(plan: Plan, viewerUrl: string): Promise<string> {
  const { ciphertext, key } = await encryptPlan(plan);
  const url = new URL(viewerUrl);
  url.hash = `${SHARE_PARAM}=${toBase64url(ciphertext)}.${key}`;
  return url.href;
}
