/**
 * Opens a shared plan: reads the link's fragment, decrypts, and checks (and migrates) the plan inside. The viewer's
 * half of share-crypto.ts, apart so that making a link does not need the plan reader.
 */
import { fromBase64url } from './base64url.js';
import { migratePlan } from './migrate.js';
import type { Plan } from './schema.js';
import { IV_BYTES, pipe, SHARE_PARAM, ShareError } from './share-crypto.js';

/** Decrypts and validates a shared plan; throws ShareError when the key is wrong or the data was changed. */
export async function decryptPlan(ciphertext: Uint8Array<ArrayBuffer>, key: string): Promise<Plan> {
  let compressed: Uint8Array<ArrayBuffer>;
  try {
    const rawKey = fromBase64url(key);
    if (rawKey.length !== 16 && rawKey.length !== 32) throw new TypeError('Bad key length.');
    const cryptoKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['decrypt']);
    const iv = ciphertext.subarray(0, IV_BYTES);
    compressed = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, cryptoKey, ciphertext.subarray(IV_BYTES)));
  } catch {
    throw new ShareError('This shared plan could not be opened. The link may be incomplete or changed: ask for the link again.');
  }
  try {
    const json = new TextDecoder().decode(await pipe(compressed, new DecompressionStream('deflate-raw')));
    return migratePlan(JSON.parse(json));
  } catch (error) {
    throw new ShareError(error instanceof Error && error.name === 'PlanFormatError' ? error.message : 'This shared plan could not be read.');
  }
}

/**
 * Reads a share fragment (`#plan=…` or `plan=…`). Returns undefined when there is none; throws ShareError when it is
 * there but malformed.
 */
export function parseShareFragment(hash: string): { ciphertext: Uint8Array<ArrayBuffer>; key: string } | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(SHARE_PARAM);
  if (value === null) return undefined;
  const [data, key, extra] = value.split('.');
  try {
    if (!data || !key || extra !== undefined) throw new TypeError('Missing part.');
    const ciphertext = fromBase64url(data);
    if (ciphertext.length <= IV_BYTES + 16) throw new TypeError('Too short.');
    return { ciphertext, key };
  } catch {
    throw new ShareError('This link is incomplete: part of it may have been cut off. Ask for the link again.');
  }
}
