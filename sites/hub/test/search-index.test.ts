/**
 * The search index built while pages render (real Pagefind): pages are handed over by path, a folder at a time, and
 * the index holds exactly the pages on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { indexWhileRendering, pageGlobs, stopBackgroundWork } from '../src/integration.ts';
import { tempDir } from './helpers.ts';

after(() => stopBackgroundWork());

const page = (title: string) =>
  `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${title}</h1><p>Words about ${title}.</p></main></body></html>`;

const rendered = (path: string) => ({ path, bytes: Buffer.byteLength(page(path)), searchable: true });

async function site(pages: string[]): Promise<string> {
  const dir = await tempDir('index');
  for (const path of pages) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), page(path));
  }
  return dir;
}

test('one glob per top-level folder, each naming exactly its pages', () => {
  assert.deepEqual(pageGlobs(['assets/a/index.html', 'index.html', 'assets/b/index.html', '404.html', 'categories/food/2/index.html', 'map/index.html']), [
    'assets/{a/index.html,b/index.html}',
    '{index.html,404.html}',
    'categories/food/2/index.html',
    'map/index.html',
  ]);
});

test('indexes exactly the rendered pages, the error page and nested pages included', async () => {
  const pages = ['index.html', '404.html', 'about/index.html', 'categories/food/index.html', 'categories/food/2/index.html'];
  for (let i = 0; i < 450; i++) pages.push(`assets/asset-${String(i).padStart(3, '0')}/index.html`);
  const dir = await site(pages);
  const search = indexWhileRendering(dir);
  for (const [order, path] of pages.entries()) search.rendered(order, rendered(path));
  assert.equal(await search.finish(), pages.length);
  const fragments = readdirSync(join(dir, 'pagefind/fragment'));
  assert.equal(fragments.length, pages.length);
});

test('the same pages give the same index, whatever order their renders end in', async () => {
  const pages = Array.from({ length: 600 }, (_, i) => `assets/asset-${String(i).padStart(3, '0')}/index.html`);
  const indexFiles = async (endOrder: number[]) => {
    const dir = await site(pages);
    const search = indexWhileRendering(dir);
    for (const order of endOrder) {
      search.rendered(order, rendered(pages[order] ?? ''));
      search.rendered(pages.length + order); // a render that is not a page (a feed, say)
    }
    await search.finish();
    const files = (readdirSync(join(dir, 'pagefind'), { recursive: true }) as string[]).sort();
    return Promise.all(files.filter((f) => f.includes('.')).map(async (f) => [f, (await readFile(join(dir, 'pagefind', f))).toString('base64')]));
  };
  const inOrder = pages.map((_, i) => i);
  const shuffled = [...inOrder].sort((a, b) => ((a * 7919) % 601) - ((b * 7919) % 601));
  assert.deepEqual(await indexFiles(shuffled), await indexFiles(inOrder));
});

test('pages without content for search count as pages but are not in the index', async () => {
  const dir = await site(['index.html', 'assets/a/index.html']);
  await mkdir(join(dir, 'map'));
  const map = '<!doctype html><html lang="en"><body><h1>Map</h1><p>Every place.</p></body></html>';
  await writeFile(join(dir, 'map/index.html'), map);
  const search = indexWhileRendering(dir);
  search.rendered(0, rendered('index.html'));
  search.rendered(1, rendered('assets/a/index.html'));
  search.rendered(2, { path: 'map/index.html', bytes: Buffer.byteLength(map), searchable: false });
  assert.equal(await search.finish(), 3);
  assert.equal(readdirSync(join(dir, 'pagefind/fragment')).length, 2);
});

test('when no page marks content for search, every page is indexed, as Pagefind does', async () => {
  const dir = await tempDir('index');
  const plain = (title: string) => `<!doctype html><html lang="en"><body><h1>${title}</h1><p>About ${title}.</p></body></html>`;
  await mkdir(join(dir, 'about'));
  await writeFile(join(dir, 'index.html'), plain('Home'));
  await writeFile(join(dir, 'about/index.html'), plain('About'));
  const search = indexWhileRendering(dir);
  search.rendered(0, { path: 'index.html', bytes: Buffer.byteLength(plain('Home')), searchable: false });
  search.rendered(1, { path: 'about/index.html', bytes: Buffer.byteLength(plain('About')), searchable: false });
  assert.equal(await search.finish(), 2);
  assert.equal(readdirSync(join(dir, 'pagefind/fragment')).length, 2);
});

test('a page on disk that was never rendered is still indexed', async () => {
  const dir = await site(['index.html', 'assets/a/index.html', 'assets/b/index.html']);
  const search = indexWhileRendering(dir);
  search.rendered(0, rendered('index.html'));
  search.rendered(1, rendered('assets/a/index.html'));
  assert.equal(await search.finish(), 3);
  assert.equal(readdirSync(join(dir, 'pagefind/fragment')).length, 3);
});

test('nothing is written when the build it waits for fails', async () => {
  const dir = await site(['index.html']);
  const search = indexWhileRendering(dir);
  search.rendered(0, rendered('index.html'));
  const failed = Promise.reject(new Error('the build failed'));
  failed.catch(() => {}); // awaited by finish()
  await assert.rejects(search.finish(failed), /the build failed/);
  assert.equal(existsSync(join(dir, 'pagefind')), false);
});

/** Resolves once `path` exists, or rejects after a while. */
async function appears(path: string): Promise<void> {
  for (let tries = 0; !existsSync(path); tries++) {
    if (tries === 500) throw new Error(`${path} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the index is written while the pages that are not searchable still render', async () => {
  const searchable = ['assets/a/index.html', 'assets/b/index.html', 'categories/food/index.html'];
  const dir = await site([...searchable, 'map/index.html']);
  const map = '<!doctype html><html lang="en"><body><h1>Map</h1><p>Every place.</p></body></html>';
  await writeFile(join(dir, 'map/index.html'), map);
  const search = indexWhileRendering(dir);
  search.searchableUntil(searchable.length);
  for (const [order, path] of searchable.entries()) search.rendered(order, rendered(path));
  // Written before the map page has even rendered, and before finish() is called.
  await appears(join(dir, 'pagefind/pagefind-entry.json'));
  search.rendered(searchable.length, { path: 'map/index.html', bytes: Buffer.byteLength(map), searchable: false });
  assert.equal(await search.finish(), 4);
  assert.equal(readdirSync(join(dir, 'pagefind/fragment')).length, 3);
});

test('a searchable page after the index was written has the folder indexed again', async () => {
  const dir = await site(['assets/a/index.html', 'about/index.html']);
  const search = indexWhileRendering(dir);
  search.searchableUntil(1);
  search.rendered(0, rendered('assets/a/index.html'));
  await appears(join(dir, 'pagefind/pagefind-entry.json'));
  search.rendered(1, rendered('about/index.html'));
  assert.equal(await search.finish(), 2);
  assert.equal(readdirSync(join(dir, 'pagefind/fragment')).length, 2);
});
