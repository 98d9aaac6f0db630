/**
 * Plan benchmark (`pnpm bench plan`, or `pnpm --filter @townhub/widgets exec node bench/plan.bench.ts`):
 * - save and load of a large plan (50 goals, 200 steps, 100 assessments) through PlanStore in real Chromium;
 * - share-link length for a typical plan (target ≤ 2,000 characters);
 * - gzip bytes of each plan widget's entry, minified, without lit (budgets: plan builder ≤ 12 KB, self-assessment
 *   with its chart ≤ 10 KB).
 * Prints a table and writes bench/out/plan.json at the workspace root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
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

// 1. Bundle sizes: each widget's define entry, minified and gzipped, lit left out (it is shared by every widget).
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];
const entries: [string, string, number | undefined][] = [
  ['plan builder', 'src/plan-builder/define.ts', 12],
  ['self-assessment with chart', 'src/self-assessment/define.ts', 10],
  ['plan view', 'src/plan-view/define.ts', undefined],
  ['progress chart', 'src/progress-chart/define.ts', undefined],
];
for (const [name, entry, budget] of entries) {
  const result = await esbuild.build({
    entryPoints: [`${packageDir}${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: LIT,
    define: { __HUB_VERSION__: '"bench"' },
    tsconfig: `${packageDir}tsconfig.json`,
  });
  const bytes = result.outputFiles[0]!.contents;
  add(`gzip: ${name} (without lit)`, Math.round((gzipSync(bytes, { level: 9 }).length / KB) * 100) / 100, 'KB', budget);
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
