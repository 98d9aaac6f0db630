/**
 * Hostile embedding: a council-like host page with aggressive global CSS and a strict CSP loads the CDN bundle twice
 * and every widget tag, with the hostile fixture hub's feed (the XSS corpus) as data.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { closeBrowser, type Watched, waitForWidgets, watchedPage } from '../src/browser.ts';
import { closeHostileHub, HUB, hostileHub, REPO_ROOT, tempDir, townhub } from '../src/fixture.ts';
import { type StaticServer, serveStatic } from '../src/static-server.ts';
import { CANARY } from '../src/xss-payloads.ts';

const CDN = join(REPO_ROOT, 'packages/widgets/dist/cdn');
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

const HOSTILE_CSS = `
* { margin: 0 !important; padding: 0 !important; box-sizing: content-box !important; font-family: "Comic Sans MS", fantasy !important; line-height: 1 !important; }
html { font-size: 28px; background: #111; color: #eee; }
div, li { display: inline !important; color: #eee !important; background: #111 !important; border: 3px dashed red !important; width: 50px !important; }
button { all: unset !important; color: #111 !important; background: #111 !important; font-size: 4px !important; }
input { color: #111 !important; background: #111 !important; height: 2px !important; border: 0 !important; }
li::before { content: "» " !important; }
p, span, label { color: #222 !important; }
`;

const TAGS = ['hub-asset-finder', 'hub-asset-card', 'hub-map', 'hub-plan-builder', 'hub-plan-view', 'hub-self-assessment', 'hub-progress-chart'];

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council services</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="/cdn/townhub.js"></script>
<script type="module" src="/cdn-copy/townhub.js"></script>
</head><body><main><h1>Find support</h1>
<hub-asset-finder id="finder" src="/feed.json" base-url="https://hubs.example.org/${HUB}/"></hub-asset-finder>
<hub-map for="finder" src="/feed.json"></hub-map>
<hub-asset-card></hub-asset-card>
<hub-plan-builder hub="${HUB}"></hub-plan-builder>
<hub-plan-view></hub-plan-view>
<hub-self-assessment measure="ons4" hub="${HUB}"></hub-self-assessment>
<hub-progress-chart hub="${HUB}"></hub-progress-chart>
</main></body></html>`;

let host: StaticServer;
let dir = '';
let tab: Watched;

before(async () => {
  assert.ok(existsSync(join(CDN, 'townhub.js')), 'packages/widgets/dist/cdn/townhub.js is built (pnpm --filter @townhub/widgets build)');
  const hub = await hostileHub();
  const feed = await townhub(['feed', '--hub', HUB, '--data', hub.data]);
  assert.equal(feed.code, 0, feed.stderr);
  dir = await tempDir('host');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), HOST_PAGE);
  await writeFile(join(dir, 'host.css'), HOSTILE_CSS);
  await writeFile(join(dir, 'feed.json'), feed.stdout);
  // Two URLs for the same bundle: two module instances, as when two embeds each bring their own copy.
  host = await serveStatic({ '/': dir, '/cdn/': CDN, '/cdn-copy/': CDN }, { 'Content-Security-Policy': CSP });
  tab = await watchedPage();
  await tab.page.goto(`${host.origin}/`);
});

after(async () => {
  await tab?.close();
  await host?.close();
  await rm(dir, { recursive: true, force: true });
  await closeBrowser();
  await closeHostileHub();
});

test('both copies of the bundle load and every widget upgrades', async () => {
  assert.deepEqual(await waitForWidgets(tab.page), []);
  const requests = await tab.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(requests.includes('/cdn/townhub.js') && requests.includes('/cdn-copy/townhub.js'), 'both copies were loaded');
  for (const tag of TAGS) assert.ok(await tab.page.evaluate((t) => !!customElements.get(t), tag), `${tag} is defined`);
});

test('every widget has a size and readable text despite the host CSS', async () => {
  const sizes = await tab.page.evaluate((tags) => tags.map((t) => [t, document.querySelector(t)?.getBoundingClientRect().height ?? 0] as const), TAGS);
  // The card and plan view get their data as properties; without it they render nothing, which is fine.
  for (const [tag, height] of sizes) if (!['hub-asset-card', 'hub-plan-view'].includes(tag)) assert.ok(height > 20, `${tag} is ${height}px tall`);
  const contrast = await tab.page.evaluate(() => {
    const finder = document.querySelector('hub-asset-finder')?.shadowRoot;
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? [])
        .slice(0, 3)
        .map(Number)
        .map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const background = (el: Element | null): string => {
      for (let e: Element | null = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const ratio = (el: Element | null | undefined) => {
      if (!el) return 0;
      const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))].sort((x, y) => y - x);
      return ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05);
    };
    const input = finder?.querySelector('#q');
    const label = finder?.querySelector('label[for="q"]');
    const describe = (el: Element | null | undefined) => (el ? `${getComputedStyle(el).color} on ${background(el)}` : 'missing');
    return {
      input: ratio(input),
      label: ratio(label),
      inputHeight: input?.getBoundingClientRect().height ?? 0,
      colours: `input ${describe(input)}, label ${describe(label)}`,
    };
  });
  assert.ok(contrast.input >= 4.5, `search input text contrast ${contrast.input.toFixed(2)} (${contrast.colours})`);
  assert.ok(contrast.label >= 4.5, `search label contrast ${contrast.label.toFixed(2)} (${contrast.colours})`);
  assert.ok(contrast.inputHeight >= 24, `search input is ${contrast.inputHeight}px tall`);
});

test('the finder works: typing a search shows results', async () => {
  const input = tab.page.locator('hub-asset-finder #q');
  await input.fill('lunch');
  await tab.page.waitForFunction(() => (document.querySelector('hub-asset-finder')?.shadowRoot?.querySelectorAll('.results > li').length ?? 0) > 0, undefined, {
    timeout: 5_000,
  });
  const shown = await tab.page.evaluate(() => document.querySelector('hub-asset-finder')?.shadowRoot?.querySelectorAll('.results > li').length ?? 0);
  await input.fill('');
  assert.ok(shown > 0);
});

test('no CSP violation, error, dialog or canary on the host page', async () => {
  assert.equal(await tab.page.evaluate((c) => (window as unknown as Record<string, unknown>)[c], CANARY), undefined);
  assert.deepEqual(tab.cspViolations, []);
  assert.deepEqual(tab.problems, []);
  assert.deepEqual(tab.dialogs, []);
});
