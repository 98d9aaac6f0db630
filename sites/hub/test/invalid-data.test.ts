/** A hub with invalid data fails the build with the schema's file:line errors and writes nothing for that hub. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { copyFixture, tempDir } from './helpers.ts';

const BUILD = fileURLToPath(new URL('../scripts/build.ts', import.meta.url));

test('invalid data fails with file:line errors and writes nothing', async () => {
  const data = await copyFixture();
  const file = join(data, 'hubs/testtown/assets/community-choir.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace("closes: '20:00'", "closes: '17:00'"));
  const out = await tempDir('invalid-out');
  const run = spawnSync(process.execPath, [BUILD, '--data', data, '--out', out], { encoding: 'utf8', cwd: data });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /✗ testtown\s+failed/);
  assert.match(
    run.stdout,
    /hubs\/testtown\/assets\/community-choir\.yaml:\d+:\d+ {2}schedule\.weekly\[0\]\.closes {2}closes before it opens {2}Check the times/,
  );
  assert.match(run.stderr, /Failed: testtown/);
  assert.deepEqual(readdirSync(out), [], 'nothing is written');
  assert.equal(existsSync(join(out, 'testtown')), false);
});

test('an unknown hub is refused with a hint', async () => {
  const data = await copyFixture();
  const run = spawnSync(process.execPath, [BUILD, '--data', data, '--out', await tempDir('unknown-out'), '--hub', 'testown'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /There is no hub called "testown"/);
});

test('a hub with invalid data fails alone: the hubs after it still build', async () => {
  const data = await copyFixture();
  // A second, broken hub that sorts before testtown, so one builder meets it first.
  await cp(join(data, 'hubs/testtown'), join(data, 'hubs/brokentown'), { recursive: true });
  const hub = join(data, 'hubs/brokentown/hub.yaml');
  await writeFile(hub, (await readFile(hub, 'utf8')).replace('slug: testtown', 'slug: brokentown'));
  const asset = join(data, 'hubs/brokentown/assets/community-choir.yaml');
  await writeFile(asset, (await readFile(asset, 'utf8')).replace("closes: '20:00'", "closes: '17:00'"));
  const out = await tempDir('two-hubs-out');
  const run = spawnSync(process.execPath, [BUILD, '--data', data, '--out', out, '--jobs', '1'], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /✗ brokentown\s+failed\n.*community-choir\.yaml:\d+:\d+/);
  assert.match(run.stdout, /✓ testtown\s+\d+ pages/);
  assert.match(run.stderr, /Failed: brokentown$/m);
  assert.deepEqual(readdirSync(out), ['testtown']);
  assert.ok(existsSync(join(out, 'testtown/index.html')));
});
