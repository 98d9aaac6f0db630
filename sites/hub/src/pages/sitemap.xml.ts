import { assetPath } from '@townhub/schema/feed';
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';
import { categoryPath, publicUrl } from '../lib/urls.ts';

/** Every page of the hub, with the assets' review dates as last-modified. */
export const PAGES = ['', 'find/', 'map/', 'whats-on/', 'volunteering/', 'my-plan/', 'check-in/', 'search/', 'embed/', 'about/', 'accessibility/'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = () => {
  const { hub, categories, assets } = siteData();
  const used = categories.filter((c) => assets.some(({ asset }) => asset.categories.includes(c.id)));
  const entries = [
    ...PAGES.map((p) => ({ path: p, lastmod: undefined as string | undefined })),
    ...used.map((c) => ({ path: categoryPath(c.id), lastmod: undefined })),
    ...assets.map(({ asset }) => ({ path: assetPath(asset.id), lastmod: asset.lastReviewed })),
  ];
  const urls = entries.map((e) => `<url><loc>${escapeXml(publicUrl(hub, e.path))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
