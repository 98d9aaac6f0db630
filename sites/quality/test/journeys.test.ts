/**
 * End-to-end journeys on the fixture hub served by the real server: find → plan → assess → share with the mouse,
 * with the keyboard only and at 320 px; the main pages with JavaScript off. Every step also fails on console errors,
 * failed requests, third-party requests and CSP violations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, type Watched, waitForWidgets, watchedPage } from '../src/browser.ts';
import { closeHostileHub, hostileHub, type ServedHub } from '../src/fixture.ts';

after(async () => {
  await closeBrowser();
  await closeHostileHub();
});

type Mode = 'mouse' | 'keyboard';

/** The element focused now, looking inside shadow roots. */
const isFocused = (target: Locator) =>
  target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });

/** All text of an element, its shadow tree and nested shadow trees (innerText stops at shadow roots). */
const deepText = (target: Locator) =>
  target.evaluate((root) => {
    const walk = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes].map(walk).join(' ');
    return walk(root).replace(/\s+/g, ' ');
  });

/** Presses Tab (or Shift+Tab) until `target` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Drives the page with the mouse or with the keyboard alone. */
function driver(page: Page, mode: Mode) {
  return {
    async press(target: Locator) {
      if (mode === 'mouse') return target.click();
      await tabTo(page, target);
      await page.keyboard.press(
        (await target.evaluate((el) => el.localName === 'input' && /checkbox|radio/.test((el as HTMLInputElement).type))) ? 'Space' : 'Enter',
      );
    },
    /** Chooses the `index`-th radio of a group: Tab enters the group once, arrow keys move and check. */
    async choose(group: Locator, index: number) {
      if (mode === 'mouse') return group.nth(index).click();
      await group.first().waitFor({ state: 'visible' });
      const focusedIndex = () =>
        group.evaluateAll((radios) => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return radios.indexOf(active as (typeof radios)[number]);
        });
      for (let i = 0; i < 400 && (await focusedIndex()) < 0; i++) await page.keyboard.press('Tab');
      if ((await focusedIndex()) < 0) throw new Error(`Tab never reached ${group}`);
      if (!(await group.nth(await focusedIndex()).isChecked())) await page.keyboard.press('Space');
      for (let i = 0; i < 20 && (await focusedIndex()) !== index; i++) await page.keyboard.press((await focusedIndex()) < index ? 'ArrowRight' : 'ArrowLeft');
    },
    async type(target: Locator, text: string) {
      if (mode === 'mouse') {
        await target.click();
        return target.fill(text);
      }
      await tabTo(page, target);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    },
  };
}

