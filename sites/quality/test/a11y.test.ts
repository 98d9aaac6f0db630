/**
 * Accessibility crawl: axe (WCAG 2.2 A/AA tags) over every page in the fixture hub's sitemap and every Storybook
 * story, plus what axe cannot see alone: every control reachable by Tab, a visible focus indicator, targets ≥ 24 px.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type AxeFinding, axeReport, axeSource, closeBrowser, runAxe, waitForWidgets, watchedPage } from '../src/browser.ts';
import { closeHostileHub, hostileHub, REPO_ROOT, type ServedHub, sitemapUrls } from '../src/fixture.ts';
import { serveStatic } from '../src/static-server.ts';

after(async () => {
  await closeBrowser();
  await closeHostileHub();
});

describe('axe', () => {
  let hub: ServedHub;
  before(async () => {
    hub = await hostileHub();
  });

  test('every page in the sitemap, with widgets upgraded, has zero violations', async () => {
    const source = await axeSource();
    // axe is evaluated as a script, which the hub's strict CSP would refuse; bypass it for the axe run only.
    const tab = await watchedPage({ bypassCSP: true });
    const found: { page: string; findings: AxeFinding[] }[] = [];
    for (const url of await sitemapUrls(hub)) {
      await tab.page.goto(url);
      await waitForWidgets(tab.page);
      found.push({ page: url.slice(hub.origin.length), findings: await runAxe(tab.page, source) });
    }
    const report = axeReport(found);
    await tab.close();
    assert.equal(report.length, 0, `axe violations:\n${report.join('\n')}`);
  });

  test('every Storybook story has zero violations', async (t) => {
    const dir = join(REPO_ROOT, 'storybook-static');
    if (!existsSync(join(dir, 'index.json'))) return t.skip('storybook-static/ not built: run `pnpm build-storybook` first');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    const served = await serveStatic({ '/': dir });
    const source = await axeSource();
    const tab = await watchedPage({ bypassCSP: true });
    const found: { page: string; findings: AxeFinding[] }[] = [];
    try {
      for (const story of stories) {
        await tab.page.goto(`${served.origin}/iframe.html?id=${story.id}&viewMode=story`);
        await tab.page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount, undefined, { timeout: 15_000 });
        await waitForWidgets(tab.page, 5_000);
        found.push({ page: story.id, findings: await runAxe(tab.page, source) });
      }
    } finally {
      // A failed story must not leave the server open and hold the run.
      await tab.close();
      await served.close();
    }
    const report = axeReport(found);
    assert.ok(stories.length > 0, 'stories found');
    assert.equal(report.length, 0, `axe violations in stories:\n${report.join('\n')}`);
  });
});

interface Control {
  label: string;
  reached: boolean;
  indicator: boolean;
  width: number;
  height: number;
  inline: boolean;
}

/** Tabs through the page and reports, for every focusable control, whether Tab reached it, its focus style and size. */
async function tabWalk(page: import('playwright-core').Page): Promise<{ controls: Control[]; presses: number; wrapped: boolean }> {
  await page.evaluate(() => {
    const deep = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    const focusable = deep(document).filter((el) => {
      const h = el as HTMLElement;
      if (!h.matches('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]') || h.matches('[tabindex="-1"], :disabled'))
        return false;
      // checkVisibility also hides the content of closed <details>.
      return !h.closest('[inert]') && h.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    });
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join('|');
    };
    (document.activeElement as HTMLElement | null)?.blur();
    const w = window as unknown as { __controls: { el: Element; rest: string; focus?: string; w: number; h: number }[] };
    w.__controls = focusable.map((el) => ({ el, rest: look(el), w: 0, h: 0 }));
  });
  const count = await page.evaluate(() => (window as unknown as { __controls: unknown[] }).__controls.length);
  // Tab until focus comes back round to where it started (or far more presses than there are controls).
  let first: string | undefined;
  let presses = 0;
  let wrapped = false;
  // Controls inside nested shadow roots can outnumber the count, so allow plenty; wrapping round ends it early.
  for (let i = 0; i < Math.max(count * 2 + 20, 500); i++) {
    presses++;
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const w = window as unknown as { __controls: { el: Element; rest: string; focus?: string; w: number; h: number }[] };
      const index = w.__controls.findIndex((c) => c.el === el);
      const entry = w.__controls[index];
      if (!entry || !el) return String(index);
      const s = getComputedStyle(el);
      entry.focus = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join('|');
      // A radio or checkbox is hit through its label too.
      const rects = [el.getBoundingClientRect(), ...[...((el as HTMLInputElement).labels ?? [])].map((l) => l.getBoundingClientRect())];
      entry.w = Math.max(...rects.map((r) => r.width));
      entry.h = Math.max(...rects.map((r) => r.height));
      return String(index);
    });
    if (at === '-1') continue;
    if (first === undefined) first = at;
    else if (at === first) {
      wrapped = true;
      break;
    }
  }
  const controls = await page.evaluate(() =>
    (window as unknown as { __controls: { el: Element; rest: string; focus?: string; w: number; h: number }[] }).__controls
      // A control that went away meanwhile (e.g. "Show more" once everything is shown) is not a missed one.
      .filter((c) => c.el.isConnected && c.el.checkVisibility({ visibilityProperty: true }))
      .map((c) => ({
        label: `<${c.el.localName}> "${(c.el.textContent || c.el.getAttribute('aria-label') || (c.el as HTMLInputElement).name || c.el.id).trim().slice(0, 40)}"`,
        // Tab enters a radio group once; arrow keys move inside it.
        reached:
          c.focus !== undefined ||
          ((c.el as HTMLInputElement).type === 'radio' &&
            (window as unknown as { __controls: { el: Element; focus?: string }[] }).__controls.some(
              (o) =>
                o.focus !== undefined &&
                (o.el as HTMLInputElement).type === 'radio' &&
                (o.el as HTMLInputElement).name === (c.el as HTMLInputElement).name &&
                o.el.getRootNode() === c.el.getRootNode(),
            )),
        indicator: c.focus === undefined || c.focus !== c.rest,
        width: c.w,
        height: c.h,
        // WCAG 2.5.8 exempts links inside a sentence.
        inline: c.el.localName === 'a' && getComputedStyle(c.el).display === 'inline' && !!c.el.parentElement?.closest('p, li, dd, td'),
      })),
  );
  return { controls, presses, wrapped };
}

