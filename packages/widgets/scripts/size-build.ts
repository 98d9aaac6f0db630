/**
 * Lays out what each widget costs a page, for the size-limit budgets in .size-limit.json. Each widget's define module
 * in dist/ is bundled with code splitting, as the CDN build splits it, minified, with lit and leaflet left out (shared
 * by every widget, or loaded only with a map). Then:
 *   dist-size/<widget>/first/  the entry and every chunk it imports statically: what the first load fetches;
 *   dist-size/<widget>/later/  the chunks it loads with import() when a feature is first used or the page is idle.
 * size-limit sums the compressed size of each file, as a browser fetches them one by one.
 * Run after scripts/build.ts: pnpm --filter @townhub/widgets size
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const dir = fileURLToPath(new URL('../', import.meta.url));
const SHARED = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*', 'leaflet'];

/** Budget groups: a name and the define modules a page loads together. */
export const GROUPS: [string, string[]][] = [
  ['asset-finder', ['asset-finder']],
  ['asset-card', ['asset-card']],
  ['map', ['map']],
  ['plan-builder', ['plan-builder']],
  ['plan-view', ['plan-view']],
  ['self-assessment+progress-chart', ['self-assessment', 'progress-chart']],
];

/** One output file of a widget split for size: its name, bytes, whether the first load fetches it, and its modules. */
export interface SizeFile {
  name: string;
  contents: Uint8Array;
  first: boolean;
  inputs: string[];
}

/** Splits the given built define modules (e.g. `dist/map/define.js`) as the CDN build does, without lit and leaflet. */
export async function splitForSize(entryPoints: string[]): Promise<SizeFile[]> {
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    charset: 'utf8', // as the CDN build
    target: 'es2022',
    write: false,
    metafile: true,
    outdir: 'size-out',
    outbase: 'dist',
    external: SHARED,
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const first = new Set<string>();
  const visit = (path: string): void => {
    if (first.has(path)) return;
    first.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  for (const [path, meta] of Object.entries(outputs)) if (meta.entryPoint && entryPoints.includes(meta.entryPoint)) visit(path);
  return result.outputFiles.map((file) => {
    const path = relative(dir, file.path);
    return {
      name: relative('size-out', path).replaceAll('/', '-'),
      contents: file.contents,
      first: first.has(path),
      inputs: Object.keys(outputs[path]?.inputs ?? {}),
    };
  });
}

if (import.meta.main) {
  rmSync(`${dir}dist-size`, { recursive: true, force: true });
  for (const [group, widgets] of GROUPS) {
    for (const file of await splitForSize(widgets.map((w) => `dist/${w}/define.js`))) {
      const folder = `${dir}dist-size/${group}/${file.first ? 'first' : 'later'}`;
      mkdirSync(folder, { recursive: true });
      writeFileSync(`${folder}/${file.name}`, file.contents);
    }
  }
}
