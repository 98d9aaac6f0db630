/**
 * Lighthouse (mobile profile, Debian Chromium) on a clean generated 40-asset hub served by the real server: home, an
 * asset, find and plan pages; plus the bytes of the first Pagefind query and the feed bytes per asset of a real hub.
 * Prints a table beside the targets and writes bench/out/quality.json.
 *
 *   pnpm --filter @townhub/quality bench
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { browser, CHROMIUM_FLAGS, CHROMIUM_PATH, closeBrowser } from '../src/browser.ts';
import { buildAndServe, generateData, REPO_ROOT, townhub } from '../src/fixture.ts';

interface Row {
  benchmark: string;
  measure: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

const rows: Row[] = [];
const row = (measure: string, value: number, unit: string, target?: [string, (v: number) => boolean]) =>
  rows.push({ benchmark: 'lighthouse', measure, value, unit, ...(target ? { target: target[0], pass: target[1](value) } : {}) });

const hub = await buildAndServe(await generateData('benchtown'), 'benchtown');
const pages: [string, string][] = [
  ['home', ''],
  ['asset', 'assets/benchtown-01/'],
  ['find', 'find/'],
  ['plan', 'my-plan/'],
];

const out = join(REPO_ROOT, 'bench/out');
const reports = join(out, 'lighthouse');
await mkdir(reports, { recursive: true });

const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(hub.base + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      formFactor: 'mobile',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    // The full report, to read which audits lose points.
    await writeFile(join(reports, `${name}.json`), JSON.stringify(lhr));
    for (const category of ['performance', 'accessibility', 'best-practices', 'seo'])
      row(`${name} ${category}`, Math.round((lhr.categories[category]?.score ?? 0) * 100), '', ['≥ 98', (v) => v >= 98]);
    row(`${name} LCP`, Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN), 'ms', ['≤ 1200', (v) => v <= 1200]);
    row(`${name} TBT`, Math.round(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN), 'ms', ['≤ 50', (v) => v <= 50]);
    row(`${name} CLS`, Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)), '', ['≤ 0.02', (v) => v <= 0.02]);
  }
} finally {
  await chrome.kill();
}

// Bytes the first Pagefind search transfers (its script, WebAssembly, index chunks), measured in Chromium.
{
  const context = await (await browser()).newContext();
  const page = await context.newPage();
  await page.goto(`${hub.base}search/`);
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  await page.goto(`${hub.base}search/?q=walking`);
  await page.waitForSelector('#search-results li', { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  const pageBytes = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.transferSize ?? 0;
  });
  row('first Pagefind query bytes', bytes - pageBytes, 'B');
  await context.close();
  await closeBrowser();
}

// Feed bytes per asset of a real hub.
{
  const feed = await townhub(['feed', '--hub', 'birmingham-ladywood']);
  if (feed.code !== 0) throw new Error(feed.stderr);
  const count = (JSON.parse(feed.stdout) as { assets?: unknown[]; a?: unknown[] }).assets?.length ?? 0;
  row('feed bytes per asset (gzip, birmingham-ladywood)', Math.round(gzipSync(feed.stdout).length / Math.max(1, count)), 'B');
  row('feed assets (birmingham-ladywood)', count, '');
}

await hub.close();

const width = Math.max(...rows.map((r) => r.measure.length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(9)}  unit  target    pass`);
for (const r of rows)
  console.log(
    `${r.measure.padEnd(width)}  ${String(r.value).padStart(9)}  ${r.unit.padEnd(4)}  ${(r.target ?? '').padEnd(8)}  ${r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'}`,
  );
await writeFile(join(out, 'quality.json'), `${JSON.stringify({ rows }, null, 2)}\n`);
console.log(`\nWrote ${join(out, 'quality.json')} and the full reports in ${reports}`);