describe('keyboard and targets', () => {
  let hub: ServedHub;
  before(async () => {
    hub = await hostileHub();
  });

  for (const path of ['', 'assets/qtown-01/', 'find/', 'whats-on/', 'my-plan/', 'check-in/', 'search/']) {
    test(`/${path}: every control is reachable by Tab, shows focus and is at least 24 px`, async () => {
      const tab = await watchedPage();
      await tab.page.goto(hub.base + path);
      await waitForWidgets(tab.page);
      // Widgets render their data after loading it: let them settle so the controls found are the ones Tab meets.
      await tab.page.waitForLoadState('networkidle');
      await tab.page.waitForTimeout(300);
      const { controls, presses, wrapped } = await tabWalk(tab.page);
      await tab.close();
      assert.ok(controls.length > 3, 'the page has controls');
      assert.deepEqual(
        controls.filter((c) => !c.reached).map((c) => c.label),
        [],
        `not reachable by Tab (${presses} presses over ${controls.length} controls, focus ${wrapped ? 'came back round' : 'never came back round'})`,
      );
      assert.deepEqual(
        controls.filter((c) => !c.indicator).map((c) => c.label),
        [],
        'no visible focus indicator',
      );
      assert.deepEqual(
        controls
          .filter((c) => c.width > 0 && !c.inline && (c.width < 24 || c.height < 24))
          .map((c) => `${c.label} ${c.width.toFixed(0)}×${c.height.toFixed(0)}`),
        [],
        'targets smaller than 24 × 24 px',
      );
    });
  }
});
