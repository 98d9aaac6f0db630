import { createHash, hash } from 'node:crypto';

/** A name-based UUID (RFC 9562 version 5, SHA-1) under the Town Digital Hub namespace: same name, same id. */
export function uuidFor(name: string): string {
  // One-shot hashing: a hub's export takes several ids per asset, and createHash() per id was most of its time.
  const hex = hash('sha1', `townhub:${name}`, 'hex');
  const version = ((Number.parseInt(hex.slice(12, 14), 16) & 0x0f) | 0x50).toString(16);
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(14, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** JSON with object keys sorted, so equal values always serialise the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Short content hash of a value (first 16 hex digits of SHA-256 over canonical JSON). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
