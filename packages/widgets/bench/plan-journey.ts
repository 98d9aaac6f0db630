/**
 * End-to-end check of the plan widgets in real Chromium (`pnpm --filter @townhub/widgets exec node bench/plan-journey.ts`):
 * on one page a person adds assets from the finder to their plan, completes ONS4 on two dates, sees the chart, exports
 * the plan, imports it in another browser profile, and opens a read-only share link in a third. Screenshots go to
 * bench/out/. Exits non-zero if any step fails.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { sampleFeed } from '../src/plan/sample-feed.ts';
import { launchChromium } from './chromium.ts';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const outDir = fileURLToPath(new URL('../../../bench/out/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const bundle = await esbuild.build({
  entryPoints: [`${packageDir}bench/plan-journey-entry.ts`],
  bundle: true,
  format: 'esm',
  write: false,
  define: { __HUB_VERSION__: '"journey"' },
  tsconfig: `${packageDir}tsconfig.json`,
  loader: { '.css': 'text' },
  plugins: [
    {
      name: 'inline-css',
      setup(build) {
        build.onResolve({ filter: /\.css\?inline$/ }, async (args) => {
          const r = await build.resolve(args.path.slice(0, -'?inline'.length), { kind: 'import-statement', resolveDir: args.resolveDir });
          return { path: r.path, namespace: 'inline-css' };
        });
        build.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
      },
    },
  ],
});

const page = (body: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>My plan</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}</style>
<script type="module" src="/widgets.js"></script></head><body>${body}</body></html>`;
const files: Record<string, [string, string]> = {
  '/': [
    'text/html',
    page(`<h1>Find support and plan</h1>
<hub-asset-finder src="/feed.json"></hub-asset-finder>
<hub-plan-builder hub="example-town" src="/feed.json" share-url="/view.html"></hub-plan-builder>
<hub-self-assessment hub="example-town" measure="ons4"></hub-self-assessment>`),
  ],
  '/import.html': ['text/html', page('<hub-plan-builder hub="example-town" src="/feed.json"></hub-plan-builder>')],
  '/view.html': ['text/html', page('<hub-plan-view></hub-plan-view>')],
  '/feed.json': ['application/json', JSON.stringify(sampleFeed)],
  '/widgets.js': ['text/javascript', bundle.outputFiles[0]!.text],
};
const server = createServer((req, res) => {
  const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
  // A strict CSP: the widgets must work without inline scripts or eval.
  res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
  if (req.url === '/favicon.ico') return void res.writeHead(204).end();
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://localhost:${(server.address() as { port: number }).port}`;

const browser = await launchChromium();
const step = (what: string) => console.log(`✓ ${what}`);
const errors: string[] = [];
const watch = (p: Page) => {
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
};

async function answerOns4(p: Page, answers: number[]) {
  const form = p.locator('hub-self-assessment');
  const groups = form.getByRole('group');
  for (const [i, value] of answers.entries())
    await groups
      .nth(i)
      .getByRole('radio', { name: String(value), exact: true })
      .check();
  await form.getByRole('button', { name: 'Save my answers' }).click();
  await form.getByText('Your results:').waitFor();
}

try {
  // Profile 1: the person's own browser.
  const mine = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const p = await mine.newPage();
  watch(p);
  await p.clock.setFixedTime(new Date('2026-10-01T10:00:00'));
  await p.goto(`${base}/`);
  const finder = p.locator('hub-asset-finder');
  await finder
    .getByRole('button', { name: /to my plan/i })
    .first()
    .waitFor();
  await finder
    .getByRole('button', { name: /to my plan/i })
    .first()
    .click();
  await finder
    .getByRole('button', { name: /to my plan/i })
    .nth(1)
    .click();
  const builder = p.locator('hub-plan-builder');
  await builder.getByText(/Added .* to your plan/).waitFor();
  const chosen = await builder.locator('.asset-name').allTextContents();
  if (chosen.length !== 2) throw new Error(`Expected 2 assets in the plan, found ${chosen.length}`);
  step(`added from the finder: ${chosen.join(', ')}`);

  await builder.getByLabel('Add something that matters to you').fill('Get out and meet people');
  await builder.getByRole('button', { name: 'Add goal' }).click();
  await builder.getByLabel('Add a step').fill('Go to the café on Tuesday');
  await builder.getByRole('button', { name: 'Add step' }).click();
  step('added a goal and a step');

  await answerOns4(p, [4, 5, 3, 7]);
  step('completed ONS4 on 1 October 2026');
  await p.clock.setFixedTime(new Date('2026-11-01T10:00:00'));
  await p.locator('hub-self-assessment').getByRole('button', { name: 'Answer the questions again' }).click();
  await answerOns4(p, [6, 6, 7, 4]);
  const results = ((await p.locator('hub-self-assessment .results').textContent()) ?? '').replace(/\s+/g, ' ');
  if (!results.includes('Since last time (1 October 2026) it has gone up by 2, which is better.')) throw new Error(`Unexpected results: ${results}`);
  const charts = await p.locator('hub-self-assessment hub-progress-chart svg').count();
  if (charts !== 4) throw new Error(`Expected 4 charts, found ${charts}`);
  step('completed ONS4 again on 1 November 2026; results compare with last time; 4 charts drawn');
  await p.locator('hub-self-assessment hub-progress-chart').first().scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${outDir}plan-journey-results.png`, fullPage: true });
  await p.locator('hub-self-assessment hub-progress-chart').screenshot({ path: `${outDir}plan-journey-chart.png` });
  // High contrast: the chart must take system colours (checked on the line's computed stroke).
  await p.emulateMedia({ forcedColors: 'active' });
  const stroke = await p
    .locator('hub-self-assessment hub-progress-chart')
    .first()
    .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.line')!).stroke);
  await p.locator('hub-self-assessment hub-progress-chart').screenshot({ path: `${outDir}plan-journey-chart-forced-colors.png` });
  await p.emulateMedia({ forcedColors: 'none' });
  if (stroke === 'rgb(29, 112, 184)') throw new Error('The chart kept its theme colour in forced-colours mode');
  step(`chart uses system colours in forced-colours mode (line: ${stroke})`);
  // 400% zoom of a 1280px window is a 320px viewport.
  await p.setViewportSize({ width: 320, height: 800 });
  await p.waitForTimeout(100);
  await p
    .locator('hub-self-assessment hub-progress-chart section')
    .first()
    .screenshot({ path: `${outDir}plan-journey-chart-320px.png` });
  const svgWidth = await p
    .locator('hub-self-assessment hub-progress-chart')
    .first()
    .evaluate((el) => el.shadowRoot!.querySelector('svg')!.getBoundingClientRect().width);
  const hostWidth = await p
    .locator('hub-self-assessment hub-progress-chart')
    .first()
    .evaluate((el) => el.getBoundingClientRect().width);
  if (svgWidth > hostWidth + 1) throw new Error(`At 320px the chart overflows (${svgWidth} > ${hostWidth})`);
  await p.setViewportSize({ width: 1100, height: 900 });
  step('chart fits a 320px viewport (400% zoom)');

  const download = p.waitForEvent('download');
  await builder.getByRole('button', { name: 'Export to a file' }).click();
  const file = `${outDir}plan-journey-export.json`;
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  step(`exported ${exported.goals.length} goal, ${exported.assets.length} assets, ${exported.assessments.length} assessments`);

  await builder.getByRole('button', { name: 'Create a read-only link' }).click();
  const link = await builder.getByLabel('Read-only link to your plan').inputValue();
  step(`share link made (${link.length} characters)`);

  // Profile 2: another browser imports the file.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  watch(p2);
  await p2.goto(`${base}/import.html`);
  await p2.locator('hub-plan-builder').getByLabel('Import a plan from a file').setInputFiles(file);
  await p2.locator('hub-plan-builder').getByText('Imported your plan from').waitFor();
  const goal = await p2.locator('hub-plan-builder').locator('textarea[id^="goal-"][id$="-text"]').first().inputValue();
  if (goal !== 'Get out and meet people') throw new Error(`Imported goal is ${goal}`);
  step('imported the file in a second browser profile');

  // Profile 3: someone else opens the share link.
  const friend = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const p3 = await friend.newPage();
  watch(p3);
  await p3.goto(link);
  const view = p3.locator('hub-plan-view');
  await view.getByText('A wellness plan shared with you').waitFor();
  const viewText = await view.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
  for (const expected of ['Get out and meet people', 'Go to the café on Tuesday', chosen[0]!, 'answered 2 times'])
    if (!viewText.includes(expected)) throw new Error(`Shared view lacks “${expected}”:\n${viewText}`);
  await p3.screenshot({ path: `${outDir}plan-journey-shared.png`, fullPage: true });
  step('opened the share link read-only in a third browser profile');

  const tampered = `${link.slice(0, link.indexOf('#plan=') + 20)}${link.charAt(link.indexOf('#plan=') + 20) === 'A' ? 'B' : 'A'}${link.slice(link.indexOf('#plan=') + 21)}`;
  await p3.goto('about:blank');
  await p3.goto(tampered);
  await view.getByText('The shared plan could not be opened').waitFor();
  step('a tampered link fails with a message');
  if (errors.length) throw new Error(`Errors in the page:\n${errors.join('\n')}`);
  console.log(`Screenshots: ${outDir}plan-journey-results.png, ${outDir}plan-journey-shared.png`);
} catch (error) {
  console.error('✗', error);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
