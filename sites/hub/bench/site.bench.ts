/**
 * Hub site benchmark: build time per 1,000 asset pages (with Pagefind), a 10,000-asset hub's time and peak memory
 * (whole process tree), all seed hubs (worker and process builders), files and bytes per hub, and the JavaScript an
 * asset page loads before interaction, each beside a plain Astro 7 baseline built in the same run. Times show wall
 * time and, in brackets, CPU time of the whole process tree.
 * Prints a table and writes bench/out/site.json.
 *
 * The 1,000-asset build and its baseline run `--runs` times each (default 3), taking turns, and the median of each is
 * shown: one build on these machines can take 15% more or less than the next.
 *
 *   pnpm --filter @townhub/site bench [--small 1000] [--runs 3] [--large 10000] [--skip-large]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { hubSlugs } from '@townhub/schema';
import { launchChromium } from '../test/helpers.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SITE = fileURLToPath(new URL('../', import.meta.url));
const RUNS = join(REPO, 'bench/out/site-runs');
const { values } = parseArgs({
  options: { small: { type: 'string' }, runs: { type: 'string' }, large: { type: 'string' }, 'skip-large': { type: 'boolean' } },
});
const SMALL = Number(values.small ?? 1000);
const SMALL_RUNS = Math.max(1, Number(values.runs ?? 3));
const LARGE = Number(values.large ?? 10000);

// ---------------------------------------------------------------------------
// Running a command while sampling the memory of its whole process tree

function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU time (user + system, ms) of this process's children that have ended, including their own children. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Runs a command and returns its wall time, its CPU time and the peak memory of its process tree. CPU time is shown
 * beside wall time because it is much less affected by other work on a busy machine.
 */
async function measure(
  args: string[],
  env: Record<string, string> = {},
  { allowFailure = false } = {},
): Promise<{ ms: number; cpuMs: number; peakMb: number; output: string; ok: boolean }> {
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(timer);
  if (code !== 0 && !allowFailure) throw new Error(`${args.join(' ')} failed (${code}):\n${output}`);
  return { ms: performance.now() - started, cpuMs: childrenCpuMs() - cpuBefore, peakMb: peak / 1024 / 1024, output, ok: code === 0 };
}

// ---------------------------------------------------------------------------
// Inputs

const WORDS = 'community garden walking group advice support friendly local weekly free session tea chat library health money food music'.split(' ');
async function baselineData(n: number, file: string): Promise<void> {
  const paragraph = (i: number) => Array.from({ length: 120 }, (_, j) => WORDS[(i * 7 + j * 13) % WORDS.length]).join(' ');
  const items = Array.from({ length: n }, (_, i) => ({ id: `page-${i}`, title: `Page ${i}`, body: Array.from({ length: 8 }, (_, j) => paragraph(i + j)) }));
  await writeFile(file, JSON.stringify(items));
}

async function generatedHub(n: number, dir: string): Promise<void> {
  await measure([join(REPO, 'packages/cli/src/main.ts'), 'generate', '--hub', 'generated', '--assets', String(n), '--out', dir, '--seed', '1']);
}

function filesAndBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, f));
    if (s.isFile()) {
      files++;
      bytes += s.size;
    }
  }
  return { files, bytes };
}

interface AssetPageJs {
  /** The asset page measured (one that shows a small map). */
  page: string;
  /** Gzipped KB of scripts loaded after opening the page, without scrolling or any other interaction. */
  beforeKb: number;
  /** Gzipped KB more once the small map is scrolled into view (the map widget, its feed decoding and Leaflet). */
  mapKb: number;
  /** The part of `mapKb` that is Leaflet. */
  leafletKb: number;
}

/**
 * Gzipped JavaScript of an asset page that shows a small map (served from disk through the browser): what loads
 * before any interaction, then what the map adds when it is scrolled into view (it is lazy, so Leaflet and the map
 * widget load only then).
 */
