/**
 * The fixture hub every quality gate runs against: a generated 40-asset hub (optionally with the XSS corpus in every
 * text and URL field), built by the real site builder and served by the real @astrojs/node server.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildHubs } from '@townhub/site/scripts/build-hubs.ts';
import { start } from '@townhub/site/server/start.ts';
import { parse, stringify } from 'yaml';
import { BREAKOUT_URLS, MARKUP_PAYLOADS, type Payload, TEXT_PAYLOADS } from './xss-payloads.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const HUB = 'qtown';
/** `townhub generate` dates reviews back from the real date, so the fixture is built as of the same day. */
export const TODAY = new Date().toISOString().slice(0, 10);

const exec = promisify(execFile);

/** Runs the project's CLI (`pnpm townhub …`) from the repository root; resolves with its exit code and output. */
export async function townhub(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('pnpm', ['-s', 'townhub', ...args], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export const tempDir = (name: string) => mkdtemp(join(tmpdir(), `townhub-quality-${name}-`));

// biome-ignore lint/suspicious/noExplicitAny: tests edit YAML documents freely; the schema checks the result.
type Yaml = Record<string, any>;

/** Writes a generated hub of 40 assets into a fresh data root. */
export async function generateData(slug = HUB, assets = 40): Promise<string> {
  const data = await tempDir('data');
  const { code, stderr } = await townhub(['generate', '--hub', slug, '--assets', String(assets), '--out', data, '--seed', '1']);
  if (code !== 0) throw new Error(`townhub generate failed: ${stderr}`);
  return data;
}

export const assetDir = (data: string, slug = HUB) => join(data, 'hubs', slug, 'assets');

/** Reads, changes and rewrites a YAML file. */
export async function editYaml(file: string, change: (doc: Yaml) => void): Promise<void> {
  const doc = parse(await readFile(file, 'utf8')) as Yaml;
  change(doc);
  await writeFile(file, stringify(doc));
}

/** Appends `pick(k)` to a text, so pages keep their ordinary words (search still finds them) next to the payload. */
const withPayload = (text: string | undefined, payload: Payload) => `${text ?? 'Text'} ${payload.value}`;

/**
 * Puts the corpus into every text field of every asset and of the hub. Asset `i` gets payload `i + f` in its `f`-th
 * field, so with more assets than payloads every field carries every payload somewhere.
 */
export async function injectPayloads(data: string, slug = HUB): Promise<void> {
  const files = (await readdir(assetDir(data, slug))).filter((f) => f.endsWith('.yaml')).sort();
  for (const [i, file] of files.entries()) {
    await editYaml(join(assetDir(data, slug), file), (a) => {
      let field = 0;
      const markup = () => MARKUP_PAYLOADS[(i + field++) % MARKUP_PAYLOADS.length] as Payload;
      const text = () => TEXT_PAYLOADS[(i + field++) % TEXT_PAYLOADS.length] as Payload;
      const either = () => (field % 2 ? markup() : text());
      a.name = withPayload(a.name, either());
      a.summary = withPayload(undefined, text()).slice(0, 200);
      a.description = `${withPayload(a.description, text())}\n\n- ${text().value}`;
      a.organisation = { ...a.organisation, name: withPayload(a.organisation?.name, markup()) };
      for (const location of a.locations ?? []) {
        location.name = withPayload(location.name, markup());
        location.address = (location.address as string[]).map((line) => withPayload(line, markup()));
        location.town = withPayload(location.town, either());
      }
      a.schedule ??= {};
      a.schedule.note = withPayload('Ring first.', text());
      for (const session of [...(a.schedule.weekly ?? []), ...(a.schedule.monthly ?? [])]) session.note = withPayload('Bring water.', text());
      for (const event of a.schedule.events ?? []) event.title = withPayload('Open day', markup());
      a.cost = { ...a.cost, description: withPayload('Pay what you can.', text()), concessions: withPayload('Carers free.', text()) };
      a.eligibility = { ...a.eligibility, whoFor: withPayload('Adults', text()) };
      a.volunteering = { roles: [withPayload('Host', markup()), withPayload('Driver', either())], commitment: withPayload('Two hours', markup()) };
      a.tags = [...(a.tags ?? []), markup().value, text().value];
      a.contact = { ...a.contact, website: BREAKOUT_URLS[i % BREAKOUT_URLS.length], booking: BREAKOUT_URLS[(i + 1) % BREAKOUT_URLS.length] };
    });
  }
  await editYaml(join(data, 'hubs', slug, 'hub.yaml'), (h) => {
    let field = 0;
    const markup = () => MARKUP_PAYLOADS[field++ % MARKUP_PAYLOADS.length] as Payload;
    const text = () => TEXT_PAYLOADS[field++ % TEXT_PAYLOADS.length] as Payload;
    h.name = withPayload(h.name, markup());
    h.constituency.name = withPayload(h.constituency.name, markup());
    h.region = withPayload(h.region, markup());
    h.councils = (h.councils as string[]).map((c) => withPayload(c, markup()));
    h.intro = withPayload(h.intro, text());
    for (const place of h.places ?? []) place.name = withPayload(place.name, markup());
    h.contact = { ...h.contact, website: BREAKOUT_URLS[0], booking: BREAKOUT_URLS[1] };
  });
}

export interface ServedHub {
  data: string;
  out: string;
  /** Directory of the built hub's files. */
  site: string;
  origin: string;
  /** `${origin}/${slug}/` */
  base: string;
  slug: string;
  server: Server;
  close(): Promise<void>;
}

/** Builds the hub in `data` with the real builder and serves it with the real server on a free port. */
export async function buildAndServe(data: string, slug = HUB): Promise<ServedHub> {
  const out = await tempDir('sites');
  const summary = await buildHubs({ data, out, today: TODAY, jobs: 1 });
  if (summary.failed.length) throw new Error(`The fixture hub did not build:\n${summary.results.flatMap((r) => r.errors).join('\n')}`);
  await breakOnPurpose(join(out, slug));
  const server = await start({ data, out, port: 0, host: '127.0.0.1', log: () => {} });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    data,
    out,
    site: join(out, slug),
    origin,
    base: `${origin}/${slug}/`,
    slug,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await rm(out, { recursive: true, force: true });
      await rm(data, { recursive: true, force: true });
    },
  };
}

