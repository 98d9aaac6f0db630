import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Asset, hasErrors, loadData } from '@townhub/schema';
import { orukApiFiles } from '@townhub/schema/oruk';
import type { Io } from '../src/cli.ts';
import type { ImportReport } from '../src/commands/import.ts';
import { main } from '../src/main.ts';

const REPO_DATA = new URL('../../../hub-data/', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/import/', import.meta.url).pathname;
const SCHEMA_FIXTURES = new URL('../../schema/test/fixtures/oruk/', import.meta.url).pathname;
const EXAMPLES = join(SCHEMA_FIXTURES, 'upstream', 'examples');
const HUB = 'test-town';

const scratch = mkdtempSync(join(tmpdir(), 'townhub-import-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let rootCount = 0;
/** A fresh data root: the real taxonomy and mapping file, and a small hub of our own. */
function dataRoot(): string {
  const root = join(scratch, `root-${++rootCount}`);
  mkdirSync(join(root, 'hubs', HUB), { recursive: true });
  cpSync(join(REPO_DATA, 'taxonomy.yaml'), join(root, 'taxonomy.yaml'));
  cpSync(join(REPO_DATA, 'mappings'), join(root, 'mappings'), { recursive: true });
  cpSync(join(FIXTURES, 'hub.yaml'), join(root, 'hubs', HUB, 'hub.yaml'));
  return root;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: scratch };
  const code = await main(argv, io);
  return { code, out, err };
}

async function importInto(root: string, ...args: string[]) {
  const reportFile = join(root, `report-${Math.random().toString(36).slice(2)}.json`);
  const result = await run('import', 'oruk', ...args, '--hub', HUB, '--data', root, '--delay', '0', '--report', reportFile);
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport) : undefined;
  return { ...result, report };
}

const assetDir = (root: string) => join(root, 'hubs', HUB, 'assets');
const assetFiles = (root: string) => (existsSync(assetDir(root)) ? readdirSync(assetDir(root)).sort() : []);

function assertLoads(root: string): Asset[] {
  const loaded = loadData(root, { hub: HUB });
  assert.equal(
    hasErrors(loaded.problems),
    false,
    JSON.stringify(
      loaded.problems.filter((p) => p.severity === 'error'),
      null,
      2,
    ),
  );
  return loaded.hubs[0]?.assets.map((a) => a.asset) ?? [];
}

describe('the official examples import cleanly', () => {
  for (const example of ['service_full.json', 'service_list.json', 'service_at_location_list.json', 'service_at_location_full.json', 'csv']) {
    test(example, async () => {
      const root = dataRoot();
      const { code, report, out } = await importInto(root, join(EXAMPLES, example));
      assert.equal(code, 0, out);
      assert.deepEqual(report?.counts, { created: 1 });
      assert.deepEqual(assetFiles(root), ['community-counselling.yaml']);
      const [asset] = assertLoads(root);
      assert.equal(asset?.name, 'Community Counselling');
      assert.deepEqual(asset?.categories, ['mental-wellbeing']);
      assert.equal(asset?.source?.id, 'ac148810-d857-441c-9679-408f346de14b');
      assert.match(out, /created\s+1/);
    });
  }

  test('all of them at once: one asset, the repeats listed as duplicates', async () => {
    const root = dataRoot();
    const sources = ['service_full.json', 'service_list.json', 'csv'].map((f) => join(EXAMPLES, f));
    const { code, report, out } = await importInto(root, ...sources);
    assert.equal(code, 0);
    assert.deepEqual(report?.counts, { created: 1, duplicate: 2 });
    assert.equal(report?.records.length, 3);
    assert.match(out, /Records not written:[\s\S]*duplicate/);
    assert.deepEqual(report?.unmappedTerms, [{ term: 'name (http://example.com)', records: 1 }]);
  });
});

describe('a hand-made v1 feed', () => {
  test('every record is written or listed with its reason, and the YAML is what we expect', async () => {
    const root = dataRoot();
    const { code, report, out } = await importInto(root, join(SCHEMA_FIXTURES, 'v1-page.json'));
    assert.equal(code, 0, out);
    assert.deepEqual(report?.counts, { created: 1, duplicate: 1, 'no-name': 1, inactive: 1 });
    assert.deepEqual(
      report?.records.map((r) => [r.sourceId, r.outcome]),
      [
        ['1001', 'created'],
        ['1002', 'no-name'],
        ['1001', 'duplicate'],
        ['1003', 'inactive'],
      ],
    );
    assert.deepEqual(report?.unmappedTerms, [{ term: 'Widget repair (zz-9)', records: 1 }]);
    assert.match(out, /Widget repair \(zz-9\)\s+1/);
    assertLoads(root);
    const yaml = readFileSync(join(assetDir(root), 'ladywood-food-bank.yaml'), 'utf8');
    const feed = report?.records[0]?.feed;
    assert.equal(
      yaml,
      `# yaml-language-server: $schema=../../../../packages/schema/schema/asset.schema.json
id: ladywood-food-bank
name: Ladywood Food Bank
kind: service
summary: Emergency food parcels for anyone in need.
description: |-
  We can also help with:

  - Fuel vouchers
  - Benefits advice & referrals
categories:
  - food
organisation:
  name: Ladywood Churches Together
locations:
  - name: St John's Hall
    address: [12 Example Street]
    town: Birmingham
    postcode: B16 8AA
    lat: 52.4801
    lng: -1.9102
schedule:
  weekly:
    - days: [tue, thu]
      opens: "10:00"
      closes: "12:30"
  monthly:
    - week: 1
      day: sat
      opens: "09:00"
      closes: "11:00"
  closures:
    - from: 2026-12-24
      to: 2027-01-02
cost:
  free: true
  description: Free
eligibility:
  ageMin: 18
  whoFor: Adults with a food bank voucher
  referral: needed
accessibility: [step-free]
contact:
  phone: 0121 496 0101
  website: https://ladywood-foodbank.example.org/
languages: [en, ur]
lastReviewed: 2026-02-10
source:
  feed: ${feed}
  id: "1001"
  hash: ${/hash: (\w+)/.exec(yaml)?.[1]}
`,
    );
  });

  test('--dry-run writes nothing but reports the same', async () => {
    const root = dataRoot();
    const { code, report, out } = await importInto(root, join(SCHEMA_FIXTURES, 'v1-page.json'), '--dry-run');
    assert.equal(code, 0);
    assert.equal(report?.counts.created, 1);
    assert.match(out, /dry run: nothing written/);
    assert.deepEqual(assetFiles(root), []);
  });

  test('a record the loader would reject is reported as invalid and not written', async () => {
    const root = dataRoot();
    const feed = join(root, 'bad.json');
    writeFileSync(
      feed,
      JSON.stringify([
        { id: 'x1', name: 'Spaceship Club', description: 'Counselling in orbit.', x_townhub: { kind: 'spaceship' } },
        { id: 'x2', name: 'Good Counselling', description: 'Counselling on the ground.' },
      ]),
    );
    const { code, report } = await importInto(root, feed);
    assert.equal(code, 1);
    assert.deepEqual(report?.counts, { invalid: 1, created: 1 });
    assert.match(report?.records[0]?.detail ?? '', /kind/);
    assert.deepEqual(assetFiles(root), ['good-counselling.yaml']);
  });
});

describe('re-import', () => {
  test('is idempotent and never overwrites a volunteer edit; conflicts are reported', async () => {
    const root = dataRoot();
    const feedFile = join(root, 'feed.json');
    const feed = JSON.parse(readFileSync(join(SCHEMA_FIXTURES, 'v1-page.json'), 'utf8')) as { content: Record<string, unknown>[] };
    feed.content.push({ id: '2001', name: 'Second Food Bank', description: 'More food parcels.', fees: 'Free', assured_date: '2026-01-01' });
    writeFileSync(feedFile, JSON.stringify(feed));
    const first = await importInto(root, feedFile);
    assert.deepEqual(first.report?.counts, { created: 2, duplicate: 1, 'no-name': 1, inactive: 1 });

    const again = await importInto(root, feedFile);
    assert.deepEqual(again.report?.counts, { unchanged: 2, duplicate: 1, 'no-name': 1, inactive: 1 });

    // A volunteer corrects the summary of one asset.
    const edited = join(assetDir(root), 'ladywood-food-bank.yaml');
    const volunteerText = readFileSync(edited, 'utf8').replace(
      'summary: Emergency food parcels for anyone in need.',
      'summary: Food parcels on Tuesdays and Thursdays; bring your voucher.',
    );
    writeFileSync(edited, volunteerText);
    const afterEdit = await importInto(root, feedFile);
    assert.equal(afterEdit.report?.records.find((r) => r.sourceId === '1001')?.outcome, 'kept-edit');
    assert.equal(readFileSync(edited, 'utf8'), volunteerText);

    // The council changes both services; the edited one is a conflict, the other is updated.
    for (const s of feed.content) if (s.id === '1001' || s.id === '2001') s.description = 'New opening arrangements from January.';
    writeFileSync(feedFile, JSON.stringify(feed));
    const changed = await importInto(root, feedFile);
    assert.deepEqual(changed.report?.counts, { conflict: 1, updated: 1, duplicate: 1, 'no-name': 1, inactive: 1 });
    assert.equal(readFileSync(edited, 'utf8'), volunteerText, 'the volunteer edit is kept');
    assert.match(changed.out, /conflict\s+.*was edited since the last import/);
    assert.match(readFileSync(join(assetDir(root), 'second-food-bank.yaml'), 'utf8'), /summary: New opening arrangements from January\./);
    assertLoads(root);
  });
});

// ---------------------------------------------------------------------------
// URLs, against a server of our own on 127.0.0.1

interface Served {
  base: string;
  hits: string[];
}

function serve(handler: (path: string, page: number, hits: string[]) => { status: number; body?: unknown }): Promise<Served & { server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(`${url.pathname}${url.search}`);
    const { status, body } = handler(url.pathname, Number(url.searchParams.get('page') ?? '1'), hits);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, hits, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('importing from a URL', () => {
  const services = Array.from({ length: 5 }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    name: `Counselling Drop-in ${i + 1}`,
    description: `Free counselling session number ${i + 1}.`,
    status: 'active',
  }));
  let served: Served & { server: Server };
  let failedOnce = false;

  before(async () => {
    served = await serve((path, page) => {
      if (path === '/api/services') {
        const contents = services.slice((page - 1) * 2, page * 2).map(({ id, name, status }) => ({ id, name, status }));
        return {
          status: 200,
          body: {
            total_items: 5,
            total_pages: 3,
            page_number: page,
            size: contents.length,
            first_page: page === 1,
            last_page: page === 3,
            empty: false,
            contents,
          },
        };
      }
      const detail = services.find((s) => path === `/api/services/${s.id}`);
      if (detail) {
        // The first request for the second service fails, to exercise retries.
        if (detail === services[1] && !failedOnce) {
          failedOnce = true;
          return { status: 503 };
        }
        return { status: 200, body: { ...detail, cost_options: [{ id: 'c', amount: 0 }] } };
      }
      return { status: 404, body: { error: 'not found' } };
    });
  });
  after(() => served.server.close());

  test('follows every page, fetches each full service, retries a failed request and shows progress', async () => {
    const root = dataRoot();
    const { code, report, err } = await importInto(root, `${served.base}/api/services`);
    assert.equal(code, 0);
    assert.deepEqual(report?.counts, { created: 5 });
    assert.deepEqual(
      served.hits.filter((h) => h.startsWith('/api/services?') || h === '/api/services'),
      ['/api/services', '/api/services?page=2', '/api/services?page=3'],
    );
    assert.equal(served.hits.filter((h) => h === `/api/services/${services[1]?.id}`).length, 2, 'retried once');
    assert.match(err, /Read page 3 of 3/);
    const assets = assertLoads(root);
    assert.equal(assets.length, 5);
    assert.ok(
      assets.every((a) => a.cost.free),
      'details came from /services/{id}',
    );
  });

  test('stops at --max-pages and says so', async () => {
    const root = dataRoot();
    const { report, out } = await importInto(root, `${served.base}/api/services`, '--max-pages', '2');
    assert.equal(report?.counts.created, 4);
    assert.match(out, /Stopped after 2 pages/);
  });

  test('an unreachable feed writes nothing and exits 1', async () => {
    const root = dataRoot();
    const { code, err } = await importInto(root, `${served.base}/missing`, '--retries', '0');
    assert.equal(code, 1);
    assert.match(err, /answered 404[\s\S]*Nothing was imported/);
    assert.deepEqual(assetFiles(root), []);
  });
});