async function journey(hub: ServedHub, mode: Mode, viewport: { width: number; height: number }): Promise<Watched> {
  const tab = await watchedPage({ viewport, hasTouch: false });
  const { page } = tab;
  const act = driver(page, mode);
  const finderResults = page.locator('hub-asset-finder .results > li');

  // Find: search, then narrow with a filter.
  await page.goto(`${hub.base}find/`);
  assert.deepEqual(await waitForWidgets(page), []);
  await act.type(page.locator('hub-asset-finder #q'), 'club');
  await page.waitForFunction(() => /result/i.test(document.querySelector('hub-asset-finder')?.shadowRoot?.querySelector('#count')?.textContent ?? ''));
  await page.keyboard.press('Escape'); // closes the suggestions
  const searched = await finderResults.count();
  assert.ok(searched > 0, 'the search finds something');
  await act.press(page.locator('hub-asset-finder summary'));
  await act.press(page.locator('hub-asset-finder #free'));
  await page.waitForTimeout(300);
  const filtered = await finderResults.count();
  assert.ok(filtered > 0 && filtered <= searched, `the filter keeps a subset (${filtered} of ${searched})`);

  // Open the first result's page and add it to the plan with its "Add to my plan" button.
  const first = finderResults.nth(0).locator('[part=name] a, a[part=name]').first();
  const firstName = ((await finderResults.nth(0).locator('[part=name]').textContent()) ?? '').trim();
  await act.press(first);
  await page.waitForURL(/\/assets\/[a-z0-9-]+\/$/);
  await act.press(page.getByRole('button', { name: 'Add to my plan' }));
  await page.waitForURL(/\/my-plan\//);
  assert.deepEqual(await waitForWidgets(page), []);
  // Add a second asset by searching inside the plan.
  await act.type(page.locator('hub-plan-builder #search'), 'food');
  const addButton = page
    .locator('hub-plan-builder')
    .getByRole('button', { name: /^Add to my plan\s*:/ })
    .first();
  const secondName = ((await addButton.getAttribute('aria-label')) ?? (await addButton.textContent()) ?? '')
    .trim()
    .replace(/^Add to my plan\s*:\s*/, '')
    .trim();
  await act.press(addButton);
  const names = [firstName, secondName];

  // Pick on the map: a single place (not a cluster, which zooms in) is a button named after the asset.
  await page.goto(`${hub.base}map/`);
  assert.deepEqual(await waitForWidgets(page), []);
  await page.evaluate(() =>
    document
      .querySelector('hub-map')
      ?.addEventListener('hub-asset-select', (e) => ((window as unknown as { __picked: string }).__picked = (e as CustomEvent).detail.assetId)),
  );
  const marker = page.locator('hub-map .leaflet-marker-icon[role=button]:not([aria-label*="places here"])').first();
  await marker.waitFor({ timeout: 10_000 });
  await act.press(marker);
  const picked = await page.evaluate(() => (window as unknown as { __picked?: string }).__picked);
  assert.ok(picked, 'choosing a marker selects its asset');

  // The plan keeps both assets.
  await page.goto(`${hub.base}my-plan/`);
  assert.deepEqual(await waitForWidgets(page), []);
  const planText = await deepText(page.locator('hub-plan-builder'));
  for (const name of names)
    assert.ok(planText.includes(name), `the plan lists "${name}":\n${planText.slice(planText.indexOf('support') - 100, planText.indexOf('support') + 1200)}`);

  // Assess: ONS4 twice, then the chart shows both.
  await page.goto(`${hub.base}check-in/`);
  assert.deepEqual(await waitForWidgets(page), []);
  for (const round of [0, 1]) {
    for (let q = 0; q < 4; q++) await act.choose(page.locator(`hub-self-assessment input[name="q${q}"]`), round ? 3 : 7);
    await act.press(page.getByRole('button', { name: 'Save my answers' }));
    if (round === 0) await act.press(page.getByRole('button', { name: 'Answer the questions again' }));
  }
  await page.waitForTimeout(300);
  const chart = page.locator('hub-progress-chart');
  assert.ok((await chart.locator('svg').count()) > 0, 'a chart is drawn');
  assert.ok((await chart.locator('table tbody tr').count()) >= 2, 'the data table behind the chart has both check-ins');

  // Share: a live, read-only link for one person through the hub server's share service, opened in a fresh context.
  await page.goto(`${hub.base}my-plan/`);
  await waitForWidgets(page);
  await act.type(page.locator('hub-plan-builder #live-label'), 'my sister');
  await act.press(page.locator('hub-plan-builder').getByRole('button', { name: 'Create a link' }));
  const linkField = page.locator('hub-plan-builder input[id^="live-link-"]').first();
  await linkField.waitFor({ state: 'attached' });
  const link = await linkField.inputValue();
  assert.match(link, /#share=/);
  assert.match(link, /^http:\/\/127\.0\.0\.1/);
  const viewer = await watchedPage({ viewport });
  await viewer.page.goto(link);
  await waitForWidgets(viewer.page);
  // The view fetches and opens the plan after it has drawn itself: read it once it is no longer opening.
  let shared = '';
  for (const end = Date.now() + 10_000; Date.now() < end; await viewer.page.waitForTimeout(100)) {
    shared = await deepText(viewer.page.locator('hub-plan-view'));
    if (!shared.includes('Opening the shared plan')) break;
  }
  for (const name of names) assert.ok(shared.includes(name), `the shared plan lists "${name}" (${viewer.page.url().slice(0, 80)}…):\n${shared.slice(0, 800)}`);
  assert.deepEqual([...viewer.problems, ...viewer.cspViolations], [], 'the shared view has no errors');
  await viewer.close();
  return tab;
}

describe('find → plan → assess → share', () => {
  let hub: ServedHub;
  before(async () => {
    hub = await hostileHub();
  });

  const runs: [string, Mode, { width: number; height: number }][] = [
    ['with the mouse', 'mouse', { width: 1280, height: 900 }],
    ['with the keyboard only', 'keyboard', { width: 1280, height: 900 }],
    ['at 320 px wide', 'mouse', { width: 320, height: 640 }],
  ];
  for (const [name, mode, viewport] of runs) {
    test(name, async () => {
      const tab = await journey(hub, mode, viewport);
      await tab.close();
      assert.deepEqual(tab.problems, [], 'console errors or failed requests');
      assert.deepEqual(tab.cspViolations, [], 'CSP violations');
      if (viewport.width === 320) {
        // Nothing may force sideways scrolling on a small phone.
        const page = (await watchedPage({ viewport })).page;
        const wide: string[] = [];
        for (const path of ['', 'find/', 'my-plan/', 'check-in/']) {
          await page.goto(hub.base + path);
          await waitForWidgets(page);
          if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)) wide.push(path || '/');
        }
        await page.context().close();
        assert.deepEqual(wide, [], 'pages wider than 320 px');
      }
    });
  }
});

