/**
 * townhub import oruk <file-or-url>... --hub <slug>: seeds a hub from Open Referral UK feeds (v1 or 3.0 JSON, or an
 * HSDS CSV folder). Every record is either written as an asset file or listed with the reason it was not; files a
 * volunteer has changed since the last import are never overwritten.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Asset, AssetSchema, BOUNDS_MARGIN, type Category, type Hub, hasErrors, loadData, loadHub, type Problem, parseYaml } from '@townhub/schema';
import {
  contentHash,
  isCsvPackage,
  type Mapped,
  mapService,
  OrukFormatError,
  readPage,
  servicesFromCsv,
  type TermMapping,
  TermMappingSchema,
} from '@townhub/schema/oruk';
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { type Command, dataRoot, type Io, parseOptions, positiveInt, table, UsageError } from '../cli.ts';

const USAGE = `Usage: townhub import oruk <file-or-url>... --hub <slug> [options]

Reads Open Referral UK services (v1 or 3.0 JSON: one service, a list, or paged API responses; or a folder of
HSDS CSV files) and writes them as asset files in hub-data/hubs/<slug>/assets/.

Options:
  --hub <slug>        hub to import into (required)
  --data <dir>        data folder (default: the repository's hub-data)
  --dry-run           check and report, but write nothing
  --report <file>     also write the report as JSON
  --max-pages <n>     stop following a URL after this many pages (default 100)
  --delay <ms>        pause between requests to a server (default 500)
  --retries <n>       retries for a failed request (default 3)
`;

const ASSET_HEADER = '# yaml-language-server: $schema=../../../../packages/schema/schema/asset.schema.json\n';
const MAPPING_FILE = join('mappings', 'oruk-taxonomy.yaml');

export type Outcome =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'kept-edit'
  | 'conflict'
  | 'duplicate'
  | 'no-id'
  | 'no-name'
  | 'inactive'
  | 'outside-hub'
  | 'no-category'
  | 'invalid';

const OUTCOME_ORDER: Outcome[] = [
  'created',
  'updated',
  'unchanged',
  'kept-edit',
  'conflict',
  'duplicate',
  'no-id',
  'no-name',
  'inactive',
  'outside-hub',
  'no-category',
  'invalid',
];
const WRITTEN: Outcome[] = ['created', 'updated'];
const KEPT: Outcome[] = ['created', 'updated', 'unchanged', 'kept-edit', 'conflict'];

/** One input record and what became of it. */
export interface RecordReport {
  feed: string;
  sourceId?: string;
  name?: string;
  outcome: Outcome;
  /** Asset file, relative to the data root, for records that have one. */
  file?: string;
  /** Why the record was not written (or what conflicts). */
  detail?: string;
  warnings: string[];
}

export interface ImportReport {
  hub: string;
  feeds: string[];
  dryRun: boolean;
  today: string;
  counts: Partial<Record<Outcome, number>>;
  records: RecordReport[];
  unmappedTerms: { term: string; records: number }[];
  notices: string[];
}

class ImportError extends Error {
  override name = 'ImportError';
}

// ---------------------------------------------------------------------------
// Reading sources

interface SourceRecord {
  feed: string;
  record: unknown;
}

interface FetchOptions {
  delayMs: number;
  retries: number;
  maxPages: number;
  io: Io;
  notices: string[];
}

async function fetchJson(url: string, options: FetchOptions): Promise<unknown> {
  let lastError = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(Math.max(options.delayMs, 50) * 2 ** (attempt - 1));
    try {
      const response = await fetch(url, { headers: { accept: 'application/json', 'user-agent': 'townhub-import' }, signal: AbortSignal.timeout(30_000) });
      if (response.ok) {
        try {
          return await response.json();
        } catch {
          throw new ImportError(`${url} did not answer with JSON.`);
        }
      }
      lastError = `answered ${response.status} ${response.statusText}`.trim();
      if (response.status !== 429 && response.status < 500) break;
      const retryAfter = Number(response.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) await sleep(Math.min(retryAfter, 30) * 1000);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      lastError = (error as Error).message;
    }
  }
  throw new ImportError(`Could not read ${url}: ${lastError}.`);
}

