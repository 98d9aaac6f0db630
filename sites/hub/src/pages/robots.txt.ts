import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';
import { publicUrl } from '../lib/urls.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\nSitemap: ${publicUrl(siteData().hub, 'sitemap.xml')}\n`);