describe('the finder on the hub’s find page', () => {
  test('"Add to my plan" on a result reaches the plan', async () => {
    const hub = await hostileHub();
    const tab = await watchedPage();
    await tab.page.goto(`${hub.base}find/`);
    await waitForWidgets(tab.page);
    const name = ((await tab.page.locator('hub-asset-finder .results > li [part=name]').first().textContent()) ?? '').trim();
    // With no plan builder on the find page, the hand-off is the plan page's own ?add=<id> address.
    await tab.page.locator('hub-asset-finder hub-asset-card [part=plan-button]').first().click();
    await tab.page.waitForURL(/\/my-plan\//);
    await waitForWidgets(tab.page);
    let plan = '';
    for (let i = 0; i < 25 && !plan.includes(name); i++) {
      plan = await deepText(tab.page.locator('hub-plan-builder'));
      if (!plan.includes(name)) await tab.page.waitForTimeout(200);
    }
    await tab.close();
    assert.ok(plan.includes(name), `the plan lists "${name}" after "Add to my plan" on /find/`);
  });
});

describe('with JavaScript off', () => {
  let hub: ServedHub;
  before(async () => {
    hub = await hostileHub();
  });

  test('home, category, asset and what’s-on pages are complete and navigable', async () => {
    const tab = await watchedPage({ javaScriptEnabled: false });
    const { page } = tab;
    await page.goto(hub.base);
    assert.ok((await page.locator('h1').count()) === 1, 'home has a heading');
    const category = page.locator(`a[href^="/${hub.slug}/categories/"]`).first();
    await category.click();
    assert.match(page.url(), /\/categories\/[a-z-]+\/$/);
    assert.ok((await page.locator('h1').count()) === 1);
    const asset = page.locator(`main a[href^="/${hub.slug}/assets/"]`).first();
    await asset.click();
    assert.match(page.url(), /\/assets\/[a-z0-9-]+\/$/);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.match(text, /Add to my plan/);
    await page.goto(`${hub.base}whats-on/`);
    assert.ok((await page.locator(`main a[href^="/${hub.slug}/assets/"]`).count()) > 0, 'what’s on links to sessions');
    for (const path of ['', 'whats-on/']) {
      await page.goto(hub.base + path);
      assert.ok((await page.locator('nav a').count()) > 3, `${path || '/'} has navigation`);
    }
    await tab.close();
    assert.deepEqual(tab.problems, []);
  });
});
