/**
 * The security headers every hub page is served with, shared by the node server and the `_headers` file written
 * next to each static build. Pages carry no inline scripts; Pagefind's search needs WebAssembly, hence
 * 'wasm-unsafe-eval' (it does not allow JavaScript eval). Map tiles are the only images from elsewhere.
 */
export const TILE_ORIGINS = ['https://tile.openstreetmap.org'];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `img-src 'self' data: ${TILE_ORIGINS.join(' ')}`,
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=()',
};

/** Headers for the widget feed, which councils' own sites fetch. */
export const FEED_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=300',
};

/** A Netlify/Cloudflare-style `_headers` file for a hub deployed on a static host under `base`. */
export function headersFile(base: string): string {
  const all = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  const feed = Object.entries(FEED_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return [`${base}*`, ...all, '', `${base}feed.json`, ...feed, ''].join('\n');
}
