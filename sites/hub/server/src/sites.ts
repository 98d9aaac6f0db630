/** The built hub sites the server serves: one folder per hub, each with a hub.json written by the build. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BuiltHub {
  slug: string;
  name: string;
  constituency: string;
  assets: number;
}

/** Folder holding the built hubs; set by the start script (TOWNHUB_SITES), with the build's default as fallback. */
export function sitesDir(): string {
  return process.env.TOWNHUB_SITES ?? import.meta.env.TOWNHUB_SITES_DEFAULT;
}

/** Every built hub, sorted by name. */
export function builtHubs(dir = sitesDir()): BuiltHub[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_') && existsSync(join(dir, name, 'hub.json')) && statSync(join(dir, name)).isDirectory())
    .map((slug) => JSON.parse(readFileSync(join(dir, slug, 'hub.json'), 'utf8')) as BuiltHub)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The hub's own 404 page for a path under /<slug>/, if that hub exists. */
export function hubNotFoundPage(pathname: string, dir = sitesDir()): string | undefined {
  const slug = pathname.split('/')[1] ?? '';
  if (!/^[a-z0-9-]+$/.test(slug)) return undefined;
  const file = join(dir, slug, '404.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
