/**
 * XSS corpus: bad-scheme URLs and markup in plain-text fields are refused by `townhub check`; a hub carrying the
 * corpus in every other text and URL field builds, and every page and widget renders it inert in Chromium.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browser, closeBrowser, waitForWidgets, watchedPage } from '../src/browser.ts';
import { assetDir, closeHostileHub, editYaml, generateData, HUB, hostileHub, type ServedHub, sitemapUrls, townhub } from '../src/fixture.ts';
import { BAD_SCHEME_URLS, CANARY, MARKUP_PAYLOADS, PAYLOADS } from '../src/xss-payloads.ts';

after(async () => {
  await closeBrowser();
  await closeHostileHub();
});

interface CheckProblem {
  file: string;
  field: string;
  message: string;
  severity: string;
}

async function checkJson(data: string): Promise<{ code: number; problems: CheckProblem[] }> {
  const { code, stdout } = await townhub(['check', '--data', data, '--format', 'json']);
  return { code, problems: (JSON.parse(stdout) as { problems: CheckProblem[] }).problems.filter((p) => p.severity === 'error') };
}

test('the corpus has at least 30 payloads, each setting the canary', () => {
  assert.ok(PAYLOADS.length >= 30, `${PAYLOADS.length} payloads`);
  for (const p of PAYLOADS) assert.match(p.value, new RegExp(`window\\.${CANARY}=1`), p.id);
  assert.equal(new Set(PAYLOADS.map((p) => p.id)).size, PAYLOADS.length, 'ids are unique');
});

describe('townhub check', () => {
  let data = '';
  before(async () => {
    data = await generateData(HUB, 3);
  });
  after(() => rm(data, { recursive: true, force: true }));

  test('refuses every bad-scheme URL in every URL field of hubs and assets', async () => {
    const [template] = (await readdir(assetDir(data))).filter((f) => f.endsWith('.yaml'));
    const hubFile = join(data, 'hubs', HUB, 'hub.yaml');
    const root = join(data, 'bad-urls');
    await mkdir(join(root, 'hubs'), { recursive: true });
    await writeFile(join(root, 'taxonomy.yaml'), await readFile(join(data, 'taxonomy.yaml')));
    for (const [i, url] of BAD_SCHEME_URLS.entries()) {
      const slug = `bad-${i}`;
      const dir = join(root, 'hubs', slug);
      await mkdir(join(dir, 'assets'), { recursive: true });
      const hubCopy = join(dir, 'hub.yaml');
      await writeFile(hubCopy, await readFile(hubFile));
      await editYaml(hubCopy, (h) => {
        h.slug = slug;
        h.siteUrl = url;
        h.intro = MARKUP_PAYLOADS[i % MARKUP_PAYLOADS.length]?.value; // tags in a plain-text field of the hub
        h.repository.url = url;
        h.contact = { ...h.contact, website: url, booking: url };
      });
      // Assets are checked under a valid hub, so their own problems are reported.
      const assetCopy = join(assetDir(data), `bad-${i}-asset.yaml`);
      await writeFile(assetCopy, await readFile(join(assetDir(data), template ?? '')));
      await editYaml(assetCopy, (a) => {
        a.id = `bad-${i}-asset`;
        a.contact = { ...a.contact, website: url, booking: url };
      });
    }
    const hubs = await checkJson(root);
    const assets = await checkJson(data);
    assert.equal(hubs.code, 1);
    assert.equal(assets.code, 1);
    const problems = [...hubs.problems, ...assets.problems];
    const missing: string[] = [];
    for (const [i, url] of BAD_SCHEME_URLS.entries()) {
      const fields = (file: string) => problems.filter((p) => p.file.endsWith(file)).map((p) => p.field);
      for (const field of ['siteUrl', 'repository.url', 'contact.website', 'contact.booking', 'intro'])
        if (!fields(`bad-${i}/hub.yaml`).includes(field)) missing.push(`hub ${field} = ${JSON.stringify(url)}`);
      for (const field of ['contact.website', 'contact.booking'])
        if (!fields(`bad-${i}-asset.yaml`).includes(field)) missing.push(`asset ${field} = ${JSON.stringify(url)}`);
    }
    assert.deepEqual(missing, [], `accepted:\n${missing.join('\n')}`);
  });

  test('refuses markup payloads in plain-text fields', async () => {
    const plainFields = ['summary', 'description', 'schedule.note', 'cost.description', 'cost.concessions', 'eligibility.whoFor'];
    const [template] = (await readdir(assetDir(data))).filter((f) => f.endsWith('.yaml'));
    for (const [i, payload] of MARKUP_PAYLOADS.entries()) {
      const file = join(assetDir(data), `markup-${i}.yaml`);
      await writeFile(file, await readFile(join(assetDir(data), template ?? '')));
      await editYaml(file, (a) => {
        a.id = `markup-${i}`;
        a.summary = payload.value.slice(0, 200);
        a.description = `Hello ${payload.value}`;
        a.schedule = { ...a.schedule, note: payload.value };
        a.cost = { ...a.cost, description: payload.value, concessions: payload.value };
        a.eligibility = { ...a.eligibility, whoFor: payload.value };
      });
    }
    const { code, problems } = await checkJson(data);
    assert.equal(code, 1);
    const accepted: string[] = [];
    for (const [i, payload] of MARKUP_PAYLOADS.entries()) {
      const fields = problems.filter((p) => p.file.endsWith(`markup-${i}.yaml`)).map((p) => p.field);
      for (const field of plainFields) if (!fields.includes(field)) accepted.push(`${field}: ${payload.id}`);
    }
    assert.deepEqual(accepted, [], `accepted:\n${accepted.join('\n')}`);
  });
});

describe('the hostile hub renders every payload inert', () => {
  let hub: ServedHub;
  let urls: string[] = [];
  before(async () => {
    hub = await hostileHub();
    urls = await sitemapUrls(hub);
    await browser();
  });

  test('townhub check accepts the hostile hub (payloads only where text may go)', async () => {
    const { code, problems } = await checkJson(hub.data);
    assert.deepEqual(problems, []);
    assert.equal(code, 0);
  });

  test('every sitemap page and widget, under the real CSP: no canary, dialog, CSP violation, console error or failed request', async () => {
    const tab = await watchedPage();
    const fired: string[] = [];
    const widgetPages = ['find/', 'map/', 'my-plan/', 'check-in/', 'embed/'].map((p) => hub.base + p);
    for (const url of new Set([...urls, ...widgetPages])) {
      await tab.page.goto(url, { waitUntil: 'load' });
      const left = await waitForWidgets(tab.page);
      assert.deepEqual(left, [], `widgets did not upgrade on ${url}`);
      if (await tab.page.evaluate((c) => (window as unknown as Record<string, unknown>)[c], CANARY)) fired.push(url);
    }
    // Interact: search for a payload word in the finder and Pagefind, and put hostile assets in a plan.
    await tab.page.goto(`${hub.base}find/`);
    await waitForWidgets(tab.page);
    await tab.page.locator('hub-asset-finder #q').fill('script');
    await tab.page.waitForTimeout(500);
    await tab.page.locator('hub-asset-finder #q').fill('img onerror');
    await tab.page.keyboard.press('ArrowDown');
    await tab.page.waitForTimeout(500);
    await tab.page.goto(`${hub.base}search/?q=script`);
    await tab.page.waitForSelector('#search-results li', { timeout: 10_000 }).catch(() => {});
    const ids = urls.filter((u) => u.includes('/assets/')).map((u) => u.split('/assets/')[1]?.replace(/\/$/, ''));
    await tab.page.goto(`${hub.base}my-plan/?add=${ids[0]}`);
    await waitForWidgets(tab.page);
    await tab.page.goto(`${hub.base}my-plan/?add=${ids[1]}`);
    await waitForWidgets(tab.page);
    await tab.page.waitForTimeout(300);
    if (await tab.page.evaluate((c) => (window as unknown as Record<string, unknown>)[c], CANARY)) fired.push('after interaction');
    await tab.close();
    assert.deepEqual(fired, [], 'the canary was set');
    assert.deepEqual(tab.dialogs, [], 'a dialog opened');
    assert.deepEqual(tab.cspViolations, [], 'CSP violations');
    assert.deepEqual(tab.problems, [], 'console errors, failed or third-party requests');
  });

  test('with the CSP bypassed, escaping alone keeps every payload inert', async () => {
    const tab = await watchedPage({ bypassCSP: true });
    const fired: string[] = [];
    for (const url of urls) {
      await tab.page.goto(url, { waitUntil: 'load' });
      await waitForWidgets(tab.page);
      if (await tab.page.evaluate((c) => (window as unknown as Record<string, unknown>)[c], CANARY)) fired.push(url);
    }
    await tab.close();
    assert.deepEqual(fired, [], 'the canary was set');
    assert.deepEqual(tab.dialogs, [], 'a dialog opened');
  });
});
