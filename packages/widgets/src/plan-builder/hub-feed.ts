/**
 * What the plan builder does with the hub's feed: fetch and decode it, link to an asset's page, and the search that
 * adds assets to the plan.
 * Loaded only when the builder has a feed (`src` or `.feed`); the page keeps working without one.
 */
import { assetPath, type DecodedFeed, decodeFeed, type FeedAsset } from '@townhub/schema/feed';
import { isSafeUrl } from '@townhub/schema/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import type { Plan } from '../plan/schema.js';

const MAX_MATCHES = 8;

const enGB = {
  search: 'Search for local support to add',
  searchHint: 'For example: walking, debt, coffee morning',
  noMatches: (q: string) => `Nothing found for “${q}”.`,
  matches: (n: number) => (n === 1 ? '1 result' : `${n} results`),
  add: 'Add to my plan',
  inPlan: 'In your plan',
};
export type SearchStrings = typeof enGB;
export const strings: { 'en-GB': SearchStrings } & Record<string, SearchStrings> = { 'en-GB': enGB };

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
function searchFeed(feed: DecodedFeed, query: string): FeedAsset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return feed.assets
    .filter((a) => {
      const text = `${a.name} ${a.summary} ${a.organisation ?? ''} ${a.tags ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .slice(0, MAX_MATCHES);
}

/** The search box and its results, each with "Add to my plan" (or "In your plan"). */
export function renderSearch(
  feed: DecodedFeed,
  t: SearchStrings,
  query: string,
  plan: Plan,
  onQuery: (query: string) => void,
  onAdd: (asset: FeedAsset) => void,
): TemplateResult {
  const matches = searchFeed(feed, query);
  const inPlan = new Set(plan.assets.map((a) => a.id));
  const asked = query.trim();
  return html`<div class="search" role="search">
    <div class="field">
      <label for="search">${t.search}</label>
      <p class="hint" id="search-hint">${t.searchHint}</p>
      <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${query} @input=${(e: Event) => onQuery((e.target as HTMLInputElement).value)} />
    </div>
    <p class="visually-hidden" role="status">${asked ? (matches.length ? t.matches(matches.length) : t.noMatches(asked)) : ''}</p>
    ${asked && matches.length === 0 ? html`<p>${t.noMatches(asked)}</p>` : nothing}
    ${
      matches.length
        ? html`<ul class="items">
          ${matches.map(
            (a) => html`<li class="item item--row">
              <span><span class="asset-name">${a.name}</span><br /><span class="meta">${a.summary}</span></span>
              ${
                inPlan.has(a.id)
                  ? html`<span class="meta">${t.inPlan}</span>`
                  : html`<button type="button" class="hub-button hub-button--secondary" @click=${() => onAdd(a)}>
                    ${t.add}<span class="visually-hidden">: ${a.name}</span>
                  </button>`
              }
            </li>`,
          )}
        </ul>`
        : nothing
    }
  </div>`;
}