const NESTED_KEYS = ['attributes', 'service_at_locations', 'schedules', 'cost_options', 'contacts', 'service_taxonomys', 'regular_schedules'];

/** Follows a feed's pages; for 3.0 lists (one-to-one fields only) also fetches each full service. */
async function readUrl(url: string, options: FetchOptions): Promise<SourceRecord[]> {
  const records: unknown[] = [];
  const pageUrl = new URL(url);
  let page = Number(pageUrl.searchParams.get('page') ?? '1') || 1;
  let previousNumber: number | undefined;
  let version: string | undefined;
  for (let n = 1; ; n++) {
    const body = await fetchJson(pageUrl.href, options);
    const result = readPage(body, pageUrl.href);
    version ??= result.version;
    if (n > 1 && result.pageNumber !== undefined && result.pageNumber === previousNumber) {
      options.notices.push(`${url} returned page ${result.pageNumber} again for page=${page}; stopped following pages.`);
      break;
    }
    previousNumber = result.pageNumber;
    records.push(...result.records);
    options.io.stderr(`Read page ${n}${result.totalPages ? ` of ${result.totalPages}` : ''} from ${url} (${records.length} records)\n`);
    if (result.last || result.version === undefined) break;
    if (n >= options.maxPages) {
      options.notices.push(`Stopped after ${options.maxPages} pages of ${url}; pass --max-pages to read more.`);
      break;
    }
    page++;
    pageUrl.searchParams.set('page', String(page));
    await sleep(options.delayMs);
  }
  if (version === '3.0') {
    const base = new URL(url);
    base.search = '';
    const path = base.pathname.replace(/\/+$/, '');
    for (const [i, record] of records.entries()) {
      const item = record as Record<string, unknown>;
      if (typeof item?.id !== 'string' || NESTED_KEYS.some((k) => k in item)) continue;
      await sleep(options.delayMs);
      const detail = new URL(base);
      detail.pathname = `${path}/${encodeURIComponent(item.id)}`;
      try {
        records[i] = { ...item, ...(readPage(await fetchJson(detail.href, options), detail.href).records[0] as object) };
      } catch (error) {
        options.notices.push(`Kept the list entry for ${item.id}: ${(error as Error).message}`);
      }
      if ((i + 1) % 25 === 0 || i === records.length - 1) options.io.stderr(`Read ${i + 1} of ${records.length} full services from ${url}\n`);
    }
  }
  return records.map((record) => ({ feed: url, record }));
}

function readFileSource(path: string, feed: string): SourceRecord[] {
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path).filter((f) => f.toLowerCase().endsWith('.csv'));
    if (!isCsvPackage(names)) throw new ImportError(`${feed} is a folder without a services.csv, so it is not an HSDS CSV package.`);
    const files = new Map(names.map((name) => [name, readFileSync(join(path, name), 'utf8')]));
    return servicesFromCsv(files).map((record) => ({ feed, record }));
  }
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ImportError(`${feed} is not valid JSON: ${(error as Error).message}`);
  }
  return readPage(body, feed).records.map((record) => ({ feed, record }));
}

// ---------------------------------------------------------------------------
// Existing assets

interface Existing {
  id: string;
  file: string;
  value?: Record<string, unknown>;
  source?: { feed?: string; id?: string; hash?: string };
}

