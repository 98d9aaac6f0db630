/**
 * One Debian Chromium per test run, and a watched page that records everything a quality gate fails on: console
 * errors, page errors, failed or third-party requests, CSP violations and dialogs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

let shared: Promise<Browser> | undefined;

/** The run's one Chromium, launched on first use. */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  return shared;
}

export async function closeBrowser(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

/** Map tiles are the only third-party requests the pages may make, and tests refuse them (no network in tests). */
const TILE = /tile|\/\d+\/\d+\/\d+\.(png|jpg|webp)/i;

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Everything that went wrong so far, one line each with the page it happened on. */
  problems: string[];
  /** CSP violations reported by the page (`securitypolicyviolation`) or the console. */
  cspViolations: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** A fresh context and page that record every problem; requests leaving 127.0.0.1 are refused and reported. */
export async function watchedPage(options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await (await browser()).newContext(options);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const cspViolations: string[] = [];
  const dialogs: string[] = [];
  const where = () => new URL(page.url() || 'about:blank', 'http://x/').pathname;
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(https?|wss?):/, (route) => {
    const url = route.request().url();
    if (!TILE.test(url)) problems.push(`${where()}: third-party request ${url}`);
    return route.abort();
  });
  if (options.javaScriptEnabled !== false) {
    await context.exposeBinding('__reportCsp', (_source, line: string) => {
      cspViolations.push(`${where()}: ${line}`);
    });
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => (window as unknown as { __reportCsp(s: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`),
        true,
      );
    });
  }
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) cspViolations.push(`${where()}: ${text}`);
    else if (/net::ERR_FAILED/.test(text) && TILE.test(m.location().url))
      return; // a refused map tile
    else problems.push(`${where()}: console error: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`${where()}: uncaught ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) return; // refused third-party requests are reported above
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return; // cancelled by leaving the page, not a failure
    problems.push(`${where()}: request failed ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${where()}: HTTP ${r.status()} ${r.url()}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(`${where()}: ${d.type()} "${d.message()}"`);
    await d.dismiss().catch(() => {});
  });
  return { context, page, problems, cspViolations, dialogs, close: () => context.close() };
}

/**
 * Waits until every `hub-*` element on the page has upgraded (defined and rendered into its shadow root).
 * Resolves with the tags that did not upgrade within the time allowed.
 */
export async function waitForWidgets(page: Page, timeout = 8_000): Promise<string[]> {
  // Scrolls each waiting widget into view: some load or render only when visible (the small map on asset pages).
  const pending = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('hub-') && !(customElements.get(el.localName) && el.shadowRoot?.childNodes.length))
        .map((el) => {
          // Previews inside closed <details> render only once opened.
          for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
          el.scrollIntoView({ block: 'center' });
          return el.localName;
        }),
    );
  const end = Date.now() + timeout;
  let left = await pending();
  while (left.length && Date.now() < end) {
    await page.waitForTimeout(100);
    left = await pending();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return left;
}

/** axe-core's browser bundle, to evaluate in a page (a strict CSP blocks it as an inline script tag). */
export const axeSource = () => readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe with the WCAG 2.2 A/AA tags on the page as it is now. */
export async function runAxe(page: Page, source: string): Promise<AxeFinding[]> {
  await page.evaluate(source);
  return page.evaluate(async (tags) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, AXE_TAGS);
}

/** Readable lines, one per rule and element, naming the pages where it was found (the same widget repeats on many pages). */
export function axeReport(found: { page: string; findings: AxeFinding[] }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { page, findings } of found)
    for (const f of findings)
      for (const target of f.targets) {
        const key = `${f.rule} (${f.impact}): ${f.help}\n    element ${target}`;
        groups.set(key, [...(groups.get(key) ?? []), page]);
      }
  return [...groups].map(([key, pages]) => `${key}\n    on ${pages.length} page(s): ${pages.slice(0, 4).join(', ')}${pages.length > 4 ? ', …' : ''}`);
}