describe('export → import', () => {
  test('a generated hub published as a static ORUK API comes back as the same assets', async () => {
    const source = join(scratch, 'generated');
    const generated = await run('generate', '--hub', HUB, '--assets', '40', '--out', source, '--data', dataRoot());
    assert.equal(generated.code, 0, generated.err);
    const loaded = loadData(source, { hub: HUB });
    const hub = loaded.hubs[0];
    assert.ok(hub);
    const originals = hub.assets.map((a) => a.asset);
    assert.equal(originals.length, 40);
    const files = orukApiFiles(hub.hub, loaded.categories, originals, { pageSize: 15 });

    // A static host with the ?page=N rewrite the exporter documents.
    const site = await serve((path, page) => {
      const clean = path.replace(/^\/+|\/+$/g, '');
      const file = clean === 'api/oruk/services' && page > 1 ? `api/oruk/services/page/${page}/index.json` : `${clean}/index.json`;
      return files.has(file) ? { status: 200, body: files.get(file) } : { status: 404 };
    });
    try {
      const root = dataRoot();
      cpSync(join(source, 'hubs', HUB, 'hub.yaml'), join(root, 'hubs', HUB, 'hub.yaml'));
      const { code, report } = await importInto(root, `${site.base}/api/oruk/services`);
      assert.equal(code, 0);
      assert.deepEqual(report?.counts, { created: 40 });
      const back = new Map(assertLoads(root).map((a) => [a.id, a]));
      for (const original of originals) {
        const { source: imported, ...rest } = back.get(original.id) ?? ({} as Asset);
        assert.ok(imported, `${original.id} came back`);
        assert.deepEqual(rest, original);
      }
    } finally {
      site.server.close();
    }
  });
});

describe('usage', () => {
  test('mistakes are one sentence and exit 2', async () => {
    assert.deepEqual(await run('import', 'oruk', 'x.json'), { code: 2, out: '', err: '--hub is required: the slug of the hub to import into.\n' });
    assert.equal((await run('import', 'csv', 'x', '--hub', HUB)).code, 2);
    assert.equal((await run('import', 'oruk', '--hub', HUB)).code, 2);
    assert.equal((await run('import', 'oruk', 'x', '--hub', HUB, '--max-pages', '0')).code, 2);
  });
  test('--help', async () => {
    const { code, out } = await run('import', '--help');
    assert.equal(code, 0);
    assert.match(out, /townhub import oruk <file-or-url>\.\.\. --hub <slug>/);
  });
});
