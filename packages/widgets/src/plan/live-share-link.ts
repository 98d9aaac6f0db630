/**
 * The link to a live share: the viewer page with `#share=<id>.<key>` in the fragment, which browsers never send to a
 * server. Kept apart from the share-service calls so a viewer can read a link without loading them.
 */
import type { LiveShare } from './live-shares.js';

/** The fragment parameter a live share link carries: `#share=<id>.<key>`. */
export const LIVE_SHARE_PARAM = 'share';

/** The link a person opens: the viewer page with the share's id and key in the fragment. */
export function liveShareLink(viewerUrl: string, share: Pick<LiveShare, 'id' | 'key'>): string {
  const url = new URL(viewerUrl);
  url.hash = `${LIVE_SHARE_PARAM}=${share.id}.${share.key}`;
  return url.href;
}

/** Reads `#share=<id>.<key>`; undefined when the fragment has none or it is malformed. */
export function parseLiveShareFragment(hash: string): { id: string; key: string } | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(LIVE_SHARE_PARAM);
  const match = value === null ? null : /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(value);
  return match ? { id: match[1]!, key: match[2]! } : undefined;
}
