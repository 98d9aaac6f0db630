/**
 * The layout of a data root (`hubs/<slug>/hub.yaml`, `hubs/<slug>/assets/*.yaml`), read with the file system alone, so
 * a command can find its hubs before it loads the schema.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The hub folders under a data root, sorted. */
export function hubSlugs(root: string): string[] {
  const dir = join(root, 'hubs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();
}
