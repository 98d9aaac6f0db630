/**
 * What the plan builder does with the hub's feed: fetch and decode it, link to an asset's page and search it.
 * Loaded only when the builder has a feed (`src` or `.feed`); the page keeps working without one.
 */
import { assetPath, type DecodedFeed, decodeFeed, type FeedAsset } from '@townhub/schema/feed';
import { isSafeUrl } from '@townhub/schema/vocabulary';

const MAX_MATCHES = 8;

export async function fetchFeed(src: string, signal: AbortSignal): Promise<DecodedFeed> {
  const response = await fetch(src, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return decodeFeed(await response.json());
}

/** The asset's page on the hub's site, when the feed names the site and the link is a safe http(s) one. */
export function assetHref(feed: DecodedFeed, id: string): string | undefined {
  const site = feed.hub.siteUrl;
  if (!site) return undefined;
  try {
    const href = new URL(assetPath(id), site.endsWith('/') ? site : `${site}/`).href;
    return /^https?:/.test(href) && isSafeUrl(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Assets whose name, summary, organisation or tags contain every word of the query; at most a handful. */
export function searchFeed(feed: DecodedFeed, query: string): FeedAsset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return feed.assets
    .filter((a) => {
      const text = `${a.name} ${a.summary} ${a.organisation ?? ''} ${a.tags ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .slice(0, MAX_MATCHES);
}
