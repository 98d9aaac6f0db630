/** Anything not found: a hub's own 404 page under /<slug>/, otherwise a plain one. */
import type { APIRoute } from 'astro';
import { hubNotFoundPage } from '../sites.ts';

export const prerender = false;

export const ALL: APIRoute = ({ url }) => {
  const page =
    hubNotFoundPage(url.pathname) ??
    '<!doctype html><html lang="en-GB"><title>Page not found</title><h1>Page not found</h1><p><a href="/">All hubs</a></p></html>';
  return new Response(page, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
