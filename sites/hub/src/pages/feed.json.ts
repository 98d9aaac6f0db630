/** The widget feed for this hub (see `toFeed` in @townhub/schema). Hosts should serve it with Access-Control-Allow-Origin: *. */
import { feedJson, toFeed } from '@townhub/schema/feed';
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';

export const GET: APIRoute = () => {
  const { hub, categories, assets } = siteData();
  const feed = toFeed(
    hub,
    categories,
    assets.map((a) => a.asset),
  );
  return new Response(feedJson(feed), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