function existingAssets(root: string, slug: string): Existing[] {
  const dir = join(root, 'hubs', slug, 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const id = basename(f, '.yaml');
      let value: Record<string, unknown> | undefined;
      try {
        const parsed: unknown = parse(readFileSync(join(dir, f), 'utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
      } catch {
        value = undefined;
      }
      const source = value?.source && typeof value.source === 'object' ? (value.source as Existing['source']) : undefined;
      return { id, file: join('hubs', slug, 'assets', f), value, source };
    });
}

/** The imported values of an asset: everything but `source`. */
function importedValues(asset: Record<string, unknown>): Record<string, unknown> {
  const { source: _source, ...rest } = asset;
  return rest;
}

const FIELD_ORDER = Object.keys(AssetSchema.shape);

function assetYaml(asset: Asset): string {
  const ordered = Object.fromEntries(Object.entries(asset).sort(([a], [b]) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99)));
  const doc = new Document(ordered);
  visit(doc, {
    Pair(_, pair) {
      // Short lists of codes read best on one line, as in hub-data/_template.yaml.
      if (isScalar(pair.key) && ['days', 'accessibility', 'languages', 'address'].includes(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
    },
    Scalar(_, node) {
      // Quote times so YAML 1.1 readers do not take 10:00 for a number.
      if (typeof node.value === 'string' && /^\d{2}:\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return ASSET_HEADER + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// ---------------------------------------------------------------------------
// Mapping file

function loadMapping(root: string, categories: readonly Category[]): TermMapping {
  const path = join(root, MAPPING_FILE);
  if (!existsSync(path)) return { terms: [], keywords: [] };
  const file = relative(process.cwd(), path) || path;
  const parsed = parseYaml(readFileSync(path, 'utf8'), file, TermMappingSchema);
  if (!parsed.value) throw new ImportError(parsed.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}  ${p.hint}`).join('\n'));
  const ids = new Set(categories.map((c) => c.id));
  const unknown = [...parsed.value.terms, ...parsed.value.keywords].flatMap((t) => t.categories).filter((c) => !ids.has(c));
  if (unknown.length) throw new ImportError(`${file} names categories that are not in taxonomy.yaml: ${[...new Set(unknown)].join(', ')}.`);
  return parsed.value;
}

// ---------------------------------------------------------------------------
// Validation through the loader, in a scratch copy of the hub

function validate(root: string, hub: Hub, categories: readonly Category[], assets: Map<string, Asset>, today: Date): Map<string, Problem[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'townhub-import-'));
  try {
    const hubDir = join(scratch, 'hubs', hub.slug);
    mkdirSync(join(hubDir, 'assets'), { recursive: true });
    writeFileSync(join(scratch, 'taxonomy.yaml'), readFileSync(join(root, 'taxonomy.yaml')));
    writeFileSync(join(hubDir, 'hub.yaml'), readFileSync(join(root, 'hubs', hub.slug, 'hub.yaml')));
    for (const [id, asset] of assets) writeFileSync(join(hubDir, 'assets', `${id}.yaml`), assetYaml(asset));
    const loaded = loadHub(scratch, hub.slug, categories, { today });
    const byId = new Map<string, Problem[]>();
    for (const p of loaded.problems) {
      const id = basename(p.file, '.yaml');
      byId.set(id, [...(byId.get(id) ?? []), p]);
    }
    return byId;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// The command

function describeProblem(p: Problem): string {
  return `${p.field ? `${p.field}: ` : ''}${p.message}`;
}

function printReport(report: ImportReport, io: Io): void {
  const total = report.records.length;
  const written = report.records.filter((r) => WRITTEN.includes(r.outcome)).length;
  io.stdout(
    `ORUK import into ${report.hub} from ${report.feeds.join(', ')}${report.dryRun ? ' (dry run: nothing written)' : ''}\n\n` +
      `${table(['outcome', 'records'], [...OUTCOME_ORDER.filter((o) => report.counts[o]).map((o) => [o, report.counts[o] ?? 0]), ['total', total]])}\n`,
  );
  const notWritten = report.records.filter((r) => !KEPT.includes(r.outcome) || r.outcome === 'conflict');
  if (notWritten.length) {
    io.stdout(
      `\nRecords not written:\n${table(
        ['record', 'name', 'outcome', 'reason'],
        notWritten.map((r) => [r.sourceId ?? '(no id)', r.name ?? '(no name)', r.outcome, r.detail ?? '']),
      )}\n`,
    );
  }
  if (report.unmappedTerms.length) {
    io.stdout(
      `\nTaxonomy terms with no category (map them in hub-data/${MAPPING_FILE}):\n${table(
        ['term', 'records'],
        report.unmappedTerms.map((t) => [t.term, t.records]),
      )}\n`,
    );
  }
  const warnings = report.records.flatMap((r) => r.warnings.map((w) => `${r.sourceId ?? r.name ?? '?'}  ${w}`));
  if (warnings.length) {
    const shown = warnings.slice(0, 20);
    io.stdout(
      `\nWarnings (${warnings.length}):\n${shown.map((w) => `  ${w}`).join('\n')}\n${warnings.length > shown.length ? `  … ${warnings.length - shown.length} more in --report\n` : ''}`,
    );
  }
  for (const notice of report.notices) io.stdout(`\nNote: ${notice}\n`);
  io.stdout(`\n${written} of ${total} records ${report.dryRun ? 'would be written' : 'written'}.\n`);
}

export const importCommand: Command = async (argv, io) => {
  const { values, positionals } = parseOptions(
    argv,
    {
      hub: { type: 'string' },
      data: { type: 'string' },
      'dry-run': { type: 'boolean' },
      report: { type: 'string' },
      'max-pages': { type: 'string' },
      delay: { type: 'string' },
      retries: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [format, ...sources] = positionals;
  if (format !== 'oruk')
    throw new UsageError(`Say what to import, e.g. "townhub import oruk services.json --hub <slug>"${format ? ` ("${format}" is not a format I know)` : ''}.`);
  if (!sources.length) throw new UsageError('Give at least one ORUK file, folder or URL to import.');
  if (!values.hub) throw new UsageError('--hub is required: the slug of the hub to import into.');
  const maxPages = positiveInt(values['max-pages'], 'max-pages', 100);
  const delayMs = values.delay === undefined ? 500 : Number(values.delay);
  if (!Number.isInteger(delayMs) || delayMs < 0) throw new UsageError(`--delay must be a whole number of milliseconds, not "${values.delay}".`);
  const retries = values.retries === undefined ? 3 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new UsageError(`--retries must be a whole number, not "${values.retries}".`);
  const root = dataRoot(values.data, io);
  const dryRun = values['dry-run'] === true;
  const now = new Date();
  const today = now.toISOString().slice(0, 10);

  const loaded = loadData(root, { hub: values.hub });
  const loadedHub = loaded.hubs[0];
  if (!loadedHub || hasErrors(loaded.problems.filter((p) => p.file.endsWith('hub.yaml') || p.file.endsWith('taxonomy.yaml')))) {
    io.stderr(`The hub or taxonomy has errors; run "townhub check --hub ${values.hub}" and fix them first.\n`);
    return 1;
  }
  const { hub } = loadedHub;
  const { categories } = loaded;

  const notices: string[] = [];
  let mapping: TermMapping;
  const inputs: SourceRecord[] = [];
  try {
    mapping = loadMapping(root, categories);
    for (const source of sources) {
      if (/^https?:\/\//i.test(source)) inputs.push(...(await readUrl(source, { delayMs, retries, maxPages, io, notices })));
      else {
        const path = resolve(io.cwd, source);
        if (!existsSync(path)) throw new ImportError(`There is no file or folder at ${source}.`);
        inputs.push(...readFileSource(path, relative(io.cwd, path) || source));
      }
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof OrukFormatError) {
      io.stderr(`${error.message}\nNothing was imported.\n`);
      return 1;
    }
    throw error;
  }

  const existing = existingAssets(root, hub.slug);
  const takenIds = new Set(existing.map((e) => e.id));
  const seen = new Set<string>();
  const records: RecordReport[] = [];
  const pending = new Map<string, { report: RecordReport; asset: Asset }>();
  const unmapped = new Map<string, number>();
  const context = { categories, mapping, hub, today, margin: BOUNDS_MARGIN };

  for (const [i, { feed, record }] of inputs.entries()) {
    if (inputs.length > 200 && (i + 1) % 200 === 0) io.stderr(`Mapped ${i + 1} of ${inputs.length} records\n`);
    const result = mapService(record, context);
    const duplicate = result.sourceId !== undefined && seen.has(result.sourceId);
    // A repeat of a record already seen adds nothing to the report but its own line.
    if (!duplicate) for (const t of result.unmappedTerms) unmapped.set(t, (unmapped.get(t) ?? 0) + 1);
    if (!result.ok) {
      records.push({ feed, sourceId: result.sourceId, name: result.name, outcome: result.reason, detail: result.detail, warnings: result.warnings });
      continue;
    }
    const report: RecordReport = { feed, sourceId: result.sourceId, name: result.asset.name, outcome: 'created', warnings: duplicate ? [] : result.warnings };
    records.push(report);
    if (duplicate) {
      report.outcome = 'duplicate';
      report.detail = `same id as an earlier record (${result.sourceId})`;
      continue;
    }
    seen.add(result.sourceId);
    plan(result, report, feed);
  }

  function plan(result: Mapped, report: RecordReport, feed: string) {
    const match =
      existing.find((e) => e.source?.id === result.sourceId && e.source?.feed === feed) ??
      (existing.filter((e) => e.source?.id === result.sourceId).length === 1 ? existing.find((e) => e.source?.id === result.sourceId) : undefined);
    const imported = result.asset;
    if (match) {
      imported.id = match.id;
      const hash = contentHash(importedValues(imported as Record<string, unknown>));
      report.file = match.file;
      const editedLocally = !match.value || contentHash(importedValues(match.value)) !== match.source?.hash;
      if (editedLocally) {
        if (hash === match.source?.hash) {
          report.outcome = 'kept-edit';
          report.detail = 'edited since the last import; the feed has not changed';
        } else {
          report.outcome = 'conflict';
          report.detail = `the feed changed, but ${match.file} was edited since the last import; compare them by hand`;
        }
        return;
      }
      if (hash === match.source?.hash) {
        report.outcome = 'unchanged';
        return;
      }
      report.outcome = 'updated';
      pending.set(match.id, { report, asset: { ...imported, source: { feed, id: result.sourceId, hash } } });
      return;
    }
    let id = imported.id;
    for (let n = 2; takenIds.has(id); n++) id = `${imported.id.slice(0, 56)}-${n}`;
    takenIds.add(id);
    imported.id = id;
    const hash = contentHash(importedValues(imported as Record<string, unknown>));
    report.file = join('hubs', hub.slug, 'assets', `${id}.yaml`);
    pending.set(id, { report, asset: { ...imported, source: { feed, id: result.sourceId, hash } } });
  }

  // Every file we would write goes through the loader first; broken ones are reported, not written.
  const problems = validate(root, hub, categories, new Map([...pending].map(([id, p]) => [id, p.asset])), now);
  for (const [id, { report, asset }] of pending) {
    const found = problems.get(id) ?? [];
    const errors = found.filter((p) => p.severity === 'error');
    report.warnings.push(...found.filter((p) => p.severity === 'warning').map(describeProblem));
    if (errors.length) {
      report.outcome = 'invalid';
      report.detail = errors.map(describeProblem).join('; ');
      delete report.file;
      continue;
    }
    if (!dryRun) {
      const path = join(root, 'hubs', hub.slug, 'assets', `${id}.yaml`);
      mkdirSync(join(root, 'hubs', hub.slug, 'assets'), { recursive: true });
      writeFileSync(path, assetYaml(asset));
    }
  }

  const counts: Partial<Record<Outcome, number>> = {};
  for (const r of records) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  const report: ImportReport = {
    hub: hub.slug,
    feeds: sources,
    dryRun,
    today,
    counts,
    records,
    unmappedTerms: [...unmapped].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term, n]) => ({ term, records: n })),
    notices,
  };
  printReport(report, io);
  if (values.report) {
    const reportPath = resolve(io.cwd, values.report);
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    io.stdout(`Report written to ${relative(io.cwd, reportPath) || reportPath}\n`);
  }
  return records.some((r) => r.outcome === 'invalid') ? 1 : 0;
};
