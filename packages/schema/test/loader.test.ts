import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataRootError, hasErrors, jsonSchemas, loadData } from '../src/index.ts';
import { CORPUS_DIR, CORPUS_TODAY } from './corpus.ts';

const HUB_DATA = new URL('../../../hub-data/', import.meta.url).pathname;

function corpusRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'townhub-loader-'));
  cpSync(join(CORPUS_DIR, 'base'), root, { recursive: true });
  cpSync(join(HUB_DATA, 'taxonomy.yaml'), join(root, 'taxonomy.yaml'));
  return root;
}

describe('loadData on the real hub-data', () => {
  const result = loadData(HUB_DATA);

  it('loads all 28 West Midlands hubs without errors', () => {
    const errors = result.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors, []);
    assert.equal(result.hubs.length, 28);
  });

  it('has at least 60 assets in Ladywood and Edgbaston and 10 in every other hub', () => {
    for (const { hub, assets } of result.hubs) {
      const min = ['birmingham-ladywood', 'birmingham-edgbaston'].includes(hub.slug) ? 60 : 10;
      assert.ok(assets.length >= min, `${hub.slug} has ${assets.length} assets`);
      assert.equal(hub.exampleData, true, `${hub.slug} is marked as example data`);
    }
  });

  it('covers every category and kind in the first two hubs', () => {
    for (const slug of ['birmingham-ladywood', 'birmingham-edgbaston']) {
      const assets = result.hubs.find((h) => h.hub.slug === slug)?.assets.map((a) => a.asset) ?? [];
      const used = new Set(assets.flatMap((a) => a.categories));
      for (const c of result.categories) assert.ok(used.has(c.id), `${slug} has no asset in ${c.id}`);
      const kinds = new Set(assets.map((a) => a.kind));
      assert.equal(kinds.size, 7, `${slug} kinds: ${[...kinds].join(', ')}`);
    }
  });

  it('uses only reserved example domains for email and web addresses', () => {
    for (const { assets } of result.hubs) {
      for (const { asset } of assets) {
        for (const url of [asset.contact?.website, asset.contact?.booking, asset.contact?.email?.replace(/^.*@/, 'https://')]) {
          if (url) assert.match(new URL(url).hostname, /(^|\.)example\.(org|com|net)$/, `${asset.id}: ${url}`);
        }
      }
    }
  });
});

describe('loadData rules', () => {
  it('skips files whose names start with an underscore', () => {
    const root = corpusRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/_draft.yaml'), 'this: is: not valid');
    const result = loadData(root, { today: CORPUS_TODAY });
    assert.deepEqual(result.problems, []);
    assert.equal(result.hubs[0]?.assets.length, 1);
  });

  it('keeps valid assets and drops only the broken one', () => {
    const root = corpusRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/broken.yaml'), 'id: broken\n');
    const result = loadData(root, { today: CORPUS_TODAY });
    assert.equal(hasErrors(result.problems), true);
    assert.deepEqual(
      result.hubs[0]?.assets.map((a) => a.asset.id),
      ['valid-walk'],
    );
  });

  it('treats an old review date as a warning, not an error', () => {
    const result = loadData(corpusRoot(), { today: new Date('2028-01-01T00:00:00Z') });
    assert.equal(hasErrors(result.problems), false);
    assert.equal(result.problems[0]?.severity, 'warning');
  });

  it('names a missing data root and an unknown hub with a suggestion', () => {
    assert.throws(() => loadData('/no/such/folder'), DataRootError);
    assert.throws(() => loadData(corpusRoot(), { hub: 'corpos' }), /did you mean "corpus"/);
  });

  it('reports a missing taxonomy', () => {
    const root = mkdtempSync(join(tmpdir(), 'townhub-empty-'));
    const result = loadData(root);
    assert.match(result.problems[0]?.message ?? '', /taxonomy file is missing/);
  });
});

describe('JSON Schema', () => {
  it('is generated from the zod schemas and committed up to date', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      assert.equal(committed, `${JSON.stringify(schema, null, 2)}\n`, `${name} is stale: run pnpm --filter @townhub/schema json-schema`);
    }
  });

  it('forbids unknown fields so editors flag typos', () => {
    const asset = jsonSchemas()['asset.schema.json'] as { additionalProperties?: boolean; properties: Record<string, unknown> };
    assert.equal(asset.additionalProperties, false);
    assert.ok('lastReviewed' in asset.properties);
  });
});
