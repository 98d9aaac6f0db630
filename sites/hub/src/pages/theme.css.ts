/** The hub's colours as `--hub-*` custom properties, in a stylesheet file so pages need no inline styles. */
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';

export const GET: APIRoute = () => {
  const theme = siteData().hub.theme ?? {};
  // Colours are validated as #rrggbb by the schema, so they are safe to write into CSS.
  const vars = [theme.primary && `--hub-color-primary: ${theme.primary};`, theme.link && `--hub-color-link: ${theme.link};`].filter(Boolean);
  return new Response(`:root {\n  ${vars.join('\n  ')}\n}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