/**
 * `QUALITY_BREAK=label,inline-script` damages the built copy of the home page (never the sources), to show that the
 * gates fail: `label` removes the search box's label, `inline-script` adds an inline script.
 */
async function breakOnPurpose(site: string): Promise<void> {
  const breaks = (process.env.QUALITY_BREAK ?? '').split(',').filter(Boolean);
  if (breaks.length === 0) return;
  const file = join(site, 'index.html');
  let html = await readFile(file, 'utf8');
  if (breaks.includes('label')) html = html.replace(/<label\b[^>]*>[\s\S]*?<\/label>/, '');
  if (breaks.includes('inline-script')) html = html.replace('</body>', '<script>window.__xss=1</script></body>');
  await writeFile(file, html);
}

/** Every page URL in the built hub's sitemap, rewritten from its public address to the local server. */
export async function sitemapUrls(hub: ServedHub): Promise<string[]> {
  const xml = await readFile(join(hub.site, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => {
    const path = new URL((loc ?? '').replaceAll('&amp;', '&')).pathname;
    const rel = path.slice(path.indexOf(`/${hub.slug}/`) >= 0 ? path.indexOf(`/${hub.slug}/`) + hub.slug.length + 2 : 1);
    return hub.base + rel;
  });
}

let shared: Promise<ServedHub> | undefined;

/** The one hostile fixture hub of a test run, built on first use and shared by every test file. */
export function hostileHub(): Promise<ServedHub> {
  shared ??= (async () => {
    const data = await generateData();
    await injectPayloads(data);
    return buildAndServe(data);
  })();
  return shared;
}

/** Stops the shared hub, if it was started. */
export async function closeHostileHub(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}
