/**
 * `pnpm bench`: runs every benchmark script, gathers the rows each writes to bench/out/<name>.json, prints one table
 * and writes bench/results.json. Each benchmark prints its own detailed table as it goes.
 *
 * A benchmark's JSON is `{ rows: [{ benchmark, measure, value, unit, target?, reference?, pass? }] }`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

interface Row {
  benchmark: string;
  measure: string;
  value: number | string;
  unit?: string;
  target?: string;
  reference?: string;
  pass?: boolean;
}

const BENCHES: { name: string; script: string }[] = [
  { name: 'widgets', script: 'packages/widgets/bench/widgets.bench.ts' },
  { name: 'plan', script: 'packages/widgets/bench/plan.bench.ts' },
  { name: 'site', script: 'sites/hub/bench/site.bench.ts' },
  { name: 'share', script: 'packages/share-service/bench/share.bench.ts' },
  { name: 'quality', script: 'sites/quality/bench/lighthouse.bench.ts' },
];

/** Accepts our row shape, or flat records (strings label the run, numbers become measures). */
function normalise(name: string, raw: Record<string, unknown>[]): Row[] {
  return raw.flatMap((r) => {
    if ('measure' in r && 'value' in r) return [{ benchmark: name, ...r } as Row];
    const label = Object.values(r)
      .filter((v) => typeof v === 'string')
      .join(' ');
    return Object.entries(r)
      .filter(([, v]) => typeof v === 'number')
      .map(([key, value]) => ({ benchmark: name, measure: `${label} ${key}`.trim(), value: value as number }));
  });
}

/** For a benchmark that writes a nested object: one row per number, named by its path (long lists left out). */
function leaves(name: string, value: unknown, path: string[] = []): Row[] {
  if (typeof value === 'number') return [{ benchmark: name, measure: path.join(' '), value }];
  if (Array.isArray(value) || !value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => leaves(name, v, [...path, key]));
}

const only = process.argv.slice(2);
mkdirSync('bench/out', { recursive: true });
const rows: Row[] = [];
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  if (!existsSync(bench.script)) continue;
  process.stdout.write(`\n=== ${bench.name}: ${bench.script}\n`);
  const result = spawnSync(process.execPath, [bench.script], { stdio: 'inherit' });
  const out = `bench/out/${bench.name}.json`;
  if (result.status !== 0 || !existsSync(out)) {
    rows.push({ benchmark: bench.name, measure: 'run', value: `failed (exit ${result.status})`, pass: false });
    continue;
  }
  const json = JSON.parse(readFileSync(out, 'utf8')) as { rows?: Record<string, unknown>[] };
  rows.push(...(json.rows ? normalise(bench.name, json.rows) : leaves(bench.name, json)));
}

const cells = rows.map((r) => [
  r.benchmark,
  r.measure,
  `${typeof r.value === 'number' ? Number(r.value.toFixed(2)) : r.value}${r.unit ? ` ${r.unit}` : ''}`,
  r.target ?? '',
  r.reference ?? '',
  r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS',
]);
const headers = ['benchmark', 'measure', 'value', 'target', 'reference', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
const table = [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
process.stdout.write(`\n${table}\n`);
const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
process.stdout.write(`\nWrote bench/results.json (${rows.length} rows).\n`);
