/**
 * Plan benchmark (`pnpm bench plan`, or `pnpm --filter @townhub/widgets exec node bench/plan.bench.ts`):
 * - save and load of a large plan (50 goals, 200 steps, 100 assessments) through PlanStore in real Chromium;
 * - share-link length for a typical plan (target ≤ 2,000 characters);
 * - gzip bytes of each plan widget as built in dist/ (built first if missing), minified, without lit, split as the CDN
 *   build splits it: what the first load fetches (budgets: plan builder ≤ 12 kB, self-assessment with its chart
 *   ≤ 10 kB) and each chunk loaded on demand. Each file is gzipped on its own and the sizes summed, as a browser
 *   fetches them one by one (the same measure as scripts/size-build.ts and size-limit); kB = 1000 bytes.
 * Prints a table and writes bench/out/plan.json at the workspace root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { type SizeFile, splitForSize } from '../scripts/size-build.ts';
import { launchChromium } from './chromium.ts';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = 25;
const KB = 1024;

interface Row {
  benchmark: string;
  measure: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}
const rows: Row[] = [];
const add = (measure: string, value: number, unit: string, limit?: number) =>
  rows.push({ benchmark: 'plan', measure, value, unit, ...(limit === undefined ? {} : { target: `≤ ${limit} ${unit}`, pass: value <= limit }) });

// 1. Bundle sizes: each widget's built define module, minified and gzipped, lit and leaflet left out (shared by every
// widget, or loaded only with a map). Built with code splitting, as the CDN build is: "first load" is the entry and
// every chunk it imports statically; features loaded on demand (import()) are their own chunks, listed below it, and
// counted in "all code". Each file is compressed on its own, as it is fetched.
if (!existsSync(`${packageDir}dist/plan-builder/define.js`)) execFileSync('pnpm', ['run', 'build'], { cwd: packageDir, stdio: 'inherit' });
const entries: [string, string[], number | undefined][] = [
  ['plan builder', ['dist/plan-builder/define.js'], 12],
  ['self-assessment + progress chart', ['dist/self-assessment/define.js', 'dist/progress-chart/define.js'], 10],
  ['plan view', ['dist/plan-view/define.js'], undefined],
  ['progress chart', ['dist/progress-chart/define.js'], undefined],
];
const gzipkB = (files: Uint8Array[]) => Math.round(files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0) / 10) / 100;
for (const [name, entryFiles, budget] of entries) {
  const files = await splitForSize(entryFiles);
  add(`gzip: ${name}, first load (without lit)`, gzipkB(files.filter((f) => f.first).map((f) => f.contents)), 'kB', budget);
  const onDemand = files.filter((f) => !f.first);
  if (onDemand.length === 0) continue;
  // A chunk is named after its entry module; a chunk shared by several is named here after the modules it holds.
  const label = (file: SizeFile) =>
    file.name.startsWith('chunk-')
      ? file.inputs.map((input) => input.replace(/^(.*\/)?(src|dist)\//, '').replace(/\.[jt]s$/, '')).join(' + ')
      : file.name.replace(/-[A-Z0-9]{8}\.js$/, '');
  for (const file of onDemand) add(`  on demand: ${label(file)}`, gzipkB([file.contents]), 'kB');
  add(`  all code, first load and on demand`, gzipkB(files.map((f) => f.contents)), 'kB');
}

// 2. Save/load and share links in Chromium.
const bundle = await esbuild.build({
  entryPoints: [`${packageDir}bench/plan-bench-entry.ts`],
  bundle: true,
  format: 'iife',
  write: false,
  tsconfig: `${packageDir}tsconfig.json`,
});
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // localStorage needs a real origin; serve an empty page from a route.
  await page.route('https://bench.local/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto('https://bench.local/');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const timings = await page.evaluate(async (runs) => {
    const { PlanStore, largePlan, samplePlan, createShareLink } = (globalThis as never as { planBench: Record<string, never> }).planBench as unknown as {
      PlanStore: new (
        hub: string,
      ) => { replace(p: unknown): unknown; load(): unknown; update(f: (p: { reviewDate?: string }) => void): unknown; close(): void };
      largePlan: () => unknown;
      samplePlan: () => unknown;
      createShareLink: (p: unknown, url: string) => Promise<string>;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const store = new PlanStore('bench');
    const plan = largePlan();
    const save: number[] = [];
    const load: number[] = [];
    const edit: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      store.replace(plan);
      save.push(performance.now() - t);
      t = performance.now();
      store.load();
      load.push(performance.now() - t);
      t = performance.now();
      store.update((p) => {
        p.reviewDate = '2026-12-01';
      });
      edit.push(performance.now() - t);
    }
    const bytes = localStorage.getItem('townhub-plan:bench')!.length;
    store.close();
    const typical = await createShareLink(samplePlan(), 'https://example-town.example.org/plan/view/');
    const large = await createShareLink(plan, 'https://example-town.example.org/plan/view/');
    return { save: median(save), load: median(load), edit: median(edit), bytes, typical: typical.length, large: large.length };
  }, RUNS);
  add('large plan: save (replace), median', timings.save, 'ms');
  add('large plan: load (parse + validate), median', timings.load, 'ms');
  add('large plan: one edit (load + change + save), median', timings.edit, 'ms');
  add('large plan: stored size', Math.round(timings.bytes / KB), 'KB');
  add('share link length, typical plan', timings.typical, 'chars', 2000);
  add('share link length, large plan', timings.large, 'chars');
} finally {
  await browser.close();
}

const fmt = (r: Row) => [r.measure, `${Number(r.value.toFixed(2))} ${r.unit}`, r.target ?? '', r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS'];
const headers = ['measure', 'value', 'target', ''];
const cells = rows.map(fmt);
const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
console.log(`(large plan: 50 goals, 200 steps, 100 assessments; ${RUNS} runs each)`);
mkdirSync(`${rootDir}bench/out`, { recursive: true });
writeFileSync(`${rootDir}bench/out/plan.json`, `${JSON.stringify({ rows }, null, 2)}\n`);
