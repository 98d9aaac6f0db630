import { assetPath } from '@townhub/schema/feed';
import type { APIRoute } from 'astro';
import { toICalendar } from '../lib/ical.ts';
import { siteData } from '../lib/site-data.ts';
import { publicUrl } from '../lib/urls.ts';

export const GET: APIRoute = () => {
  const { hub, assets, today } = siteData();
  const body = toICalendar(hub, assets, today, (id) => publicUrl(hub, assetPath(id)));
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