async function assetPageJs(sites: string, slug: string): Promise<AssetPageJs> {
  const assets = join(sites, slug, 'assets');
  const mapped = readdirSync(assets).find((id) => readFileSync(join(assets, id, 'index.html'), 'utf8').includes('<hub-map'));
  if (!mapped) throw new Error(`No asset page of ${slug} shows a map.`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.route('http://bench.local/**', async (route) => {
      let path = join(sites, decodeURIComponent(new URL(route.request().url()).pathname));
      if (path.endsWith('/')) path = join(path, 'index.html');
      if (!existsSync(path)) return route.fulfill({ status: 404 });
      const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : path.endsWith('.json') ? 'application/json' : 'text/html';
      return route.fulfill({ body: await readFile(path), contentType: type });
    });
    let bodies: Promise<Buffer>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.body());
    });
    const gzKb = async (list: Promise<Buffer>[]) =>
      (await Promise.all(list)).map((b) => ({ kb: gzipSync(b).length / 1024, leaflet: /leaflet/i.test(b.toString('utf8')) }));
    const url = `/${slug}/assets/${mapped}/`;
    await page.goto(`http://bench.local${url}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const before = await gzKb(bodies);
    bodies = [];
    await page.locator('hub-map').first().scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const map = await gzKb(bodies);
    const sum = (list: { kb: number }[]) => list.reduce((n, s) => n + s.kb, 0);
    return { page: url, beforeKb: sum(before), mapKb: sum(map), leafletKb: sum(map.filter((s) => s.leaflet)) };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------

const BUILD = join(SITE, 'scripts/build.ts');
const BASELINE = join(SITE, 'bench/baseline/build.ts');

async function main(): Promise<void> {
  // Move earlier runs aside (deleting thousands of files right before a timed build slows it down) and delete them at the end.
  const retired = join(REPO, `bench/out/.site-runs-old-${Date.now()}`);
  if (existsSync(RUNS)) await rename(RUNS, retired);
  await mkdir(RUNS, { recursive: true });
  const results: Record<string, unknown> = { date: new Date().toISOString(), cores: (await import('node:os')).availableParallelism() };
  const rows: string[][] = [];
  const row = (what: string, ours: string, baseline: string, target: string, ok: boolean | undefined) => {
    rows.push([what, ours, baseline, target, ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
    // Each figure as soon as it is known, so a later failure does not lose it.
    console.error(`${what}: ${ours}${baseline ? ` (plain Astro ${baseline})` : ''}`);
  };

  // 1. Per 1,000 asset pages, with Pagefind.
  await baselineData(SMALL, join(RUNS, 'baseline-small.json'));
  await generatedHub(SMALL, join(RUNS, 'data-small'));
  const baseRuns: Awaited<ReturnType<typeof measure>>[] = [];
  const ourRuns: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < SMALL_RUNS; i++) {
    baseRuns.push(await measure([BASELINE, join(RUNS, 'baseline-small.json'), join(RUNS, `baseline-small-${i}`)]));
    ourRuns.push(await measure([BUILD, '--data', join(RUNS, 'data-small'), '--out', join(RUNS, `sites-small-${i}`), '--jobs', '1']));
  }
  const median = <T extends { ms: number }>(runs: T[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  const baseSmall = median(baseRuns);
  const oursSmall = median(ourRuns);
  const per1k = (ms: number) => (ms / 1000) * (1000 / SMALL);
  const withCpu = (run: { ms: number; cpuMs: number }, scale = 1) =>
    `${((run.ms / 1000) * scale).toFixed(1)} s (CPU ${((run.cpuMs / 1000) * scale).toFixed(1)} s)`;
  results.small = {
    assets: SMALL,
    runs: SMALL_RUNS,
    oursRunsMs: ourRuns.map((r) => Math.round(r.ms)),
    baselineRunsMs: baseRuns.map((r) => Math.round(r.ms)),
    oursMs: oursSmall.ms,
    baselineMs: baseSmall.ms,
    oursCpuMs: oursSmall.cpuMs,
    baselineCpuMs: baseSmall.cpuMs,
    oursPeakMb: oursSmall.peakMb,
    baselinePeakMb: baseSmall.peakMb,
  };
  row(
    `Build per 1,000 asset pages incl. Pagefind (${SMALL} built, median of ${SMALL_RUNS})`,
    withCpu(oursSmall, 1000 / SMALL),
    withCpu(baseSmall, 1000 / SMALL),
    '≤ 3 s and ≤ 1.2× baseline',
    per1k(oursSmall.ms) <= 3 && oursSmall.ms <= 1.2 * baseSmall.ms,
  );

  // 2. A 10,000-asset generated hub: time and peak memory of the whole process tree.
  if (!values['skip-large']) {
    await baselineData(LARGE, join(RUNS, 'baseline-large.json'));
    const baseLarge = await measure([BASELINE, join(RUNS, 'baseline-large.json'), join(RUNS, 'baseline-large')]);
    await generatedHub(LARGE, join(RUNS, 'data-large'));
    const oursLarge = await measure([BUILD, '--data', join(RUNS, 'data-large'), '--out', join(RUNS, 'sites-large'), '--jobs', '1']);
    results.large = {
      assets: LARGE,
      oursMs: oursLarge.ms,
      baselineMs: baseLarge.ms,
      oursCpuMs: oursLarge.cpuMs,
      baselineCpuMs: baseLarge.cpuMs,
      oursPeakMb: oursLarge.peakMb,
      baselinePeakMb: baseLarge.peakMb,
    };
    row(`${LARGE.toLocaleString('en-GB')}-asset hub: build time`, withCpu(oursLarge), withCpu(baseLarge), '≤ 20 s', oursLarge.ms <= 20000);
    row(
      `${LARGE.toLocaleString('en-GB')}-asset hub: peak memory (tree)`,
      `${(oursLarge.peakMb / 1024).toFixed(2)} GB`,
      `${(baseLarge.peakMb / 1024).toFixed(2)} GB`,
      '≤ 1.6 GB',
      oursLarge.peakMb <= 1.6 * 1024,
    );
  }

  // 3. All seed hubs, built by worker-thread builders and by child-process builders.
  const seedData = join(REPO, 'hub-data');
  const seedHubs = hubSlugs(seedData);
  const isolation: Record<string, { ms: number; cpuMs: number; peakMb: number }> = {};
  for (const mode of ['process', 'worker'] as const) {
    // A hub that fails (e.g. widgets mid-change) is named in the row rather than ending the benchmark.
    const run = await measure([BUILD, '--data', seedData, '--out', join(RUNS, `seed-${mode}`), '--isolate', mode], {}, { allowFailure: true });
    const failed = run.ok ? '' : `; FAILED: ${/^Failed: (.*)$/m.exec(run.output)?.[1] ?? 'see output'}`;
    isolation[mode] = { ms: run.ms, cpuMs: run.cpuMs, peakMb: run.peakMb };
    row(
      `All ${seedHubs.length} seed hubs, ${mode} builders (peak ${(run.peakMb / 1024).toFixed(2)} GB${failed})`,
      withCpu(run),
      '',
      '≤ 30 s',
      run.ok && run.ms <= 30000,
    );
  }
  results.seed = { hubs: seedHubs.length, isolation };

  // 4. Files and bytes per built hub.
  const sizes = seedHubs
    .filter((slug) => existsSync(join(RUNS, 'seed-process', slug)))
    .map((slug) => ({ slug, ...filesAndBytes(join(RUNS, 'seed-process', slug)) }));
  results.perHub = sizes;
  const avg = (k: 'files' | 'bytes') => sizes.reduce((n, s) => n + s[k], 0) / Math.max(1, sizes.length);
  const big = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), sizes[0] ?? { slug: '-', files: 0, bytes: 0 });
  const small = filesAndBytes(join(RUNS, 'sites-small-0/generated'));
  const baseFiles = filesAndBytes(join(RUNS, 'baseline-small-0'));
  row('Files / bytes per seed hub (mean)', `${Math.round(avg('files'))} / ${(avg('bytes') / 1024 / 1024).toFixed(2)} MB`, '', '', undefined);
  row(`Largest seed hub (${big.slug})`, `${big.files} / ${(big.bytes / 1024 / 1024).toFixed(2)} MB`, '', '', undefined);
  row(
    `Files / bytes, ${SMALL}-asset hub`,
    `${small.files} / ${(small.bytes / 1024 / 1024).toFixed(1)} MB`,
    `${baseFiles.files} / ${(baseFiles.bytes / 1024 / 1024).toFixed(1)} MB`,
    '',
    undefined,
  );

  // 5. JavaScript an asset page with a small map loads before interaction, and what the map adds in view.
  const js = await assetPageJs(join(RUNS, 'seed-process'), seedHubs[0] ?? 'generated');
  results.assetPageJs = js;
  row(
    'JS before interaction, asset page with a map (gz)',
    `${js.beforeKb.toFixed(1)} KB (map scrolled into view: + ${js.mapKb.toFixed(1)} KB, of it Leaflet ${js.leafletKb.toFixed(1)} KB)`,
    '0 KB',
    '≤ 25 KB gz',
    js.beforeKb <= 25,
  );

  const header = ['Measure', 'Hub sites', 'Plain Astro', 'Target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  results.table = rows;
  await writeFile(join(REPO, 'bench/out/site.json'), `${JSON.stringify(results, null, 2)}\n`);
  await rm(retired, { recursive: true, force: true });
}

await main();
