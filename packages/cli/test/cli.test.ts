import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeFeed, loadData } from '@townhub/schema';
import { main } from '../src/main.ts';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const CORPUS_BASE = new URL('../../schema/test/corpus/base/', import.meta.url).pathname;
const TAXONOMY = new URL('../../../hub-data/taxonomy.yaml', import.meta.url).pathname;

/** Runs the CLI in-process and captures its output. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

function dataRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'townhub-cli-'));
  cpSync(CORPUS_BASE, root, { recursive: true });
  cpSync(TAXONOMY, join(root, 'taxonomy.yaml'));
  return root;
}

const BROKEN =
  'id: broken\nname: Broken\nkind: group\nsummary: x\ncategories: [food]\nareaWide: true\ncost: { free: true }\neligibility: { referral: self }\nlastReviewed: 2026-02-30\n';

describe('townhub check', () => {
  it('exits 0 and prints a summary table for valid data', async () => {
    const r = await run('check', '--data', dataRoot());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /corpus\s+Birmingham Ladywood\s+1\s+2\s+0\s+0\s+valid/);
    assert.match(r.stdout, /1 valid hub, 0 invalid; 1 assets/);
  });

  it('exits 1 and lists file:line:column, field, message and hint', async () => {
    const root = dataRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/broken.yaml'), BROKEN);
    const r = await run('check', '--data', root);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /hubs\/corpus\/assets\/broken\.yaml:9:15 {2}lastReviewed {2}is not a real date {2}Write a real calendar date/);
    assert.match(r.stdout, /corpus .* INVALID/);
  });

  it('prints GitHub annotations', async () => {
    const root = dataRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/broken.yaml'), BROKEN);
    const r = await run('check', '--data', root, '--format', 'github');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=.*broken\.yaml,line=9,col=15,title=lastReviewed::lastReviewed: is not a real date\. Write/m);
  });

  it('prints JSON', async () => {
    const root = dataRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/broken.yaml'), BROKEN);
    const r = await run('check', '--data', root, '--format', 'json');
    const json = JSON.parse(r.stdout);
    assert.equal(json.valid, false);
    assert.equal(json.hubs[0].errors, 1);
    assert.equal(json.problems[0].line, 9);
  });

  it('checks one hub with --hub', async () => {
    const r = await run('check', '--data', dataRoot(), '--hub', 'corpus');
    assert.equal(r.code, 0);
  });
});

describe('bad arguments', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['unknown option', ['check', '--colour'], /Unknown option --colour/],
    ['bad format', ['check', '--format', 'xml'], /--format must be one of text, json, github/],
    ['missing data root', ['check', '--data', '/no/such/dir'], /There is no data folder at \/no\/such\/dir/],
    ['unknown hub', ['check', '--hub', 'birmingham-ladywod'], /There is no hub called "birmingham-ladywod"/],
    ['feed without hub', ['feed'], /--hub is required/],
    ['new-asset without name', ['new-asset', '--hub', 'corpus'], /--name is required/],
    ['generate with a bad count', ['generate', '--hub', 'x', '--assets', 'lots', '--out', '/tmp/x'], /--assets must be a positive whole number/],
    ['stale with bad months', ['stale', '--months=-3'], /--months must be a positive whole number, not "-3"/],
    ['option without a value', ['check', '--data'], /Option --data needs a value/],
  ];
  for (const [name, argv, message] of cases) {
    it(`${name}: one sentence and exit 2`, async () => {
      const r = await run(...argv);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    });
  }

  it('no stack trace from the real process either', () => {
    const r = spawnSync(process.execPath, [MAIN, 'check', '--data', '/no/such/dir'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });
});

describe('townhub feed', () => {
  it('prints a feed the widgets can decode', async () => {
    const r = await run('feed', '--data', dataRoot(), '--hub', 'corpus');
    assert.equal(r.code, 0, r.stderr);
    const feed = decodeFeed(JSON.parse(r.stdout));
    assert.equal(feed.hub.slug, 'corpus');
    assert.equal(feed.assets[0]?.name, 'Summerfield Walking Group');
  });

  it('refuses to print a feed for invalid data', async () => {
    const root = dataRoot();
    writeFileSync(join(root, 'hubs/corpus/assets/broken.yaml'), BROKEN);
    const r = await run('feed', '--data', root, '--hub', 'corpus');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /broken\.yaml:9:15/);
  });
});

describe('townhub new-asset', () => {
  it('writes a valid template named after the asset and never overwrites', async () => {
    const root = dataRoot();
    const first = await run('new-asset', '--data', root, '--hub', 'corpus', '--name', 'Knit & Natter (Tuesdays)');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /knit-natter-tuesdays\.yaml$/m);
    const second = await run('new-asset', '--data', root, '--hub', 'corpus', '--name', 'Knit & Natter (Tuesdays)');
    assert.match(second.stdout, /knit-natter-tuesdays-2\.yaml$/m);
    const text = readFileSync(join(root, 'hubs/corpus/assets/knit-natter-tuesdays.yaml'), 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=/);
    const check = await run('check', '--data', root);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(loadData(root).hubs[0]?.assets.length, 3);
  });

  it('the committed hub-data/_template.yaml is a valid asset', async () => {
    const root = dataRoot();
    const template = readFileSync(new URL('../../../hub-data/_template.yaml', import.meta.url), 'utf8');
    writeFileSync(join(root, 'hubs/corpus/assets/your-asset-id.yaml'), template);
    const r = await run('check', '--data', root);
    assert.equal(r.code, 0, r.stderr);
  });
});

describe('townhub generate', () => {
  it('is deterministic and valid', async () => {
    const a = mkdtempSync(join(tmpdir(), 'townhub-gen-'));
    const b = mkdtempSync(join(tmpdir(), 'townhub-gen-'));
    assert.equal((await run('generate', '--hub', 'synthetic', '--assets', '120', '--out', a, '--seed', '7')).code, 0);
    assert.equal((await run('generate', '--hub', 'synthetic', '--assets', '120', '--out', b, '--seed', '7')).code, 0);
    const file = 'hubs/synthetic/assets/synthetic-042.yaml';
    assert.equal(readFileSync(join(a, file), 'utf8'), readFileSync(join(b, file), 'utf8'));
    assert.ok(existsSync(join(a, 'hubs/synthetic/assets/synthetic-120.yaml')));
    const check = await run('check', '--data', a);
    assert.equal(check.code, 0, check.stderr);
    const kinds = new Set(loadData(a).hubs[0]?.assets.map((x) => x.asset.kind));
    assert.equal(kinds.size, 7);
  });
});

describe('townhub stale', () => {
  it('lists assets past review, oldest first', async () => {
    const root = dataRoot();
    const base = readFileSync(join(root, 'hubs/corpus/assets/valid-walk.yaml'), 'utf8');
    writeFileSync(
      join(root, 'hubs/corpus/assets/old-one.yaml'),
      base.replace('id: valid-walk', 'id: old-one').replace('lastReviewed: 2026-10-01', 'lastReviewed: 2020-01-01'),
    );
    writeFileSync(
      join(root, 'hubs/corpus/assets/older-one.yaml'),
      base.replace('id: valid-walk', 'id: older-one').replace('lastReviewed: 2026-10-01', 'lastReviewed: 2019-05-01'),
    );
    const r = await run('stale', '--data', root, '--format', 'json');
    const ids = JSON.parse(r.stdout).assets.map((a: { id: string }) => a.id);
    assert.deepEqual(ids, ['older-one', 'old-one']);
    const text = await run('stale', '--data', root);
    assert.match(text.stdout, /2 assets not reviewed/);
  });
});
