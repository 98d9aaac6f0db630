/**
 * Builds the fixture hub once (real Astro, real Pagefind), serves it with the real server, and checks the pages,
 * the links, search in Chromium, the headers and the no-inline-script rule.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeFeed } from '@townhub/schema/feed';
import type { Browser } from 'playwright-core';
import { buildHubs } from '../scripts/build-hubs.ts';
import { start } from '../server/start.ts';
import { FIXTURE_DATA, launchChromium, read, TODAY, tempDir } from './helpers.ts';

const HUB = 'testtown';
let out = '';
let site = '';
let server: Server;
let origin = '';
let browser: Browser;

const page = (path: string) => read(join(site, path, path.endsWith('.html') || /\.\w+$/.test(path) ? '' : 'index.html'));
const htmlFiles = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind')).map((f) => join(dir, f));
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] ?? 'null'));

before(async () => {
  out = await tempDir('sites');
  const summary = await buildHubs({ data: FIXTURE_DATA, out, today: TODAY, jobs: 1 });
  assert.deepEqual(summary.failed, [], summary.results.flatMap((r) => r.errors).join('\n'));
  site = join(out, HUB);
  process.env.SHARE_DATA_DIR = join(out, 'shares');
  server = await start({ data: FIXTURE_DATA, out, serverOut: join(out, '.server'), port: 0, host: '127.0.0.1', log: () => {} });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('pages', () => {
  test('every page type exists with its content', async () => {
    const expected: [string, RegExp][] = [
      ['', /<h1>Testtown Community Hub<\/h1>/],
      ['categories/physical-activity/', /<h1[^>]*>Physical activity<\/h1>[\s\S]*Canal Walking Group/],
      ['assets/canal-walking-group/', /<h1[^>]*>Canal Walking Group<\/h1>[\s\S]*Tuesdays, 10am to 11:30am/],
      ['find/', /<hub-asset-finder id="finder"[^>]*src="\/testtown\/feed.json"[^>]*>[\s\S]*Telephone Befriending/],
      ['map/', /<hub-map[^>]*for="map-finder"/],
      ['whats-on/', /<h2 id="tue">Tuesday<\/h2>[\s\S]*Canal Walking Group[\s\S]*Events coming up[\s\S]*Winter Warmth Fair/],
      ['volunteering/', /Community Garden Volunteers[\s\S]*Roles: Gardener, Tea and chat host/],
      ['my-plan/', /<hub-plan-builder[^>]*hub="testtown"/],
      ['check-in/', /<hub-self-assessment measure="ons4" hub="testtown">[\s\S]*<hub-progress-chart hub="testtown">/],
      ['embed/', /&lt;hub-asset-finder src=&quot;https:\/\/testtown.example.org\/feed.json&quot;[\s\S]*--hub-color-primary/],
      ['about/', /About this site/],
      ['accessibility/', /Accessibility statement/],
      ['search/', /<form id="search-form"/],
      ['404.html', /Page not found/],
    ];
    for (const [path, pattern] of expected) assert.match(await page(path), pattern, path || 'home');
  });

  test('the home page shows this week from the build date', async () => {
    const home = await page('');
    assert.match(home, /Today, Monday 23 November 2026/);
    assert.match(home, /Money Advice Drop-in/);
  });

  test('asset pages carry schema.org JSON-LD by kind', async () => {
    const [service] = jsonLd(await page('assets/money-advice-drop-in/'));
    assert.equal(service['@context'], 'https://schema.org');
    assert.equal(service['@type'], 'Service');
    assert.equal(service.url, 'https://testtown.example.org/assets/money-advice-drop-in/');
    assert.equal(service.hoursAvailable[0].dayOfWeek.length, 2);

    const [event] = jsonLd(await page('assets/winter-warmth-fair/'));
    assert.equal(event['@graph'].length, 2);
    assert.equal(event['@graph'][0]['@type'], 'Event');
    assert.equal(event['@graph'][0].startDate, '2026-12-05T10:00:00+00:00');
    assert.equal(event['@graph'][0].location.address.postalCode, 'B16 8DN');
  });

  test('asset pages link to the YAML file for "Suggest an edit" and offer "Add to my plan"', async () => {
    const html = await page('assets/canal-walking-group/');
    assert.match(html, /href="https:\/\/github.com\/example\/town-digital-hub\/edit\/main\/hub-data\/hubs\/testtown\/assets\/canal-walking-group.yaml"/);
    assert.match(
      html,
      /<form class="add-to-plan" action="\/testtown\/my-plan\/" method="get"[^>]*><input type="hidden" name="add" value="canal-walking-group">/,
    );
    assert.match(html, /Closed from 24 December 2026 to 2 January 2027 \(Christmas break\)/);
  });

  test('feed, calendar, sitemap and headers file', async () => {
    const feed = decodeFeed(JSON.parse(await page('feed.json')));
    assert.equal(feed.hub.slug, HUB);
    assert.equal(feed.assets.length, 6);
    const ics = await page('whats-on.ics');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=TU\r\n/);
    assert.match(ics, /RRULE:FREQ=MONTHLY;BYDAY=1SA\r\n/);
    assert.match(ics, /DTSTART;TZID=Europe\/London:20261205T100000/);
    assert.match(ics, /EXDATE;TZID=Europe\/London:20261229T100000/);
    const sitemap = await page('sitemap.xml');
    for (const id of ['canal-walking-group', 'phone-befriending']) assert.match(sitemap, new RegExp(`<loc>https://testtown.example.org/assets/${id}/</loc>`));
    assert.match(await read(join(site, '_headers')), /Content-Security-Policy: default-src 'self'; script-src 'self'/);
  });
});

describe('built output', () => {
  test('has no inline scripts, inline styles or style attributes', async () => {
    for (const file of htmlFiles(site)) {
      const html = await read(file);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.ok(/\bsrc=/.test(tag) || /type="application\/ld\+json"/.test(tag), `${file}: ${tag}`);
      assert.doesNotMatch(html, /<style\b/, file);
      assert.doesNotMatch(html, /\sstyle=/, file);
      assert.doesNotMatch(html, /\son[a-z]+=/i, file);
    }
  });

  test("pages load their widgets from the hub's copy of the widgets' CDN bundle, not from chunks of their own", async () => {
    const chunks = JSON.parse(await read(join(site, 'widgets/widgets.json'))) as Record<string, string>;
    const scripts = await Promise.all(
      readdirSync(join(site, '_astro'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => read(join(site, '_astro', f))),
    );
    for (const chunk of Object.values(chunks)) {
      assert.ok(existsSync(join(site, 'widgets', chunk)), chunk);
      assert.ok(
        scripts.some((js) => js.includes(`/${HUB}/widgets/${chunk}`)),
        `a page script imports ${chunk}`,
      );
    }
    assert.ok(!scripts.some((js) => js.includes('customElements.define')), "no widget is bundled into the pages' scripts");
  });

  test('has no broken internal links or assets', async () => {
    const broken: string[] = [];
    for (const file of htmlFiles(site)) {
      const html = await read(file);
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)) {
        if (!url?.startsWith('/')) continue;
        assert.ok(url.startsWith(`/${HUB}/`), `${file} links outside its base: ${url}`);
        const target = join(out, url);
        const ok = existsSync(target) && (!url.endsWith('/') || existsSync(join(target, 'index.html')));
        if (!ok) broken.push(`${file.slice(out.length)} → ${url}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});

describe('in the browser', () => {
  test('Pagefind finds an asset by a word of its description, and a filter narrows the results', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await tab.goto(`${origin}/${HUB}/search/?q=towpath`);
    await tab.waitForSelector('#search-results li');
    assert.deepEqual(await tab.locator('#search-results h2').allTextContents(), ['Canal Walking Group']);

    await tab.goto(`${origin}/${HUB}/search/?q=Birmingham`);
    await tab.waitForSelector('#search-results li');
    const all = await tab.locator('#search-results h2').count();
    await tab.goto(`${origin}/${HUB}/search/?q=Birmingham&kind=Service`);
    await tab.waitForFunction(() => /result/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const services = await tab.locator('#search-results h2').allTextContents();
    assert.ok(all >= 4, `expected several results, got ${all}`);
    assert.deepEqual(services.sort(), ['Money Advice Drop-in', 'Telephone Befriending']);
    assert.ok(services.length < all, 'the filter narrows the results');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await context.close();
  });

  test('widgets upgrade the pages under the strict CSP without errors', async () => {
    const context = await browser.newContext();
    // No network in tests: map tiles are refused, and not counted as errors.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && !/ERR_FAILED|net::/.test(m.text()) && problems.push(`${tab.url()}: ${m.text()}`));
    tab.on('pageerror', (e) => problems.push(`${tab.url()}: ${e.message}`));
    const widgets: [string, string][] = [
      ['find/', 'hub-asset-finder'],
      ['map/', 'hub-map'],
      ['my-plan/', 'hub-plan-builder'],
      ['check-in/', 'hub-self-assessment'],
      ['check-in/', 'hub-progress-chart'],
    ];
    for (const [path, tag] of widgets) {
      await tab.goto(`${origin}/${HUB}/${path}`);
      await tab.waitForFunction((t) => customElements.get(t) !== undefined && document.querySelector(t)?.shadowRoot !== null, tag, { timeout: 10_000 });
    }
    await tab.goto(`${origin}/${HUB}/assets/canal-walking-group/`);
    await tab.locator('hub-map').scrollIntoViewIfNeeded();
    await tab.waitForFunction(() => (document.querySelector('hub-map') as unknown as { feed?: { assets: unknown[] } })?.feed?.assets.length === 1, undefined, {
      timeout: 10_000,
    });
    // "Add to my plan" from an asset page puts the asset in the plan kept on this device.
    await tab.getByRole('button', { name: 'Add to my plan' }).click();
    await tab.waitForURL(/\/my-plan\/$/);
    const stored = await tab.evaluate(() => localStorage.getItem('townhub-plan:testtown'));
    assert.match(stored ?? '', /"id":"canal-walking-group","name":"Canal Walking Group"/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('pages work with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${origin}/${HUB}/find/`);
    assert.equal(await tab.locator('.cards .card').count(), 6);
    await tab.getByRole('link', { name: 'Canal Walking Group' }).click();
    assert.equal(await tab.locator('h1').textContent(), 'Canal Walking Group');
    await tab.getByRole('button', { name: 'Add to my plan' }).click();
    assert.match(tab.url(), /\/testtown\/my-plan\/\?add=canal-walking-group$/);
    await context.close();
  });

  test('pages pass axe (WCAG 2.2 AA rules)', async () => {
    const axeSource = await read(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    for (const path of ['', 'assets/canal-walking-group/', 'whats-on/', 'search/', 'embed/']) {
      await tab.goto(`${origin}/${HUB}/${path}`);
      await tab.evaluate(axeSource);
      const violations = await tab.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      assert.deepEqual(violations, [], `/${path}`);
    }
    await context.close();
  });
});

describe('server', () => {
  test('answers on / and /<hub>/ with the security headers', async () => {
    const index = await fetch(`${origin}/`);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<a href="\/testtown\/">Testtown Community Hub<\/a>/);
    const home = await fetch(`${origin}/${HUB}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.match(await home.text(), /<h1>Testtown Community Hub<\/h1>/);
    const bare = await fetch(`${origin}/${HUB}`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), `/${HUB}/`);
  });

  test('serves the feed with CORS, a hub 404 and the mounted API', async () => {
    const feed = await fetch(`${origin}/${HUB}/feed.json`);
    assert.equal(feed.headers.get('access-control-allow-origin'), '*');
    const missing = await fetch(`${origin}/${HUB}/no-such-page/`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Testtown Community Hub/);
    const health = await fetch(`${origin}/api/health`);
    assert.deepEqual(await health.json(), { ok: true });
    assert.equal((await fetch(`${origin}/api/nothing`)).status, 404);
  });

  test('serves the hub’s ORUK API and the share service', async () => {
    const meta = await fetch(`${origin}/${HUB}/api/oruk/`);
    assert.equal(meta.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(meta.headers.get('access-control-allow-origin'), '*');
    const services = (await (await fetch(`${origin}/${HUB}/api/oruk/services?page=1`)).json()) as { contents: { id: string }[]; total_items: number };
    assert.ok(services.total_items > 0 && services.contents.length > 0);
    const one = (await (await fetch(`${origin}/${HUB}/api/oruk/services/${services.contents[0]?.id}`)).json()) as { id: string };
    assert.equal(one.id, services.contents[0]?.id);
    const created = await fetch(`${origin}/api/shares`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([1, 2, 3]),
    });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    assert.deepEqual([...new Uint8Array(await (await fetch(`${origin}/api/shares/${id}`)).arrayBuffer())], [1, 2, 3]);
  });
});
