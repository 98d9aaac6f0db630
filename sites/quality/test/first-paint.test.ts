/**
 * What a hub page needs before its first paint: its HTML, the stylesheet and at most one script, which imports
 * nothing itself (widgets and search load after the first paint). On a slow phone network every further request on
 * that path delays the first paint by a round trip or more.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeHostileHub, hostileHub } from '../src/fixture.ts';

after(closeHostileHub);

/** A static import in built code: `import{a as b}from"./x.js"`, `import"./x.js"` (not `import(…)`). */
const STATIC_IMPORT = /\bimport\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?["'][^"']+["']/;

test('every page loads at most one script, and that script imports nothing before the first paint', async () => {
  const hub = await hostileHub();
  const pages = ((await readdir(hub.site, { recursive: true })) as string[]).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 20, `the built hub has pages (${pages.length})`);
  const base = new URL(hub.base).pathname;
  const scripts = new Set<string>();
  for (const page of pages) {
    const html = await readFile(join(hub.site, page), 'utf8');
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(sources.length <= 1, `${page} loads one script at most: ${sources.join(', ')}`);
    for (const src of sources) scripts.add(src);
  }
  assert.ok(scripts.size > 0, 'pages with widgets load a script');
  for (const src of scripts) {
    assert.ok(src.startsWith(base), `${src} is the hub's own`);
    const code = await readFile(join(hub.site, src.slice(base.length)), 'utf8');
    assert.doesNotMatch(code, STATIC_IMPORT, `${src} has no static import`);
  }
});
