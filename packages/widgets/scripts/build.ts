/**
 * Builds @townhub/widgets:
 * 1. dist/ — unbundled ESM, one file per source module, dependencies (lit, leaflet, …) left as imports (npm users);
 * 2. dist/**.d.ts — type declarations (tsc);
 * 3. custom-elements.json — the Custom Elements Manifest, from the JSDoc;
 * 4. dist/cdn/townhub.js — one self-contained autoloader; each widget is a chunk under dist/cdn/chunks/ loaded when
 *    its tag first appears on the page; dist/cdn/widgets.json names each widget's chunk.
 * Run: pnpm --filter @townhub/widgets build
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { rewriteTemplates } from './templates.ts';
import { packageDir, presentWidgets } from './widgets.ts';

const dir = fileURLToPath(packageDir);
const pkg = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as { version: string };
const define = { __HUB_VERSION__: JSON.stringify(pkg.version) };
const target = 'es2022';
const widgets = presentWidgets();

/** Source modules that ship: everything in src/ except tests, stories, test helpers and ambient declarations. */
function sourceModules(folder = `${dir}src`): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = `${folder}/${entry}`;
    if (statSync(path).isDirectory()) return entry === 'test' ? [] : sourceModules(path);
    return /\.ts$/.test(entry) && !/\.(test|stories|d)\.ts$/.test(entry) ? [path] : [];
  });
}

/** Inlines `import css from '….css?inline'` as a minified string (the same contract Vite implements). */
const inlineCss: esbuild.Plugin = {
  name: 'inline-css',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => {
      const path = createRequire(`${args.resolveDir}/`).resolve(args.path.slice(0, -'?inline'.length));
      return { path, namespace: 'inline-css' };
    });
    build.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

/**
 * Collapses whitespace and comments inside css`…` templates and whitespace runs inside html`…` templates
 * (esbuild minifies JS, not the CSS and HTML inside it). Text in templates keeps single spaces, so rendering is unchanged.
 */
export function minifyTemplates(source: string): string {
  return minifyHtml(minifyCss(source));
}

function minifyHtml(source: string): string {
  return rewriteTemplates(source, (tag, text) => (tag === 'css' ? text : text.replace(/\s*\n\s*/g, ' ').replace(/>\s+</g, '> <')));
}

function minifyCss(source: string): string {
  return source.replace(/\bcss`([^`]*)`/g, (_, body: string) => {
    const min = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .replace(/\s+!important/g, '!important')
      // 0.5 → .5, and no spaces around * in calc() (never a digit after a selector's *).
      .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
      .replace(/\s*\*\s*(?=[\d.])/g, '*')
      .trim();
    return `css\`${min}\``;
  });
}

const minifyCssAndHtml: esbuild.Plugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /\/widgets\/src\/.*\.ts$/ }, (args) => ({ contents: minifyTemplates(readFileSync(args.path, 'utf8')), loader: 'ts' }));
  },
};

const started = performance.now();
rmSync(new URL('dist', packageDir), { recursive: true, force: true });

// 1. npm ESM: transpile each module on its own; modules importing `?inline` CSS are bundled with packages external.
const modules = sourceModules();
const inlining = modules.filter((file) => readFileSync(file, 'utf8').includes('?inline'));
await esbuild.build({
  entryPoints: modules.filter((file) => !inlining.includes(file)),
  outdir: `${dir}dist`,
  outbase: `${dir}src`,
  format: 'esm',
  target,
  define,
  plugins: [minifyCssAndHtml],
  logLevel: 'warning',
});
if (inlining.length > 0) {
  await esbuild.build({
    entryPoints: inlining,
    outdir: `${dir}dist`,
    outbase: `${dir}src`,
    bundle: true,
    packages: 'external',
    format: 'esm',
    target,
    define,
    plugins: [inlineCss, minifyCssAndHtml],
    logLevel: 'warning',
  });
}

// 2. Declarations.
execFileSync('tsc', ['-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });

// 3. Custom Elements Manifest.
execFileSync('cem', ['analyze', '--quiet'], { cwd: dir, stdio: 'inherit' });

// 4. CDN autoloader: a generated entry lists only the widgets that exist.
const cdnEntry = [
  `import { autoload } from ${JSON.stringify(`${dir}src/internal/autoloader.ts`)};`,
  'autoload({',
  ...widgets.map((w) => `  ${JSON.stringify(w.tag)}: () => import(${JSON.stringify(`${dir}src/${w.name}/define.ts`)}),`),
  '});',
].join('\n');
const cdn = await esbuild.build({
  stdin: { contents: cdnEntry, resolveDir: dir, sourcefile: 'townhub.js', loader: 'js' },
  outdir: `${dir}dist/cdn`,
  entryNames: 'townhub',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  // Module scripts are always read as UTF-8, so "–" ships as 3 bytes rather than as the 6 of "\u2013".
  charset: 'utf8',
  target,
  define,
  plugins: [inlineCss, minifyCssAndHtml],
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
// Each widget's chunk, for pages that load widgets from this folder themselves (the hub sites) rather than through
// the autoloader: { "map": "chunks/define-….js", … }.
const chunks = Object.entries(cdn.metafile.outputs).flatMap(([file, output]) => {
  const widget = widgets.find((w) => output.entryPoint === `src/${w.name}/define.ts`);
  return widget ? [[widget.name, relative(`${dir}dist/cdn`, file)]] : [];
});
writeFileSync(`${dir}dist/cdn/widgets.json`, `${JSON.stringify(Object.fromEntries(chunks), null, 2)}\n`);

console.log(`Built @townhub/widgets ${pkg.version}: ${widgets.map((w) => w.name).join(', ')} in ${Math.round(performance.now() - started)} ms.`);
