// Tests run in real Debian Chromium. Run with `pnpm --filter @townhub/widgets test` (Node 24 through pnpm).
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShareHandler, SqliteShareStore } from '@townhub/share-service';
import { toNodeListener } from '@townhub/share-service/node';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const require = createRequire(import.meta.url);
const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const served = (file) => `/${relative(rootDir, realpathSync(file)).split('\\').join('/')}`;
const leafletEsm = served(require.resolve('leaflet/dist/leaflet-src.esm.js'));

/**
 * Leaflet 1.9's main entry is not an ES module, so map `leaflet` to its ESM build; and the dev server drops Vite's
 * `?inline`, so serve `*.css?inline` imports as a module whose default export is the CSS text.
 */
const leafletAndInlineCss = {
  name: 'leaflet-and-inline-css',
  resolveImport({ source }) {
    if (source === 'leaflet') return leafletEsm;
    if (source.endsWith('.css?inline')) return `${served(require.resolve(source.slice(0, -'?inline'.length)))}?inline-css`;
  },
  serve(context) {
    if (context.URL.searchParams.has('inline-css')) {
      const css = readFileSync(`${rootDir}${decodeURIComponent(context.path).slice(1)}`, 'utf8');
      return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
    }
  },
};

/**
 * The real share service, mounted at /api/shares on the test server itself, so the live-sharing tests talk to a real
 * handler and SQLite store on the page's own origin. Rate limits are off: the tests create many shares quickly.
 */
const shareService = (() => {
  let dataDir;
  let store;
  let listener;
  return {
    plugin: {
      name: 'share-service',
      async serverStart() {
        dataDir = mkdtempSync(join(tmpdir(), 'townhub-widgets-shares-'));
        store = await SqliteShareStore.open({ dataDir });
        listener = toNodeListener(createShareHandler({ store, rateLimits: false }));
      },
      async serverStop() {
        await store?.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    },
    async middleware(context, next) {
      if (!listener || !(context.path === '/api/shares' || context.path.startsWith('/api/shares/'))) return next();
      context.respond = false;
      await new Promise((resolve) => {
        context.res.once('close', resolve);
        listener(context.req, context.res);
      });
    },
  };
})();

export default {
  rootDir,
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: hidden background pages skip rendering, so intersection observers (the lazy map) never fire.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  middleware: [shareService.middleware],
  plugins: [shareService.plugin, leafletAndInlineCss, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
          // Test pages run side by side in background tabs: keep their timers, frames and intersection observers running.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
